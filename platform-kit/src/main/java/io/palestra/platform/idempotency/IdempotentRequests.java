package io.palestra.platform.idempotency;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;

/**
 * The transaction of the {@code Idempotency-Key} request running on this thread, if any.
 *
 * <p>The first request with a key runs in one transaction with the claim of its key, so a crash leaves both or
 * neither. An endpoint that answers from a projection must see its own change there, which it cannot do before the
 * change is committed: {@link #commitNow()} commits the claim and the change together at that point (the claim still
 * marked as running), and {@link IdempotencyFilter} records the answer afterwards in a transaction of its own.
 */
public final class IdempotentRequests {

    private static final ThreadLocal<Open> CURRENT = new ThreadLocal<>();

    private IdempotentRequests() {
    }

    /**
     * Commits the transaction of the idempotent request running on this thread, if it is still open.
     *
     * @return whether there was one to commit: afterwards the thread runs outside any transaction
     */
    public static boolean commitNow() {
        Open open = CURRENT.get();
        if (open == null || open.status.isCompleted()) {
            return false;
        }
        open.transactions.commit(open.status);
        return true;
    }

    static void begin(PlatformTransactionManager transactions, TransactionStatus status) {
        CURRENT.set(new Open(transactions, status));
    }

    static void end() {
        CURRENT.remove();
    }

    private record Open(PlatformTransactionManager transactions, TransactionStatus status) {
    }
}
