package io.palestra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Test JVMs killed before their shutdown hooks ran leave their PostgreSQL data behind: sweep the directories whose
 * server is gone before making a new one.
 */
final class TemporaryDirectories {

    private TemporaryDirectories() {
    }

    static void sweepAbandoned(String prefix) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> candidates = Files.list(temp)) {
            candidates.filter(path -> path.getFileName().toString().startsWith(prefix + "-"))
                    .filter(TemporaryDirectories::abandoned)
                    .forEach(TemporaryDirectories::delete);
        } catch (IOException ignored) {
            // nothing to sweep
        }
    }

    static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean olderThan(Path directory, Duration age) {
        try {
            return Files.getLastModifiedTime(directory).toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean abandoned(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return olderThan(directory, Duration.ofMinutes(10));
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            long pid = Long.parseLong(lines.findFirst().orElse("-1").trim());
            return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
