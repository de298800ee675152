package io.palestra.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.palestra.platform.axon.Metadata;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a consumer's effects happen once although Kafka delivers at least once: each handled event id is recorded
 * in the same transaction as the effect, so a redelivered record finds it and does nothing. Axon commands sent from
 * the effect join that transaction, so the events they store commit (or roll back) with the record.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
    }

    /**
     * Runs {@code effect} unless {@code consumer} already handled this event.
     *
     * @param consumer a stable name of the consuming handler, e.g. {@code booking.member-directory}
     * @return whether the effect ran (false: a duplicate, skipped)
     */
    public boolean handleOnce(String consumer, InboundEvent event, Runnable effect) {
        String previous = MDC.get(Metadata.MDC_CORRELATION_ID);
        MDC.put(Metadata.MDC_CORRELATION_ID, event.correlationId() != null ? event.correlationId() : event.id());
        try {
            Boolean ran = transactions.execute(status -> {
                int recorded = jdbc.sql("""
                                INSERT INTO inbox_handled_event (consumer, event_id, topic) VALUES (?, ?, ?)
                                ON CONFLICT DO NOTHING""")
                        .params(consumer, event.id(), event.topic())
                        .update();
                if (recorded == 0) {
                    return false;
                }
                effect.run();
                return true;
            });
            meters.counter(Boolean.TRUE.equals(ran) ? "palestra.inbox.handled" : "palestra.inbox.duplicates",
                    "consumer", consumer).increment();
            return Boolean.TRUE.equals(ran);
        } finally {
            if (previous == null) {
                MDC.remove(Metadata.MDC_CORRELATION_ID);
            } else {
                MDC.put(Metadata.MDC_CORRELATION_ID, previous);
            }
        }
    }
}
