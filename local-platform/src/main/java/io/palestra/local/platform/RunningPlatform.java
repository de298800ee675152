package io.palestra.local.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The platform once started, or while starting: where it answers, and how to stop it all. Closing stops the gateway,
 * then the services together, then Kafka, PostgreSQL and the issuer, so that nothing loses a dependency while it
 * still works. A JVM shutdown hook closes it too, so Ctrl-C, or a test JVM that exits, leaves no process behind.
 */
public final class RunningPlatform implements AutoCloseable {

    private static final Duration SERVICE_GRACE = Duration.ofSeconds(30);

    private final Settings settings;
    private final Output output;
    private final StartedParts parts;
    /**
     * Made up front: a build run while the platform runs rewrites palestra-local.jar in place, and a class first
     * loaded at Ctrl-C would then be missing, leaving every process running.
     */
    private final Shutdown shutdown;
    private final Thread shutdownHook = new Thread(this::close, "palestra-shutdown");
    private final CountDownLatch startupEnded = new CountDownLatch(1);
    private boolean stopped;
    private volatile Duration startupTime;

    RunningPlatform(Settings settings, Output output) {
        this.settings = settings;
        this.output = output;
        this.parts = new StartedParts(output);
        this.shutdown = new Shutdown(output);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The gateway's base URL, e.g. {@code http://localhost:8080}. */
    public String gatewayUrl() {
        return "http://localhost:" + settings.ports().gateway();
    }

    /** A service's own base URL, bypassing the gateway. */
    public String serviceUrl(Service service) {
        return "http://localhost:" + settings.ports().service(service);
    }

    /** The development token issuer, also the {@code iss} of its tokens, e.g. {@code http://localhost:8089}. */
    public String issuerUrl() {
        return parts.issuer().issuer();
    }

    public String kafkaBootstrapServers() {
        return parts.kafka().bootstrapServers();
    }

    /** The PostgreSQL server's JDBC URL without a database, e.g. {@code jdbc:postgresql://localhost:15432/}. */
    public String postgresServerUrl() {
        return parts.postgres().serverUrl();
    }

    public Path dataDirectory() {
        return settings.dataDirectory();
    }

    /** From the call to {@link LocalPlatform#start(Settings)} until every process was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    public Settings settings() {
        return settings;
    }

    StartedParts parts() {
        return parts;
    }

    List<RunningApp> apps() {
        return parts.apps();
    }

    boolean isClosing() {
        return parts.isStopping();
    }

    void startupEnded(Duration took) {
        startupTime = took;
        startupEnded.countDown();
    }

    /** Stops everything started, in order. Safe to call twice, and from the shutdown hook. */
    @Override
    public void close() {
        parts.beginStopping();
        synchronized (this) {
            if (stopped) {
                return;
            }
            awaitStartupStep();
            shutdown.stop(parts.gateway(), parts.services(), parts.kafka(), parts.postgres(), parts.issuer(),
                    SERVICE_GRACE);
            stopped = true;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run: nothing to remove
            }
        }
    }

    /** A step under way (PostgreSQL or Kafka starting) must finish, else what it starts would outlive us. */
    private void awaitStartupStep() {
        try {
            if (!startupEnded.await(2, TimeUnit.MINUTES)) {
                output.say("The startup did not give up within 2 minutes; stopping what is known to run");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
