package io.palestra.local.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectRootTest {

    @TempDir
    Path directory;

    @Test
    void isTwoLevelsAboveTheLauncherJarsDirectory() throws IOException {
        Path root = project("palestra");
        Path jar = Files.createFile(root.resolve("local-platform/target/palestra-local.jar"));

        assertThat(ProjectRoot.locate(Map.of(), jar)).isEqualTo(root);
    }

    @Test
    void isFoundFromTheClassesOfABuildToo() throws IOException {
        Path root = project("palestra");
        Path classes = Files.createDirectories(root.resolve("local-platform/target/classes"));

        assertThat(ProjectRoot.locate(Map.of(), classes)).isEqualTo(root);
    }

    @Test
    void isPalestraHomeWhenSet() throws IOException {
        Path root = project("elsewhere");
        Path jar = directory.resolve("downloads/palestra-local.jar");

        assertThat(ProjectRoot.locate(Map.of("PALESTRA_HOME", root.toString()), jar)).isEqualTo(root);
    }

    @Test
    void refusesAPalestraHomeThatIsNoCheckout() {
        assertThatThrownBy(() -> ProjectRoot.locate(Map.of("PALESTRA_HOME", directory.toString()),
                directory.resolve("palestra-local.jar")))
                .hasMessageContaining("PALESTRA_HOME=" + directory + " is not a Palestra checkout");
    }

    @Test
    void asksForPalestraHomeWhenTheJarIsOutsideACheckout() throws IOException {
        Path jar = Files.createDirectories(directory.resolve("a/b")).resolve("palestra-local.jar");

        assertThatThrownBy(() -> ProjectRoot.locate(Map.of(), jar))
                .hasMessageContaining("set PALESTRA_HOME to the project's directory");
    }

    private Path project(String name) throws IOException {
        Path root = directory.resolve(name);
        Files.createDirectories(root.resolve("local-platform/target"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        return root;
    }
}
