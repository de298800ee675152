package io.palestra.billing.invoice;

import io.palestra.billing.invoice.InvoiceQueries.Collection;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceList;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.billing.invoice.InvoiceQueries.ListInvoices;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.TableExport;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The invoice lists staff read and export: the search (by member, number, status, dates, site), the overdue list and
 * the failed-payment list. Every answer holds only the sites the caller sees.
 */
@Component
class InvoiceLists {

    static final int MAX_LIMIT = 500;
    private static final List<String> EXPORT_HEADER = List.of("invoiceId", "number", "invoiceDate", "dueOn",
            "status", "memberId", "beneficiaryId", "siteId", "currency", "total", "vat", "paid", "balance",
            "creditedByNotes", "refunded", "subscriptionId", "installmentNumber", "collectionAttempts",
            "lastFailure", "nextAttemptOn", "gaveUp", "issuedAt");

    private final QueryGateway queries;
    private final Organizations organizations;
    private final Clock clock;

    InvoiceLists(QueryGateway queries, Organizations organizations, Clock clock) {
        this.queries = queries;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The filters of an invoice list, before its page is chosen. */
    record InvoiceFilter(UUID organizationId, UUID siteId, UUID memberId, String number, String status,
                         LocalDate from, LocalDate to, boolean collectionFailed, LocalDate today) {

        ListInvoices page(int limit, int offset) {
            return new ListInvoices(organizationId, siteId, memberId, number, status, from, to, collectionFailed,
                    today, limit, offset);
        }
    }

    /**
     * The list query of these filters, checked.
     *
     * @throws InvalidInputException on an unknown status
     */
    InvoiceFilter filter(Caller caller, UUID siteId, UUID memberId, String number, String status, LocalDate from,
                         LocalDate to, boolean collectionFailed) {
        if (status != null && !InvoiceQueries.STATUSES.contains(status)) {
            throw InvalidInputException.of("status", "must be one of " + String.join(", ",
                    InvoiceQueries.STATUSES.stream().sorted().toList()));
        }
        return new InvoiceFilter(caller.organization(), siteId, memberId, number, status, from, to,
                collectionFailed, organizations.today(caller.organization(), null, clock));
    }

    /** The first {@code limit} invoices of {@code filter}, latest first. */
    InvoiceList list(Caller caller, InvoiceFilter filter, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return visible(caller, queries.query(filter.page(limit, 0), InvoiceList.class).join());
    }

    /**
     * Every invoice of {@code filter} as a CSV or XLSX file, read page by page.
     *
     * @param baseName the file's name before its date
     */
    ResponseEntity<StreamingResponseBody> export(Caller caller, String baseName, InvoiceFilter filter,
                                                 String format) {
        TableExport.requireFormat(format);
        return TableExport.of(format, baseName, filter.today(), EXPORT_HEADER, TableExport.paged(MAX_LIMIT,
                (limit, offset) -> queries.query(filter.page(limit, offset), InvoiceList.class).join().items(),
                invoice -> caller.sees(invoice.siteId()), InvoiceLists::exported));
    }

    private static InvoiceList visible(Caller caller, InvoiceList invoices) {
        return new InvoiceList(invoices.items().stream().filter(invoice -> caller.sees(invoice.siteId())).toList());
    }

    private static List<Object> exported(InvoiceView invoice) {
        Collection collection = invoice.collection();
        return Arrays.asList(invoice.invoiceId(), invoice.number(), invoice.invoiceDate(), invoice.dueOn(),
                invoice.status(), invoice.memberId(), invoice.beneficiaryId(), invoice.siteId(), invoice.currency(),
                invoice.totals().total().amount(), invoice.totals().vat().stream().map(rate -> rate.vat().amount())
                        .reduce(BigDecimal.ZERO, BigDecimal::add), invoice.paid().amount(),
                invoice.balance().amount(), invoice.creditedByNotes().amount(), invoice.refunded().amount(),
                invoice.subscriptionId(), invoice.installmentNumber(),
                collection == null ? null : collection.attempts(),
                collection == null ? null : collection.lastFailure(),
                collection == null ? null : collection.nextAttemptOn(),
                collection == null ? null : collection.gaveUp(), invoice.issuedAt());
    }
}
