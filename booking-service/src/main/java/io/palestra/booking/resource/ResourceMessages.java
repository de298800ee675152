package io.palestra.booking.resource;

import io.palestra.booking.session.SessionMessages.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and events of resources and of their days' slots. */
public final class ResourceMessages {

    private ResourceMessages() {
    }

    public record DefineResource(UUID resourceId, UUID organizationId, UUID siteId, ResourceTerms terms,
                                 String actor, Instant at) {
    }

    public record ReviseResource(@TargetAggregateIdentifier UUID resourceId, ResourceTerms terms, String actor,
                                 Instant at) {
    }

    /** @param players who plays, the booker included (at most the resource's {@code maxPlayers}) */
    public record ReserveSlot(@TargetAggregateIdentifier UUID dayId, UUID resourceId, UUID organizationId,
                              LocalDate date, UUID bookingId, UUID memberId, List<UUID> players, Instant startsAt,
                              int minutes, Channel channel, String actor, Instant at) {
    }

    public record ConfirmSlot(@TargetAggregateIdentifier UUID dayId, UUID bookingId, String paidBy, UUID payerId,
                              int credits, Instant at) {
    }

    public record RefuseSlot(@TargetAggregateIdentifier UUID dayId, UUID bookingId, String reason, Instant at) {
    }

    public record CancelSlot(@TargetAggregateIdentifier UUID dayId, UUID bookingId, Channel channel,
                             boolean recredit, String reason, String actor, Instant at) {
    }

    public record ResourceDefined(UUID resourceId, UUID organizationId, UUID siteId, ResourceTerms terms,
                                  String actor, Instant at) {
    }

    public record ResourceRevised(UUID resourceId, UUID organizationId, UUID siteId, ResourceTerms terms,
                                  String actor, Instant at) {
    }

    /** The slot is held for the booking while what pays for it is decided ({@code SeatReserved}). */
    public record SlotHeld(UUID dayId, UUID resourceId, UUID organizationId, UUID siteId, UUID bookingId,
                           UUID memberId, List<UUID> players, Instant startsAt, Instant endsAt, String activityType,
                           int credits, Channel channel, String actor, Instant at) {
    }

    public record SlotConfirmed(UUID dayId, UUID resourceId, UUID organizationId, UUID siteId, UUID bookingId,
                                UUID memberId, String paidBy, UUID payerId, int credits, Instant at) {
    }

    public record SlotRefused(UUID dayId, UUID resourceId, UUID organizationId, UUID siteId, UUID bookingId,
                              UUID memberId, String reason, Instant at) {
    }

    /** @param late an online cancellation after the resource's late-cancellation cutoff (nothing given back) */
    public record SlotCancelled(UUID dayId, UUID resourceId, UUID organizationId, UUID siteId, UUID bookingId,
                                UUID memberId, boolean recredit, boolean late, String reason, String actor,
                                Instant at) {
    }

    /** The aggregate holding a resource's slots of one day: the boundary inside which no two bookings overlap. */
    public static UUID dayOf(UUID resourceId, LocalDate date) {
        return UUID.nameUUIDFromBytes(("palestra:resource-day:" + resourceId + ":" + date)
                .getBytes(StandardCharsets.UTF_8));
    }
}
