package io.palestra.local.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks, before anything starts, that every process to run has been built. */
final class ServiceJars {

    private ServiceJars() {
    }

    static void requireBuilt(Path projectRoot, List<String> modules) {
        List<Path> missing = modules.stream()
                .map(module -> BootApp.jar(projectRoot, module))
                .filter(jar -> !Files.isRegularFile(jar))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(missing.size() == 1 ? "A jar is missing:" : "Jars are missing:");
        missing.forEach(jar -> message.append("\n  ").append(projectRoot.relativize(jar)));
        message.append(missing.size() == 1 ? "\nBuild it with" : "\nBuild them with")
                .append(": ./mvnw -DskipTests package   (in ").append(projectRoot).append(')');
        throw new StartupFailure(message.toString());
    }
}
