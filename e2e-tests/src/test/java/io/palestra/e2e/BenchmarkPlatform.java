package io.palestra.e2e;

import io.palestra.local.platform.LocalPlatform;
import io.palestra.local.platform.Ports;
import io.palestra.local.platform.RunningPlatform;
import io.palestra.local.platform.Settings;
import io.palestra.test.Http;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The whole platform as the benchmarks and the crowd-shaped journeys run it: fresh data, free ports, the gateway's
 * per-client rate limit lifted (a crowd of members booking at once comes from as many phones; here from one test
 * client), its output in {@code target/<name>-platform.log}.
 */
final class BenchmarkPlatform implements AutoCloseable {

    private final PrintWriter log;
    private final RunningPlatform platform;

    private BenchmarkPlatform(PrintWriter log, RunningPlatform platform) {
        this.log = log;
        this.platform = platform;
    }

    private static BenchmarkPlatform shared;

    /**
     * The platform the journeys share, started by the first that asks and closed when the test JVM exits: each journey
     * class sets up its own organisation, so they need no platform of their own (starting one takes a minute and a
     * half on this machine).
     */
    static synchronized BenchmarkPlatform shared() throws IOException {
        if (shared == null) {
            shared = start("journeys");
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "journeys-platform-stop"));
        }
        return shared;
    }

    static BenchmarkPlatform start(String name) throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path data = Files.createTempDirectory("palestra-" + name);
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(Path.of("target", name + "-platform.log")), true);
        try {
            return new BenchmarkPlatform(log, LocalPlatform.start(Settings.defaults(root).withDataDirectory(data)
                    .withFreshData(true).withPorts(Ports.free()).withOutput(log::println, false)
                    .withServiceJavaOptions(List.of("-Dpalestra.gateway.rate-limit.capacity=1000000",
                            "-Dpalestra.gateway.rate-limit.refill-per-second=1000000"))));
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    RunningPlatform platform() {
        return platform;
    }

    Http gateway() {
        return new Http(platform.gatewayUrl());
    }

    /** A chain with one site, Lyon, created through the gateway. */
    record Club(UUID organization, UUID lyon) {
    }

    /** Creates a chain in euros (Europe/Paris) with its site Lyon, as a platform administrator does. */
    Club club(String name) {
        Http.Response created = gateway().post("/api/v1/organizations", """
                {"name": "%s", "currency": "EUR", "timeZone": "Europe/Paris", "locale": "fr-FR",
                 "sites": [{"name": "Lyon", "timeZone": "Europe/Paris"}]}""".formatted(name))
                .token(token("{\"roles\": [\"platform-admin\"], \"subject\": \"root\"}")).send();
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create " + name + ": " + created);
        }
        return new Club(UUID.fromString(created.json().get("id").asString()),
                UUID.fromString(created.json().get("sites").get(0).get("id").asString()));
    }

    /** A staff token of {@code organization} with one role. */
    String token(UUID organization, String role) {
        return token("{\"organizationId\": \"" + organization + "\", \"roles\": [\"" + role
                + "\"], \"subject\": \"" + role + "-user\"}");
    }

    /** A token from the development issuer, asked through the gateway. */
    String token(String request) {
        return gateway().post("/dev/token", request).send().json().get("access_token").asString();
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            log.close();
        }
    }
}
