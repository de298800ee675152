package io.palestra.local.platform;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the root {@code palestra} script in a copy of the project layout, with stand-ins for {@code mvnw} and
 * {@code java} that only record how they were called.
 */
class PalestraScriptTest {

    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("palestra");
    private static final List<String> JARS = List.of(
            "members-service/target/members-service.jar",
            "subscription-service/target/subscription-service.jar",
            "booking-service/target/booking-service.jar",
            "billing-service/target/billing-service.jar",
            "gateway/target/gateway.jar",
            "local-platform/target/palestra-local.jar");
    private static final String LAUNCH =
            "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx128m -jar local-platform/target/palestra-local.jar";
    private static final Instant BUILT = Instant.now().minusSeconds(60);

    @TempDir
    Path project;
    @TempDir
    Path elsewhere;
    private Path calls;

    @BeforeEach
    void layOutABuiltProject() throws IOException {
        calls = project.resolve("calls.log");
        Files.copy(SCRIPT, project.resolve("palestra"));
        executable("palestra", "");
        executable("mvnw", "echo \"mvnw $*\" >> calls.log\n");
        executable("bin/java", "echo \"java $*\" >> \"$(dirname \"$0\")/../calls.log\"\n");
        source("pom.xml", BUILT.minusSeconds(60));
        source("members-service/pom.xml", BUILT.minusSeconds(60));
        source("members-service/src/main/java/Member.java", BUILT.minusSeconds(60));
        for (String jar : JARS) {
            source(jar, BUILT);
        }
        // Creating the files touched their directories; a directory under src/ counts as a change too.
        try (var paths = Files.walk(project)) {
            for (Path directory : paths.filter(Files::isDirectory).toList()) {
                Files.setLastModifiedTime(directory, FileTime.from(BUILT.minusSeconds(60)));
            }
        }
    }

    @Test
    void runsTheLauncherWithoutBuildingWhenNothingChanged() throws Exception {
        run("--fresh", "--data-dir", "/tmp/demo data");

        assertThat(Files.readAllLines(calls)).containsExactly(
                LAUNCH + " --fresh --data-dir /tmp/demo data");
    }

    @Test
    void buildsFirstWhenAJarIsMissing() throws Exception {
        Files.delete(project.resolve("gateway/target/gateway.jar"));

        run();

        assertThat(Files.readAllLines(calls)).containsExactly(
                "mvnw -q -DskipTests package",
                LAUNCH);
    }

    @Test
    void buildsFirstWhenASourceChangedSinceTheLauncherWasBuilt() throws Exception {
        source("members-service/src/main/java/Member.java", BUILT.plusSeconds(30));

        run();

        assertThat(Files.readAllLines(calls)).first().isEqualTo("mvnw -q -DskipTests package");
    }

    @Test
    void buildsOnceForAChange() throws Exception {
        source("members-service/src/main/java/Member.java", BUILT.plusSeconds(30));

        run();
        run();

        assertThat(Files.readAllLines(calls)).containsExactly("mvnw -q -DskipTests package", LAUNCH, LAUNCH);
    }

    @Test
    void buildsFirstWhenAPomChanged() throws Exception {
        source("pom.xml", BUILT.plusSeconds(30));

        run();

        assertThat(Files.readAllLines(calls)).first().isEqualTo("mvnw -q -DskipTests package");
    }

    private void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("palestra").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", project.resolve("bin") + ":/usr/bin:/bin");
        Process script = builder.start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as(output).isZero();
    }

    private void executable(String file, String body) throws IOException {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        if (!body.isEmpty()) {
            Files.writeString(path, "#!/bin/sh\n" + body);
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void source(String file, Instant modified) throws IOException {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        if (!Files.exists(path)) {
            Files.writeString(path, file);
        }
        Files.setLastModifiedTime(path, FileTime.from(modified));
    }
}
