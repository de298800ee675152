package io.palestra.billing.report;

import io.palestra.billing.report.CashReports.CashReport;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.TableExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.EXPORTERS;
import static io.palestra.billing.BillingRoles.READERS;

/** The daily cash report per site and method (état de caisse), read and exported; see {@link CashReports}. */
@RestController
@RequestMapping("/api/v1/payments/cash-report")
@Tag(name = "Payments")
class CashReportController {

    private static final List<String> EXPORT_HEADER = List.of("date", "siteId", "method", "currency", "payments",
            "received", "cancellations", "cancelled", "refunds", "refunded", "topUps", "toppedUp", "net");

    private final CashReports reports;

    CashReportController(CashReports reports) {
        this.reports = reports;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The daily cash report per site and method (état de caisse): what the desk counts at closing",
            description = "Payments received, payments cancelled, refunds paid and account top-ups of the day, by "
                    + "method, with the net per method, per site and overall. Wallet and gift-card payments spend "
                    + "money counted when it came in, and financial aid is no money at the desk: they are left out. "
                    + "date: default today; siteId: default every site the caller sees.")
    CashReport report(@RequestParam(required = false) LocalDate date, @RequestParam(required = false) UUID siteId,
                      Caller caller) {
        return reports.of(caller, date, siteId);
    }

    @GetMapping("/export")
    @PreAuthorize(EXPORTERS)
    @Operation(summary = "Export the daily cash report as CSV or XLSX: a row per site and method")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) LocalDate date,
                                                 @RequestParam(required = false) UUID siteId,
                                                 @RequestParam(defaultValue = "csv") String format, Caller caller) {
        TableExport.requireFormat(format);
        CashReport report = reports.of(caller, date, siteId);
        return TableExport.of(format, "cash-report", report.date(), EXPORT_HEADER, rows -> report.sites()
                .forEach(site -> site.methods().forEach(line -> rows.accept(List.of(report.date(), site.siteId(),
                        line.method(), report.currency(), line.payments(), line.received().amount(),
                        line.cancellations(), line.cancelled().amount(), line.refunds(), line.refunded().amount(),
                        line.topUps(), line.toppedUp().amount(), line.net().amount())))));
    }
}
