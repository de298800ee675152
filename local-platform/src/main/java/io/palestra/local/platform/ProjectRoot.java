package io.palestra.local.platform;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the checkout whose jars the launcher runs: {@code PALESTRA_HOME} when set, otherwise the directory two levels
 * above the launcher's own {@code target} directory ({@code <root>/local-platform/target/palestra-local.jar}).
 */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path locate(Map<String, String> environment, Path launcherLocation) {
        String home = environment.get("PALESTRA_HOME");
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home).toAbsolutePath().normalize();
            if (!isProject(root)) {
                throw new IllegalStateException("PALESTRA_HOME=" + home + " is not a Palestra checkout: "
                        + "it has no pom.xml and local-platform directory");
            }
            return root;
        }
        Path target = launcherLocation.toAbsolutePath().normalize().getParent();
        Path root = target == null || target.getParent() == null ? null : target.getParent().getParent();
        if (root == null || !isProject(root)) {
            throw new IllegalStateException("Cannot find the Palestra project from the launcher at "
                    + launcherLocation + ": set PALESTRA_HOME to the project's directory");
        }
        return root;
    }

    /** Where this class was loaded from: the launcher jar, or {@code target/classes} in a build. */
    static Path launcherLocation() {
        try {
            return Path.of(ProjectRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where the launcher runs from", e);
        }
    }

    private static boolean isProject(Path root) {
        return Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("local-platform"));
    }
}
