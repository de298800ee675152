package io.palestra.local.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The class path of the Kafka broker process: the launcher's own, which holds Kafka's server through local-infra.
 * When that is the shaded palestra-local.jar alone, the broker runs from a copy of it in the data directory: a build
 * while the platform runs rewrites the jar in place, and the broker would fail on the next class it loads.
 */
final class BrokerClassPath {

    private BrokerClassPath() {
    }

    static String prepare(Path dataDirectory) {
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize())
                .toList();
        Path launcher = ProjectRoot.launcherLocation().toAbsolutePath().normalize();
        if (entries.equals(List.of(launcher)) && Files.isRegularFile(launcher)) {
            return copy(launcher, dataDirectory.resolve("launcher")).toString();
        }
        // A build or a test, whose class path may be a jar of relative references (Surefire's): kept where it is,
        // each entry made absolute because the broker runs in its own directory.
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** Copies the jar unless an identical copy (same size and time) is there from an earlier run. */
    static Path copy(Path jar, Path directory) {
        Path copy = directory.resolve(jar.getFileName());
        try {
            if (Files.exists(copy) && Files.size(copy) == Files.size(jar)
                    && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(jar))) {
                return copy;
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "copy", ".partial");
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            return Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + jar + " for the Kafka broker", e);
        }
    }
}
