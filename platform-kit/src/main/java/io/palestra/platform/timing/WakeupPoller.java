package io.palestra.platform.timing;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Wakes the aggregates whose time has come, every few seconds ({@code palestra.wakeups.interval}, 10 s by default):
 * each in its own transaction, holding its row ({@code FOR UPDATE SKIP LOCKED}) so that several instances share the
 * work and never wake one aggregate twice at once. The aggregate itself decides what is due, once: a second wake-up
 * for the same moment finds nothing left to do. A wake-up that fails is retried a minute later, and its failures
 * counted ({@code palestra.wakeups.failures}).
 */
@Component
public class WakeupPoller {

    private static final Logger LOG = LoggerFactory.getLogger(WakeupPoller.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CommandGateway commands;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Sleeper> sleepers;
    private final Duration retryAfter;

    WakeupPoller(JdbcClient jdbc, TransactionTemplate transactions, CommandGateway commands, Clock clock,
                 MeterRegistry meters, List<Sleeper> sleepers,
                 @Value("${palestra.wakeups.retry-after:1m}") Duration retryAfter) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.clock = clock;
        this.meters = meters;
        this.sleepers = sleepers.stream().collect(Collectors.toMap(Sleeper::kind, Function.identity()));
        this.retryAfter = retryAfter;
    }

    @Scheduled(fixedDelayString = "${palestra.wakeups.interval:10s}",
            initialDelayString = "${palestra.wakeups.interval:10s}")
    void poll() {
        wakeDue();
    }

    /**
     * Wakes every aggregate due now, by the service's clock.
     *
     * @return how many were woken
     */
    public int wakeDue() {
        Instant now = clock.instant();
        int woken = 0;
        List<Due> due;
        do {
            due = jdbc.sql("SELECT kind, aggregate_id FROM wakeup WHERE wake_at <= ? ORDER BY wake_at LIMIT " + BATCH)
                    .param(now.atOffset(ZoneOffset.UTC))
                    .query((row, number) -> new Due(row.getString("kind"), row.getObject("aggregate_id", UUID.class)))
                    .list();
            for (Due one : due) {
                woken += wake(one, now) ? 1 : 0;
            }
        } while (due.size() == BATCH);
        return woken;
    }

    private boolean wake(Due due, Instant now) {
        Sleeper sleeper = sleepers.get(due.kind());
        try {
            Boolean ran = transactions.execute(status -> {
                boolean held = !jdbc.sql("""
                                SELECT 1 FROM wakeup WHERE kind = ? AND aggregate_id = ? AND wake_at <= ?
                                FOR UPDATE SKIP LOCKED""")
                        .params(due.kind(), due.aggregateId(), now.atOffset(ZoneOffset.UTC))
                        .query(Integer.class).list().isEmpty();
                if (held) {
                    if (sleeper == null) {
                        throw new IllegalStateException("No sleeper wakes aggregates of kind " + due.kind());
                    }
                    commands.sendAndWait(sleeper.wakeCommand(due.aggregateId(), now));
                }
                return held;
            });
            if (Boolean.TRUE.equals(ran)) {
                meters.counter("palestra.wakeups.woken", "kind", due.kind()).increment();
            }
            return Boolean.TRUE.equals(ran);
        } catch (RuntimeException e) {
            LOG.warn("Waking {} {} failed; retrying in {}", due.kind(), due.aggregateId(), retryAfter, e);
            meters.counter("palestra.wakeups.failures", "kind", due.kind()).increment();
            jdbc.sql("UPDATE wakeup SET wake_at = ?, failures = failures + 1 WHERE kind = ? AND aggregate_id = ?")
                    .params(now.plus(retryAfter).atOffset(ZoneOffset.UTC), due.kind(), due.aggregateId()).update();
            return false;
        }
    }

    private record Due(String kind, UUID aggregateId) {
    }
}
