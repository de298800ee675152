package io.palestra.local.platform;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Waits until every started process answers UP on its readiness endpoint. Gives up at the first process that dies,
 * when the time is up, or when the platform is being stopped.
 */
final class Readiness {

    /** A process to wait for; {@code recent} holds its last lines, for the report when it dies. */
    record Target(String name, URI url, BooleanSupplier alive, IntSupplier exitCode, RecentLines recent) {
    }

    private final HealthProbe probe = new HealthProbe();
    private final Duration timeout;
    private final Duration interval;

    Readiness(Duration timeout, Duration interval) {
        this.timeout = timeout;
        this.interval = interval;
    }

    /**
     * @param ready     told the name and the time taken of each target as it becomes ready
     * @param cancelled true once the platform is being stopped, to give up waiting
     */
    void awaitAll(List<Target> targets, Consumer<Ready> ready, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Map<Target, String> waiting = new LinkedHashMap<>();
        targets.forEach(target -> waiting.put(target, "not asked yet"));
        while (!waiting.isEmpty()) {
            for (Target target : new ArrayList<>(waiting.keySet())) {
                if (!target.alive().getAsBoolean()) {
                    throw new StartupFailure(target.name() + " exited with code " + target.exitCode().getAsInt()
                            + " while starting", target.name(), target.recent().snapshot(), null);
                }
                HealthProbe.Answer answer = probe.ask(target.url());
                if (answer.up()) {
                    waiting.remove(target);
                    ready.accept(new Ready(target.name(), Duration.ofNanos(System.nanoTime() - start)));
                } else {
                    waiting.put(target, answer.detail());
                }
            }
            if (cancelled.getAsBoolean()) {
                throw new StartupCancelled();
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                throw new StartupFailure(notReady(waiting));
            }
            if (!waiting.isEmpty()) {
                pause();
            }
        }
    }

    /** One target became ready after {@code took}. */
    record Ready(String name, Duration took) {
    }

    private String notReady(Map<Target, String> waiting) {
        StringBuilder message = new StringBuilder("Not ready within " + Durations.format(timeout) + ":");
        waiting.forEach((target, last) -> message.append("\n  ").append(target.name()).append(" at ")
                .append(target.url()).append(": ").append(last));
        return message.toString();
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("Interrupted while waiting for the services");
        }
    }
}
