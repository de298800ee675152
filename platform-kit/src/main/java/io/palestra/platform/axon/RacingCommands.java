package io.palestra.platform.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Commands on a busy aggregate. Another instance appending to the same aggregate at the same moment makes the loser's
 * append fail ({@link ConcurrencyException}): sent again, the command is decided from the new state. Not inside a
 * caller's transaction, which the failed append has spoilt (the caller then answers 409 and its client retries).
 */
public final class RacingCommands {

    private static final int ATTEMPTS = 5;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private RacingCommands() {
    }

    /** Sends {@code command} and waits for it, deciding it again up to five times when it lost a race. */
    public static <R> R sendAndWait(CommandGateway commands, Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (ConcurrencyException raced) {
                if (attempt == ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Reads {@code read} until {@code done} holds or {@code wait} has passed (every 10 ms): what a request waits for
     * when another service's answer decides its outcome. Returns the last read either way.
     */
    public static <T> T awaitAnswer(Supplier<T> read, Predicate<T> done, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            value = read.get();
        }
        return value;
    }
}
