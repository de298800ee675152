package io.palestra.platform.timing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Wake-up times in the {@code wakeup} table, one per aggregate, written in the caller's transaction. */
@Component
class JdbcWakeups implements Wakeups {

    private final JdbcClient jdbc;

    JdbcWakeups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void wakeAt(String kind, UUID aggregateId, Instant at) {
        if (at == null) {
            jdbc.sql("DELETE FROM wakeup WHERE kind = ? AND aggregate_id = ?").params(kind, aggregateId).update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO wakeup (kind, aggregate_id, wake_at, failures) VALUES (?, ?, ?, 0)
                        ON CONFLICT (kind, aggregate_id) DO UPDATE SET wake_at = EXCLUDED.wake_at, failures = 0""")
                .params(kind, aggregateId, at.atOffset(ZoneOffset.UTC)).update();
    }
}
