package io.palestra.local.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerClassPathTest {

    @TempDir
    Path directory;

    @Test
    void runsTheBrokerFromACopyThatARebuildCannotTouch() throws IOException {
        Path jar = Files.writeString(directory.resolve("palestra-local.jar"), "first build");

        Path copy = BrokerClassPath.copy(jar, directory.resolve("launcher"));
        Files.writeString(jar, "second build");

        assertThat(copy).isEqualTo(directory.resolve("launcher/palestra-local.jar")).hasContent("first build");
    }

    @Test
    void keepsAnIdenticalCopyFromAnEarlierRun() throws IOException {
        Path jar = Files.writeString(directory.resolve("palestra-local.jar"), "a build");
        Path copy = BrokerClassPath.copy(jar, directory.resolve("launcher"));
        FileTime copied = FileTime.from(Instant.parse("2030-01-01T00:00:00Z"));
        Files.setLastModifiedTime(jar, copied);
        Files.setLastModifiedTime(copy, copied);
        Object identity = Files.readAttributes(copy, "unix:ino").get("ino");

        BrokerClassPath.copy(jar, directory.resolve("launcher"));

        assertThat(Files.readAttributes(copy, "unix:ino").get("ino")).isEqualTo(identity);
    }

    @Test
    void copiesAgainAfterARebuild() throws IOException {
        Path jar = Files.writeString(directory.resolve("palestra-local.jar"), "a build");
        BrokerClassPath.copy(jar, directory.resolve("launcher"));
        Files.writeString(jar, "a longer build");

        assertThat(BrokerClassPath.copy(jar, directory.resolve("launcher"))).hasContent("a longer build");
    }
}
