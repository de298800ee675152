package io.palestra.local.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FreshDataTest {

    @TempDir
    Path data;

    @Test
    void wipesPostgresAndKafkaButKeepsTheLogs() throws IOException {
        write("postgres/base/1/pg_class");
        write("kafka/data/meta.properties");
        write("logs/members.json");

        assertThat(FreshData.wipe(data)).containsExactly(data.resolve("postgres"), data.resolve("kafka"));

        assertThat(data.resolve("postgres")).doesNotExist();
        assertThat(data.resolve("kafka")).doesNotExist();
        assertThat(data.resolve("logs/members.json")).exists();
    }

    @Test
    void hasNothingToDoOnAFirstRun() {
        assertThat(FreshData.wipe(data.resolve("never-used"))).isEmpty();
    }

    private void write(String file) throws IOException {
        Path path = data.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "data");
    }
}
