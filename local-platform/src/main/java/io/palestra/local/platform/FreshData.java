package io.palestra.local.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Wipes what the embedded PostgreSQL and Kafka keep, for {@code --fresh}; the logs stay, to compare runs. */
final class FreshData {

    static final List<String> WIPED = List.of("postgres", "kafka");

    private FreshData() {
    }

    /** @return the directories that existed and were removed */
    static List<Path> wipe(Path dataDirectory) {
        List<Path> wiped = new ArrayList<>();
        for (String name : WIPED) {
            Path directory = dataDirectory.resolve(name);
            if (Files.exists(directory)) {
                deleteTree(directory);
                wiped.add(directory);
            }
        }
        return wiped;
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not wipe " + directory, e);
        }
    }
}
