package io.palestra.booking.resource;

import io.palestra.booking.resource.ResourceCatalog.Known;
import io.palestra.booking.resource.ResourceMessages.CancelSlot;
import io.palestra.booking.resource.ResourceMessages.ConfirmSlot;
import io.palestra.booking.resource.ResourceMessages.ReserveSlot;
import io.palestra.booking.resource.ResourceMessages.SlotCancelled;
import io.palestra.booking.resource.ResourceMessages.SlotConfirmed;
import io.palestra.booking.resource.ResourceMessages.SlotHeld;
import io.palestra.booking.resource.ResourceTerms.OpeningHours;
import io.palestra.booking.session.SessionMessages.Channel;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;

/** A resource's day: slots on the grid, within the opening hours, in offered lengths, never overlapping. */
class ResourceDayTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final UUID COURT = UUID.randomUUID();
    private static final LocalDate WEDNESDAY = LocalDate.parse("2027-03-03");
    private static final UUID DAY = ResourceMessages.dayOf(COURT, WEDNESDAY);
    private static final Instant BEFORE = Instant.parse("2027-03-01T08:00:00Z");
    private static final Instant SIX_PM = Instant.parse("2027-03-03T17:00:00Z");
    private static final ResourceTerms PADEL = new ResourceTerms("Court 1", "court", "padel",
            List.of(new OpeningHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(8, 0),
                    LocalTime.of(22, 0))), List.of(60, 90), 30, 1, 4, 7, 60, 1440);

    private final UUID anne = UUID.randomUUID();
    private final UUID bruno = UUID.randomUUID();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private AggregateTestFixture<ResourceDay> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ResourceDay.class);
        fixture.registerInjectableResource(new ResourceCatalog(null, null) {
            @Override
            public Optional<Known> find(UUID organizationId, UUID resourceId) {
                return Optional.of(new Known(COURT, ORGANIZATION, LYON, PADEL, ZoneId.of("Europe/Paris")));
            }
        });
    }

    @Test
    void aSlotIsHeldConfirmedAndFreedByItsCancellation() {
        fixture.givenNoPriorActivity()
                .when(reserve(first, anne, SIX_PM, 90, List.of(anne, bruno)))
                .expectEvents(held(first, anne, SIX_PM, 90, List.of(anne, bruno)));
        fixture.given(held(first, anne, SIX_PM, 90, List.of(anne)))
                .when(new ConfirmSlot(DAY, first, "pass", UUID.randomUUID(), 1, BEFORE))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(SlotConfirmed.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        fixture.given(held(first, anne, SIX_PM, 90, List.of(anne)))
                .when(new CancelSlot(DAY, first, Channel.STAFF, true, "rain", "staff", BEFORE))
                .expectEvents(new SlotCancelled(DAY, COURT, ORGANIZATION, LYON, first, anne, true, false, "rain",
                        "staff", BEFORE));
        fixture.given(held(first, anne, SIX_PM, 90, List.of(anne)),
                        new SlotCancelled(DAY, COURT, ORGANIZATION, LYON, first, anne, true, false, "rain", "staff",
                                BEFORE))
                .when(reserve(second, bruno, SIX_PM, 60, List.of(bruno)))
                .expectEvents(held(second, bruno, SIX_PM, 60, List.of(bruno)));
    }

    @Test
    void noTwoBookingsOverlapButBackToBackSlotsDo() {
        fixture.given(held(first, anne, SIX_PM, 90, List.of(anne)))
                .when(reserve(second, bruno, SIX_PM.plusSeconds(3600), 60, List.of(bruno)))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(held(first, anne, SIX_PM, 90, List.of(anne)))
                .when(reserve(second, bruno, SIX_PM.plusSeconds(5400), 60, List.of(bruno)))
                .expectEvents(held(second, bruno, SIX_PM.plusSeconds(5400), 60, List.of(bruno)));
    }

    @Test
    void slotsKeepToTheGridTheHoursTheLengthsAndThePlayers() {
        fixture.givenNoPriorActivity().when(reserve(first, anne, SIX_PM.plusSeconds(600), 60, List.of(anne)))
                .expectException(RuleViolationException.class);
        fixture.givenNoPriorActivity().when(reserve(first, anne, Instant.parse("2027-03-03T20:30:00Z"), 90,
                List.of(anne))).expectException(RuleViolationException.class);
        fixture.givenNoPriorActivity().when(reserve(first, anne, SIX_PM, 45, List.of(anne)))
                .expectException(InvalidInputException.class);
        fixture.givenNoPriorActivity().when(reserve(first, anne, SIX_PM, 60, List.of(anne, bruno, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID()))).expectException(InvalidInputException.class);
        LocalDate sunday = LocalDate.parse("2027-03-07");
        fixture.givenNoPriorActivity()
                .when(new ReserveSlot(DAY, COURT, ORGANIZATION, sunday, first, anne,
                        List.of(anne), Instant.parse("2027-03-07T10:00:00Z"), 60, Channel.STAFF, "staff", BEFORE))
                .expectException(RuleViolationException.class);
    }

    @Test
    void onlineASlotIsBookedInsideItsWindowOnlyAndALateCancellationGivesNothingBack() {
        Instant tenDaysBefore = SIX_PM.minus(Duration.ofDays(10));
        fixture.givenNoPriorActivity().when(online(first, anne, tenDaysBefore))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("opens 7 days before")).expectNoEvents();
        fixture.givenNoPriorActivity().when(online(first, anne, SIX_PM.minus(Duration.ofMinutes(30))))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("closed 60 minutes before")).expectNoEvents();
        fixture.givenNoPriorActivity().when(online(first, anne, BEFORE))
                .expectEvents(new SlotHeld(DAY, COURT, ORGANIZATION, LYON, first, anne, List.of(anne), SIX_PM,
                        SIX_PM.plusSeconds(3600), "padel", 1, Channel.ONLINE, "app", BEFORE));
        fixture.givenNoPriorActivity().when(new ReserveSlot(DAY, COURT, ORGANIZATION, WEDNESDAY, first, anne,
                        List.of(anne), SIX_PM, 60, Channel.STAFF, "desk", tenDaysBefore))
                .expectSuccessfulHandlerExecution();

        Instant twoHoursBefore = SIX_PM.minus(Duration.ofHours(2));
        fixture.given(held(first, anne, SIX_PM, 60, List.of(anne)))
                .when(new CancelSlot(DAY, first, Channel.ONLINE, true, "member", "app", twoHoursBefore))
                .expectEvents(new SlotCancelled(DAY, COURT, ORGANIZATION, LYON, first, anne, false, true, "member",
                        "app", twoHoursBefore));
        fixture.given(held(first, anne, SIX_PM, 60, List.of(anne)))
                .when(new CancelSlot(DAY, first, Channel.ONLINE, true, "member", "app", BEFORE))
                .expectEvents(new SlotCancelled(DAY, COURT, ORGANIZATION, LYON, first, anne, true, false, "member",
                        "app", BEFORE));
        fixture.given(held(first, anne, SIX_PM, 60, List.of(anne)))
                .when(new CancelSlot(DAY, first, Channel.STAFF, true, "injury", "desk", twoHoursBefore))
                .expectEvents(new SlotCancelled(DAY, COURT, ORGANIZATION, LYON, first, anne, true, false, "injury",
                        "desk", twoHoursBefore));
    }

    private static ReserveSlot online(UUID booking, UUID member, Instant at) {
        return new ReserveSlot(DAY, COURT, ORGANIZATION, WEDNESDAY, booking, member, List.of(member), SIX_PM, 60,
                Channel.ONLINE, "app", at);
    }

    private static ReserveSlot reserve(UUID booking, UUID member, Instant startsAt, int minutes, List<UUID> players) {
        return new ReserveSlot(DAY, COURT, ORGANIZATION, WEDNESDAY, booking, member, players, startsAt, minutes,
                Channel.STAFF, "staff", BEFORE);
    }

    private static SlotHeld held(UUID booking, UUID member, Instant startsAt, int minutes, List<UUID> players) {
        return new SlotHeld(DAY, COURT, ORGANIZATION, LYON, booking, member, players, startsAt,
                startsAt.plusSeconds(60L * minutes), "padel", 1, Channel.STAFF, "staff", BEFORE);
    }
}
