package io.palestra.billing.report;

import io.palestra.billing.account.AccountQueries.CountTopUps;
import io.palestra.billing.account.AccountQueries.TopUpList;
import io.palestra.billing.invoice.InvoiceQueries.CashMovementList;
import io.palestra.billing.invoice.InvoiceQueries.CashMovements;
import io.palestra.platform.money.Money;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.EXPORTERS;
import static io.palestra.billing.BillingRoles.READERS;

/**
 * The daily cash report (état de caisse): what each site took in and gave back on a day, by method, as the front
 * desk counts it at closing. Each site's day is read in its own time zone.
 */
@RestController
@RequestMapping("/api/v1/payments/cash-report")
@Tag(name = "Payments")
class CashReportController {

    /** Methods that spend money counted when it came in: not in the report, or it would be counted twice. */
    static final Set<String> NOT_COUNTED = Set.of("wallet", "gift-card", "scholarship");
    private static final List<String> EXPORT_HEADER = List.of("date", "siteId", "method", "currency", "payments",
            "received", "cancellations", "cancelled", "refunds", "refunded", "topUps", "toppedUp", "net");

    private final QueryGateway queries;
    private final Organizations organizations;
    private final Clock clock;

    CashReportController(QueryGateway queries, Organizations organizations, Clock clock) {
        this.queries = queries;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * @param net received − cancelled − refunded + toppedUp: what the drawer or the terminal should hold for it
     */
    record MethodLine(String method, long payments, Money received, long cancellations, Money cancelled,
                      long refunds, Money refunded, long topUps, Money toppedUp, Money net) {
    }

    record SiteReport(UUID siteId, List<MethodLine> methods, Money net) {
    }

    record CashReport(LocalDate date, String currency, List<SiteReport> sites, Money net) {
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
        return report(caller, date, siteId);
    }

    @GetMapping("/export")
    @PreAuthorize(EXPORTERS)
    @Operation(summary = "Export the daily cash report as CSV or XLSX: a row per site and method")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) LocalDate date,
                                                 @RequestParam(required = false) UUID siteId,
                                                 @RequestParam(defaultValue = "csv") String format, Caller caller) {
        TableExport.requireFormat(format);
        CashReport report = report(caller, date, siteId);
        return TableExport.of(format, "cash-report", report.date(), EXPORT_HEADER, rows -> report.sites()
                .forEach(site -> site.methods().forEach(line -> rows.accept(List.of(report.date(), site.siteId(),
                        line.method(), report.currency(), line.payments(), line.received().amount(),
                        line.cancellations(), line.cancelled().amount(), line.refunds(), line.refunded().amount(),
                        line.topUps(), line.toppedUp().amount(), line.net().amount())))));
    }

    private CashReport report(Caller caller, LocalDate date, UUID siteId) {
        UUID organization = caller.organization();
        String currency = organizations.requiredCurrency(organization);
        LocalDate day = date == null ? organizations.today(organization, siteId, clock) : date;
        List<UUID> sites = siteId == null ? organizations.sites(organization).stream().filter(caller::sees).sorted()
                .toList() : List.of(organizations.managedSite(caller, siteId));
        List<SiteReport> reports = new ArrayList<>();
        Money total = Money.zero(currency);
        for (UUID site : sites) {
            SiteReport report = site(organization, site, day, currency);
            reports.add(report);
            total = total.plus(report.net());
        }
        return new CashReport(day, currency, reports, total);
    }

    private SiteReport site(UUID organization, UUID site, LocalDate day, String currency) {
        ZoneId zone = organizations.zone(organization, site);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Tally> tallies = new TreeMap<>();
        queries.query(new CashMovements(organization, Set.of(site), from, to), CashMovementList.class).join().items()
                .stream().filter(movement -> !NOT_COUNTED.contains(movement.method()))
                .forEach(movement -> tallies.computeIfAbsent(movement.method(), method -> new Tally(currency))
                        .add(movement.kind(), movement.count(), movement.amount()));
        queries.query(new CountTopUps(organization, Set.of(site), from, to), TopUpList.class).join().items()
                .stream().filter(topUps -> topUps.method() == null || !NOT_COUNTED.contains(topUps.method()))
                .forEach(topUps -> tallies.computeIfAbsent(topUps.method() == null ? "other" : topUps.method(),
                        method -> new Tally(currency)).add("top-up", topUps.count(), topUps.amount()));
        List<MethodLine> lines = tallies.entrySet().stream().map(entry -> entry.getValue().line(entry.getKey()))
                .toList();
        return new SiteReport(site, lines, lines.stream().map(MethodLine::net)
                .reduce(Money.zero(currency), Money::plus));
    }

    /** One method's counts and sums, as they are read. */
    private static final class Tally {

        private final long[] counts = new long[4];
        private final Money[] sums;

        Tally(String currency) {
            sums = new Money[]{Money.zero(currency), Money.zero(currency), Money.zero(currency),
                    Money.zero(currency)};
        }

        void add(String kind, long count, Money amount) {
            int index = switch (kind) {
                case "received" -> 0;
                case "cancelled" -> 1;
                case "refunded" -> 2;
                default -> 3;
            };
            counts[index] += count;
            sums[index] = sums[index].plus(amount);
        }

        MethodLine line(String method) {
            return new MethodLine(method, counts[0], sums[0], counts[1], sums[1], counts[2], sums[2], counts[3],
                    sums[3], sums[0].minus(sums[1]).minus(sums[2]).plus(sums[3]));
        }
    }
}
