package io.palestra.subscription.pass;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reading passes and their ledgers. */
public final class PassQueries {

    private PassQueries() {
    }

    public record FindPass(UUID organizationId, UUID passId) {
    }

    public record PassLedger(UUID organizationId, UUID passId) {
    }

    /**
     * @param memberId  the member whose passes, and whose household's shared passes, to list; null: every pass
     * @param household the member's household (the member included)
     * @param status    active, used-up, upcoming, awaiting-first-use, expired, cancelled; null: every one
     */
    public record ListPasses(UUID organizationId, UUID memberId, List<UUID> household, String status) {
    }

    /**
     * A pass as staff read it (seed 004): {@code balance} of {@code credits} (3/5), null for an unlimited pass.
     *
     * @param status active (usable now), upcoming (starts on a later day), awaiting-first-use (starts when first
     *               used), used-up (0 credits left: it leaves the active list), expired, cancelled
     */
    public record PassView(UUID id, UUID organizationId, UUID memberId, UUID planId, String name, String kind,
                           Integer credits, Integer balance, String saleReference, String activation,
                           LocalDate validFrom, LocalDate validUntil, boolean shareableByHousehold, String status,
                           Instant issuedAt, long version) {
    }

    public record PassList(List<PassView> items) {
    }

    /**
     * One movement: {@code credits} from account {@code from} to account {@code to}; the balance after.
     *
     * @param actor who did it, for staff movements
     */
    public record LedgerEntry(long sequence, String movement, String from, String to, int credits, Integer balance,
                              UUID bookingId, String reason, String actor, Instant at) {
    }

    public record Ledger(UUID passId, Integer credits, Integer balance, List<LedgerEntry> entries) {
    }
}
