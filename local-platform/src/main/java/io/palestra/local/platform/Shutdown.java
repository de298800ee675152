package io.palestra.local.platform;

import io.palestra.local.issuer.DevTokenIssuer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops the platform front to back: the gateway first so no new request comes in, then the services together (each
 * gets a graceful SIGTERM and {@code grace} to finish), then what they depend on. Every step runs even when one
 * before it failed, and each says what it stopped.
 */
final class Shutdown {

    private final Output output;

    Shutdown(Output output) {
        this.output = output;
    }

    /** Any argument may be null: only what was started is stopped. */
    void stop(RunningApp gateway, List<RunningApp> services, KafkaServer kafka, PostgresServer postgres,
              DevTokenIssuer issuer, Duration grace) {
        if (gateway != null) {
            stopApp(gateway, grace);
        }
        stopTogether(services, grace);
        if (kafka != null && kafka.isEmbedded()) {
            step("the Kafka broker", kafka::close);
        }
        if (postgres != null && postgres.isEmbedded()) {
            step("PostgreSQL", postgres::close);
        }
        if (issuer != null) {
            step("the token issuer", issuer::close);
        }
    }

    private void stopTogether(List<RunningApp> services, Duration grace) {
        List<Thread> stopping = new ArrayList<>();
        for (RunningApp service : services) {
            Thread thread = new Thread(() -> stopApp(service, grace), "stop-" + service.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stopApp(RunningApp app, Duration grace) {
        if (!app.isAlive()) {
            output.say(app.name() + " had already exited (code " + app.exitValue() + ")");
            return;
        }
        step(app.name() + " (pid " + app.pid() + ")", () -> app.stop(grace));
    }

    private void step(String what, Runnable stop) {
        long begin = System.nanoTime();
        try {
            stop.run();
            output.say("Stopped " + what + " in " + Durations.format(Durations.since(begin)));
        } catch (RuntimeException e) {
            output.say("Could not stop " + what + ": " + e.getMessage());
        }
    }
}
