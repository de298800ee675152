package io.palestra.booking.resource;

import io.palestra.booking.resource.ResourceMessages.ResourceDefined;
import io.palestra.booking.resource.ResourceMessages.ResourceRevised;
import io.palestra.booking.resource.ResourceMessages.SlotCancelled;
import io.palestra.booking.resource.ResourceMessages.SlotConfirmed;
import io.palestra.booking.resource.ResourceMessages.SlotHeld;
import io.palestra.booking.resource.ResourceMessages.SlotRefused;
import io.palestra.booking.resource.ResourceQueries.DaySlots;
import io.palestra.booking.resource.ResourceQueries.MemberSlots;
import io.palestra.booking.resource.ResourceQueries.SlotBookingList;
import io.palestra.booking.resource.ResourceQueries.FindResource;
import io.palestra.booking.resource.ResourceQueries.FindSlotBooking;
import io.palestra.booking.resource.ResourceQueries.ListResources;
import io.palestra.booking.resource.ResourceQueries.ResourceList;
import io.palestra.booking.resource.ResourceQueries.ResourceView;
import io.palestra.booking.resource.ResourceQueries.SlotBookingView;
import io.palestra.platform.axon.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resources and their slot bookings as staff and members read them. Rebuildable: a reset empties it; each row keeps
 * the sequence of its aggregate's last event applied to it, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ResourceDirectory.GROUP)
class ResourceDirectory {

    static final String GROUP = "resource-directory";
    private static final TypeReference<List<UUID>> PLAYERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final VersionedRows resources;
    private final VersionedRows slots;

    ResourceDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.resources = new VersionedRows(jdbc, "resource_view", "resource_id");
        this.slots = new VersionedRows(jdbc, "slot_view", "booking_id");
    }

    @EventHandler
    void on(ResourceDefined event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO resource_view (resource_id, organization_id, site_id, name, kind, terms, version)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (resource_id) DO NOTHING""")
                .params(event.resourceId(), event.organizationId(), event.siteId(), event.terms().name(),
                        event.terms().kind(), ResourceCatalog.JSON.writeValueAsString(event.terms()), version)
                .update();
    }

    @EventHandler
    void on(ResourceRevised event, @SequenceNumber long version) {
        resources.change(event.resourceId(), version, "name = ?, kind = ?, terms = ?::jsonb", event.terms().name(),
                event.terms().kind(), ResourceCatalog.JSON.writeValueAsString(event.terms()));
    }

    @EventHandler
    void on(SlotHeld event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO slot_view (booking_id, day_id, resource_id, organization_id, site_id, member_id,
                            players, starts_at, ends_at, channel, status, credits, booked_by, booked_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 'pending', ?, ?, ?, ?)
                        ON CONFLICT (booking_id) DO NOTHING""")
                .params(event.bookingId(), event.dayId(), event.resourceId(), event.organizationId(), event.siteId(),
                        event.memberId(), ResourceCatalog.JSON.writeValueAsString(event.players()),
                        utc(event.startsAt()), utc(event.endsAt()), event.channel().value(), event.credits(),
                        event.actor(), utc(event.at()), version)
                .update();
    }

    @EventHandler
    void on(SlotConfirmed event, @SequenceNumber long version) {
        slots.change(event.bookingId(), version, "status = 'booked', paid_by = ?, payer_id = ?, credits = ?",
                event.paidBy(), event.payerId(), event.credits());
    }

    @EventHandler
    void on(SlotRefused event, @SequenceNumber long version) {
        slots.change(event.bookingId(), version, "status = 'refused', reason = ?", event.reason());
    }

    @EventHandler
    void on(SlotCancelled event, @SequenceNumber long version) {
        slots.change(event.bookingId(), version, "status = 'cancelled', recredit = ?, late = ?, reason = ?, "
                + "cancelled_at = ?", event.recredit(), event.late(), event.reason(), utc(event.at()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE resource_view, slot_view").update();
    }

    @QueryHandler
    Optional<ResourceView> handle(FindResource query) {
        return jdbc.sql("SELECT * FROM resource_view WHERE resource_id = ? AND organization_id = ?")
                .params(query.resourceId(), query.organizationId()).query(ResourceDirectory::resource).optional();
    }

    @QueryHandler
    ResourceList handle(ListResources query) {
        return new ResourceList(jdbc.sql("""
                        SELECT * FROM resource_view WHERE organization_id = ?
                          AND (CAST(? AS UUID) IS NULL OR site_id = ?) AND (CAST(? AS TEXT) IS NULL OR kind = ?)
                        ORDER BY lower(name), resource_id""")
                .params(query.organizationId(), query.siteId(), query.siteId(), query.kind(), query.kind())
                .query(ResourceDirectory::resource).list());
    }

    @QueryHandler
    Optional<SlotBookingView> handle(FindSlotBooking query) {
        return jdbc.sql("SELECT * FROM slot_view WHERE booking_id = ? AND organization_id = ?")
                .params(query.bookingId(), query.organizationId()).query(ResourceDirectory::slot).optional();
    }

    @QueryHandler
    List<SlotBookingView> handle(DaySlots query) {
        return jdbc.sql("""
                        SELECT * FROM slot_view WHERE organization_id = ? AND day_id = ?
                          AND status IN ('pending', 'booked') ORDER BY starts_at, booking_id""")
                .params(query.organizationId(), ResourceMessages.dayOf(query.resourceId(), query.date()))
                .query(ResourceDirectory::slot).list();
    }

    @QueryHandler
    SlotBookingList handle(MemberSlots query) {
        UUID[] members = query.memberIds().toArray(UUID[]::new);
        return new SlotBookingList(jdbc.sql("""
                        SELECT * FROM slot_view WHERE organization_id = ?
                          AND (member_id = ANY(?) OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(players) player
                                                             WHERE CAST(player AS UUID) = ANY(?)))
                          AND (CAST(? AS TIMESTAMPTZ) IS NULL OR starts_at >= ?)
                          AND (CAST(? AS TIMESTAMPTZ) IS NULL OR starts_at < ?)
                        ORDER BY starts_at DESC, booking_id LIMIT ?""")
                .params(query.organizationId(), members, members, utc(query.from()), utc(query.from()),
                        utc(query.to()), utc(query.to()), query.limit())
                .query(ResourceDirectory::slot).list());
    }

    private static ResourceView resource(ResultSet rs, int row) throws SQLException {
        return new ResourceView(rs.getObject("resource_id", UUID.class), rs.getObject("site_id", UUID.class),
                ResourceCatalog.JSON.readValue(rs.getString("terms"), ResourceTerms.class), rs.getLong("version"));
    }

    private static SlotBookingView slot(ResultSet rs, int row) throws SQLException {
        return new SlotBookingView(rs.getObject("booking_id", UUID.class), rs.getObject("resource_id", UUID.class),
                rs.getObject("site_id", UUID.class), rs.getObject("member_id", UUID.class),
                ResourceCatalog.JSON.readValue(rs.getString("players"), PLAYERS), instant(rs, "starts_at"),
                instant(rs, "ends_at"), rs.getString("channel"), rs.getString("status"), rs.getString("reason"),
                rs.getString("paid_by"), rs.getObject("payer_id", UUID.class), (Integer) rs.getObject("credits"),
                (Boolean) rs.getObject("recredit"), (Boolean) rs.getObject("late"), rs.getString("booked_by"),
                instant(rs, "booked_at"),
                instant(rs, "cancelled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
