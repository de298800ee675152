package io.palestra.billing.account;

import io.palestra.platform.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Queries of members' accounts that other parts of billing ask, and their answers. */
public final class AccountQueries {

    private AccountQueries() {
    }

    /** Money put on accounts at the desk (top-ups) at these sites within {@code [from, to)}, by method. */
    public record CountTopUps(UUID organizationId, Set<UUID> siteIds, Instant from, Instant to) {
    }

    public record TopUps(UUID siteId, String method, long count, Money amount) {
    }

    public record TopUpList(List<TopUps> items) {
    }
}
