package io.palestra.billing.invoice;

import io.palestra.billing.invoice.InvoiceQueries.InvoiceList;
import io.palestra.billing.invoice.InvoiceQueries.ListPayments;
import io.palestra.billing.invoice.InvoiceQueries.PaymentEntry;
import io.palestra.billing.invoice.InvoiceQueries.PaymentList;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.TableExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.EXPORTERS;
import static io.palestra.billing.BillingRoles.READERS;

/**
 * Payments on their own: a member's, a site's, a method's, over a few days, and the failed-payment list (the
 * installments whose automatic collection failed and are still unpaid). Each list exports as CSV or XLSX.
 */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments")
class PaymentController {

    private static final List<String> EXPORT_HEADER = List.of("paymentId", "invoiceId", "invoiceNumber",
            "memberId", "siteId", "method", "currency", "amount", "applied", "credited", "reference", "receivedBy",
            "receivedAt", "cancelledBy", "cancelledAt", "cancelReason");

    private final QueryGateway queries;
    private final InvoiceLists invoices;
    private final Organizations organizations;
    private final Clock clock;

    PaymentController(QueryGateway queries, InvoiceLists invoices, Organizations organizations, Clock clock) {
        this.queries = queries;
        this.invoices = invoices;
        this.organizations = organizations;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Payments, latest first: a member's, by site, by method, received between two dates",
            description = "Cancelled payments are listed with when and why. Dates are the organisation's.")
    PaymentList list(@RequestParam(required = false) UUID memberId, @RequestParam(required = false) UUID siteId,
                     @RequestParam(required = false) String method, @RequestParam(required = false) LocalDate from,
                     @RequestParam(required = false) LocalDate to,
                     @RequestParam(required = false, defaultValue = "100") int limit, Caller caller) {
        if (limit < 1 || limit > InvoiceLists.MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + InvoiceLists.MAX_LIMIT);
        }
        return visible(caller, queries.query(query(caller, memberId, siteId, method, from, to, limit, 0),
                PaymentList.class).join());
    }

    @GetMapping("/export")
    @PreAuthorize(EXPORTERS)
    @Operation(summary = "Export the filtered payment list as CSV or XLSX", description = "The list's filters "
            + "apply; every matching payment, latest first, streamed.")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) UUID memberId,
                                                 @RequestParam(required = false) UUID siteId,
                                                 @RequestParam(required = false) String method,
                                                 @RequestParam(required = false) LocalDate from,
                                                 @RequestParam(required = false) LocalDate to,
                                                 @RequestParam(defaultValue = "csv") String format, Caller caller) {
        TableExport.requireFormat(format);
        query(caller, memberId, siteId, method, from, to, 1, 0);
        return TableExport.of(format, "payments", organizations.today(caller.organization(), null, clock),
                EXPORT_HEADER, TableExport.paged(InvoiceLists.MAX_LIMIT, (limit, offset) -> queries.query(
                        query(caller, memberId, siteId, method, from, to, limit, offset), PaymentList.class).join()
                        .items(), payment -> caller.sees(payment.siteId()), PaymentController::exported));
    }

    @GetMapping("/failed")
    @PreAuthorize(READERS)
    @Operation(summary = "The failed-payment list: unpaid invoices whose last automatic collection failed",
            description = "With the reason, the attempts made, when the dunning plan tries again, or that it gave "
                    + "up; latest first.")
    InvoiceList failed(@RequestParam(required = false) UUID memberId, @RequestParam(required = false) UUID siteId,
                       @RequestParam(required = false, defaultValue = "100") int limit, Caller caller) {
        return invoices.list(caller, invoices.filter(caller, siteId, memberId, null, null, null, null, true), limit);
    }

    @GetMapping("/failed/export")
    @PreAuthorize(EXPORTERS)
    @Operation(summary = "Export the failed-payment list as CSV or XLSX")
    ResponseEntity<StreamingResponseBody> exportFailed(@RequestParam(required = false) UUID memberId,
                                                       @RequestParam(required = false) UUID siteId,
                                                       @RequestParam(defaultValue = "csv") String format,
                                                       Caller caller) {
        return invoices.export(caller, "failed-payments", invoices.filter(caller, siteId, memberId, null, null, null,
                null, true), format);
    }

    private ListPayments query(Caller caller, UUID memberId, UUID siteId, String method, LocalDate from,
                               LocalDate to, int limit, int offset) {
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidInputException.of("to", "must not be before from");
        }
        ZoneId zone = organizations.zone(caller.organization(), siteId);
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        return new ListPayments(caller.organization(), siteId, memberId, method, start, end, limit, offset);
    }

    private static PaymentList visible(Caller caller, PaymentList payments) {
        return new PaymentList(payments.items().stream().filter(payment -> caller.sees(payment.siteId())).toList());
    }

    private static List<Object> exported(PaymentEntry payment) {
        return Arrays.asList(payment.paymentId(), payment.invoiceId(), payment.invoiceNumber(), payment.memberId(),
                payment.siteId(), payment.method(), payment.amount().currency(), payment.amount().amount(),
                payment.applied().amount(), payment.credited().amount(), payment.reference(), payment.receivedBy(),
                payment.receivedAt(), payment.cancelledBy(), payment.cancelledAt(), payment.cancelReason());
    }
}
