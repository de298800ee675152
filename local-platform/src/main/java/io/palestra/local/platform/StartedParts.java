package io.palestra.local.platform;

import io.palestra.local.issuer.DevTokenIssuer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What has been started so far, filled in by the startup as each part runs. Once stopping has begun, a part that
 * finishes starting is stopped at once and the startup is cancelled, so nothing outlives the launcher.
 */
final class StartedParts {

    private final Output output;
    private boolean stopping;
    private PostgresServer postgres;
    private KafkaServer kafka;
    private DevTokenIssuer issuer;
    private final List<RunningApp> services = new ArrayList<>();
    private RunningApp gateway;

    StartedParts(Output output) {
        this.output = output;
    }

    synchronized void add(PostgresServer server) {
        refuseWhenStopping(server);
        postgres = server;
    }

    synchronized void add(KafkaServer server) {
        refuseWhenStopping(server);
        kafka = server;
    }

    synchronized void add(DevTokenIssuer started) {
        refuseWhenStopping(started);
        issuer = started;
    }

    synchronized void addService(RunningApp app) {
        refuseWhenStopping(() -> app.stop(Duration.ZERO));
        services.add(app);
    }

    synchronized void addGateway(RunningApp app) {
        refuseWhenStopping(() -> app.stop(Duration.ZERO));
        gateway = app;
    }

    synchronized void beginStopping() {
        stopping = true;
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    synchronized PostgresServer postgres() {
        return postgres;
    }

    synchronized KafkaServer kafka() {
        return kafka;
    }

    synchronized DevTokenIssuer issuer() {
        return issuer;
    }

    synchronized List<RunningApp> services() {
        return List.copyOf(services);
    }

    synchronized RunningApp gateway() {
        return gateway;
    }

    /** The services, then the gateway if it runs. */
    synchronized List<RunningApp> apps() {
        List<RunningApp> apps = new ArrayList<>(services);
        if (gateway != null) {
            apps.add(gateway);
        }
        return apps;
    }

    private void refuseWhenStopping(AutoCloseable started) {
        if (stopping) {
            try {
                started.close();
            } catch (Exception e) {
                output.say("Could not stop what was starting: " + e.getMessage());
            }
            throw new StartupCancelled();
        }
    }
}
