package io.palestra.booking.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.palestra.booking.session.HeldBooking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What staff, integrations and members read of resources and their slots. */
public final class ResourceQueries {

    private ResourceQueries() {
    }

    public record FindResource(UUID organizationId, UUID resourceId) {
    }

    public record ListResources(UUID organizationId, UUID siteId, String kind) {
    }

    public record FindSlotBooking(UUID organizationId, UUID bookingId) {
    }

    /** The slots held or booked on a resource on a day, by start. */
    public record DaySlots(UUID organizationId, UUID resourceId, LocalDate date) {
    }

    public record ResourceView(UUID resourceId, UUID siteId, ResourceTerms terms, long version) {
    }

    public record ResourceList(List<ResourceView> items) {
    }

    /**
     * The slot bookings a member (or a record merged into it) made or plays in, latest start first; {@code from} and
     * {@code to} may be null.
     */
    public record MemberSlots(UUID organizationId, List<UUID> memberIds, Instant from, Instant to, int limit) {
    }

    public record SlotBookingList(List<SlotBookingView> items) {
    }

    /** @param status {@code pending} (being paid for), {@code booked}, {@code refused}, {@code cancelled} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SlotBookingView(UUID bookingId, UUID resourceId, UUID siteId, UUID memberId, List<UUID> players,
                                  Instant startsAt, Instant endsAt, String channel, String status, String reason,
                                  String paidBy, UUID payerId, Integer credits, Boolean recredit, Boolean late,
                                  String bookedBy,
                                  Instant bookedAt, Instant cancelledAt) implements HeldBooking {
    }

    /** A day of a resource: its opening, the slots taken and the starts still free for each slot length. */
    public record Availability(UUID resourceId, LocalDate date, String opens, String closes,
                               List<SlotBookingView> taken, List<FreeSlot> free) {
    }

    public record FreeSlot(Instant startsAt, int minutes) {
    }

    /** A slot on each week: booked, or skipped with why ({@code slot-taken}, {@code closed}, …). */
    public record SlotSeries(List<SlotBookingView> bookings, List<SkippedSlot> skipped) {
    }

    public record SkippedSlot(Instant startsAt, String reason) {
    }
}
