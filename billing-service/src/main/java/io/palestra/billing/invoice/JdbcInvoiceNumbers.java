package io.palestra.billing.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * One counter row per organisation and series, incremented in the issuing command's transaction: the row stays locked
 * until that transaction ends, so concurrent issues of one organisation take their numbers one after the other, and a
 * rolled-back issue gives its number back. Across restarts the counter is simply the table. The cost is that issues
 * of one organisation are serialised from the number to the commit (measured in docs/performance.md).
 */
@Component
class JdbcInvoiceNumbers implements InvoiceNumbers {

    private final JdbcClient jdbc;

    JdbcInvoiceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(UUID organizationId, String series) {
        long next = jdbc.sql("""
                        INSERT INTO invoice_number_counter (organization_id, series, last_value) VALUES (?, ?, 1)
                        ON CONFLICT (organization_id, series)
                        DO UPDATE SET last_value = invoice_number_counter.last_value + 1
                        RETURNING last_value""")
                .params(organizationId, series)
                .query(Long.class).single();
        return String.format("%s-%06d", series, next);
    }
}
