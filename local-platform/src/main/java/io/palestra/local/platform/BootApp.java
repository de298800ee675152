package io.palestra.local.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Spring Boot process of the platform, a service or the gateway, run from its module's executable jar.
 *
 * @param label       short name for output prefixes and the log file
 * @param environment the variables that configure it, on top of the launcher's own environment
 */
record BootApp(String label, String module, int port, Map<String, String> environment) {

    BootApp {
        environment = Map.copyOf(environment);
    }

    static Path jar(Path projectRoot, String module) {
        return projectRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    Path jar(Path projectRoot) {
        return jar(projectRoot, module);
    }

    String url() {
        return "http://localhost:" + port;
    }

    URI readiness() {
        return URI.create(url() + "/actuator/health/readiness");
    }
}
