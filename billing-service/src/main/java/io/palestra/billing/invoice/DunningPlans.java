package io.palestra.billing.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Each organisation's dunning plan (relances): how many days after the due date a failed automatic collection is tried
 * again, e.g. 3 then 7; after the last, the plan gives up and the invoice stays overdue, listed for staff.
 */
@Component
public class DunningPlans {

    /** The plan of an organisation that set none: retry 3 and 7 days after the due date. */
    public static final List<Integer> DEFAULT = List.of(3, 7);

    private final JdbcClient jdbc;

    public DunningPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Integer> retryDays(UUID organizationId) {
        return jdbc.sql("SELECT retry_days FROM dunning_plan WHERE organization_id = ?").param(organizationId)
                .query((rs, row) -> {
                    Array days = rs.getArray("retry_days");
                    return Arrays.stream((Integer[]) days.getArray()).toList();
                }).optional().orElse(DEFAULT);
    }

    public void set(UUID organizationId, List<Integer> retryDays) {
        jdbc.sql("""
                        INSERT INTO dunning_plan (organization_id, retry_days) VALUES (?, ?)
                        ON CONFLICT (organization_id) DO UPDATE SET retry_days = excluded.retry_days""")
                .params(organizationId, retryDays.toArray(Integer[]::new)).update();
    }

    /**
     * When to try again after attempt {@code failedAttempt} (1 is the first) of an invoice due on {@code dueOn}, never
     * before {@code today + 1}; empty once the plan is over.
     */
    public Optional<LocalDate> nextAttempt(UUID organizationId, LocalDate dueOn, int failedAttempt, LocalDate today) {
        List<Integer> days = retryDays(organizationId);
        if (failedAttempt > days.size()) {
            return Optional.empty();
        }
        LocalDate planned = dueOn.plusDays(days.get(failedAttempt - 1));
        return Optional.of(planned.isAfter(today) ? planned : today.plusDays(1));
    }
}
