package io.palestra.billing.report;

import io.palestra.billing.account.AccountQueries.CountTopUps;
import io.palestra.billing.account.AccountQueries.TopUpList;
import io.palestra.billing.invoice.InvoiceQueries.CashMovementList;
import io.palestra.billing.invoice.InvoiceQueries.CashMovements;
import io.palestra.billing.invoice.PaymentMethods;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

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


/**
 * The daily cash report (état de caisse): what each site took in and gave back on a day, by method, as the front
 * desk counts it at closing. Each site's day is read in its own time zone. Methods that spend money already inside
 * billing ({@link PaymentMethods#INSIDE}) are left out, or the drawer would look richer than it is.
 */
@Component
class CashReports {

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

    private final QueryGateway queries;
    private final Organizations organizations;
    private final Clock clock;

    CashReports(QueryGateway queries, Organizations organizations, Clock clock) {
        this.queries = queries;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * The report of {@code date} (default: today) for {@code siteId}, or every site the caller sees.
     *
     * @throws io.palestra.platform.errors.InvalidInputException on a site the caller may not see
     */
    CashReport of(Caller caller, LocalDate date, UUID siteId) {
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
                .stream().filter(movement -> !PaymentMethods.INSIDE.contains(movement.method()))
                .forEach(movement -> tallies.computeIfAbsent(movement.method(), method -> new Tally(currency))
                        .add(movement.kind(), movement.count(), movement.amount()));
        queries.query(new CountTopUps(organization, Set.of(site), from, to), TopUpList.class).join().items()
                .stream().filter(topUps -> topUps.method() == null || !PaymentMethods.INSIDE.contains(topUps.method()))
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
