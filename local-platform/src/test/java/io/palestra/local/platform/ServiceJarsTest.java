package io.palestra.local.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceJarsTest {

    @TempDir
    Path root;

    @Test
    void namesTheMissingJarAndHowToBuildIt() throws IOException {
        built("members-service");

        assertThatThrownBy(() -> ServiceJars.requireBuilt(root, List.of("members-service", "gateway")))
                .isInstanceOf(StartupFailure.class)
                .hasMessage("A jar is missing:\n  gateway/target/gateway.jar\n"
                        + "Build it with: ./mvnw -DskipTests package   (in " + root + ")");
    }

    @Test
    void acceptsABuiltProject() throws IOException {
        built("members-service");
        built("gateway");

        assertThatCode(() -> ServiceJars.requireBuilt(root, List.of("members-service", "gateway")))
                .doesNotThrowAnyException();
    }

    private void built(String module) throws IOException {
        Path jar = BootApp.jar(root, module);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "a jar");
    }
}
