package io.palestra.booking.schedule;

import io.palestra.booking.schedule.ScheduleMessages.CreateSchedule;
import io.palestra.booking.schedule.ScheduleMessages.EndSchedule;
import io.palestra.booking.schedule.ScheduleMessages.ExtendSchedule;
import io.palestra.booking.schedule.ScheduleMessages.ReviseSchedule;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleCreated;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleEnded;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleExtended;
import io.palestra.booking.schedule.ScheduleMessages.ScheduleRevised;
import io.palestra.booking.session.WaitlistMode;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.organization.Organizations;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A schedule plans its days, is edited from a date on (kept, dropped, new days) and ended. */
class ScheduleTest {

    private static final UUID SCHEDULE = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");
    private static final String MONDAYS_AND_WEDNESDAYS = "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270317";
    private static final SessionTemplate SEVEN_AM = template(LocalTime.of(7, 0), 20);

    private AggregateTestFixture<Schedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Schedule.class);
        fixture.registerInjectableResource(new Organizations() {
            @Override
            public Optional<String> currency(UUID organizationId) {
                return Optional.of("EUR");
            }

            @Override
            public Set<UUID> sites(UUID organizationId) {
                return Set.of(LYON);
            }

            @Override
            public ZoneId zone(UUID organizationId, UUID siteId) {
                return ZoneId.of("Europe/Paris");
            }
        });
        fixture.registerInjectableResource(new Occurrences(null) {
            @Override
            public boolean closed(UUID siteId, LocalDate day) {
                return day.equals(LocalDate.parse("2027-03-10"));
            }
        });
    }

    @Test
    void aSchedulePlansTheRulesDaysExceptClosedOnes() {
        fixture.givenNoPriorActivity()
                .when(new CreateSchedule(SCHEDULE, ORGANIZATION, LYON, SEVEN_AM, MONDAYS_AND_WEDNESDAYS,
                        LocalDate.parse("2027-03-01"), "manager", NOW))
                .expectEvents(created());
        fixture.givenNoPriorActivity()
                .when(new CreateSchedule(SCHEDULE, ORGANIZATION, LYON, template(LocalTime.of(7, 0), 0),
                        MONDAYS_AND_WEDNESDAYS, LocalDate.parse("2027-03-01"), "manager", NOW))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateSchedule(SCHEDULE, ORGANIZATION, LYON, SEVEN_AM, "FREQ=WEEKLY;UNTIL=20270101",
                        LocalDate.parse("2027-03-01"), "manager", NOW))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void anEditFromADayKeepsDropsAndAddsDaysAndAnEndDropsTheRest() {
        SessionTemplate sixPm = template(LocalTime.of(18, 0), 25);
        fixture.given(created())
                .when(new ReviseSchedule(SCHEDULE, LocalDate.parse("2027-03-08"), sixPm,
                        "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270317", "manager", NOW))
                .expectEvents(new ScheduleRevised(SCHEDULE, ORGANIZATION, LYON, LocalDate.parse("2027-03-08"), sixPm,
                        "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270317", "Europe/Paris", days("2027-03-08", "2027-03-11",
                        "2027-03-15"), days("2027-03-17"), 5, "manager", NOW));
        fixture.given(created())
                .when(new EndSchedule(SCHEDULE, LocalDate.parse("2027-03-15"), "manager", NOW))
                .expectEvents(new ScheduleEnded(SCHEDULE, ORGANIZATION, LYON, LocalDate.parse("2027-03-15"),
                        days("2027-03-15", "2027-03-17"), 3, "manager", NOW));
        fixture.given(created())
                .when(new EndSchedule(SCHEDULE, LocalDate.parse("2027-02-28"), "manager", NOW))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void anOpenScheduleIsExtendedAsTheHorizonMovesUpToItsEnd() {
        ScheduleCreated weekly = new ScheduleCreated(SCHEDULE, ORGANIZATION, LYON, SEVEN_AM, "FREQ=WEEKLY;BYDAY=MO",
                LocalDate.parse("2027-03-01"), "Europe/Paris", days("2027-03-01", "2027-03-08"), "manager", NOW);
        ScheduleExtended toFebruary = new ScheduleExtended(SCHEDULE, ORGANIZATION, LYON, SEVEN_AM, "Europe/Paris",
                days("2028-02-28"), 3, NOW);
        Instant aYearOn = Instant.parse("2028-03-01T08:00:00Z");
        fixture.given(weekly)
                .when(new ExtendSchedule(SCHEDULE, NOW))
                .expectEvents(new ScheduleExtended(SCHEDULE, ORGANIZATION, LYON, SEVEN_AM, "Europe/Paris",
                        mondays("2027-03-15", "2028-02-28"), 53, NOW));
        fixture.given(weekly, toFebruary)
                .when(new ExtendSchedule(SCHEDULE, NOW))
                .expectNoEvents();
        fixture.given(weekly, toFebruary)
                .when(new ExtendSchedule(SCHEDULE, aYearOn))
                .expectEvents(new ScheduleExtended(SCHEDULE, ORGANIZATION, LYON, SEVEN_AM, "Europe/Paris",
                        mondays("2028-03-06", "2029-02-26"), 55, aYearOn));
        fixture.given(weekly, toFebruary, new ScheduleEnded(SCHEDULE, ORGANIZATION, LYON,
                        LocalDate.parse("2028-04-03"), List.of(), 3, "manager", NOW))
                .when(new ExtendSchedule(SCHEDULE, aYearOn))
                .expectEvents(new ScheduleExtended(SCHEDULE, ORGANIZATION, LYON, SEVEN_AM, "Europe/Paris",
                        mondays("2028-03-06", "2028-03-27"), 7, aYearOn));
        fixture.given(weekly, new ScheduleEnded(SCHEDULE, ORGANIZATION, LYON, LocalDate.parse("2027-03-15"),
                        List.of(), 2, "manager", NOW))
                .when(new ExtendSchedule(SCHEDULE, aYearOn))
                .expectNoEvents();
    }

    private static List<LocalDate> mondays(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1), java.time.Period.ofWeeks(1))
                .toList();
    }

    private static ScheduleCreated created() {
        return new ScheduleCreated(SCHEDULE, ORGANIZATION, LYON, SEVEN_AM, MONDAYS_AND_WEDNESDAYS,
                LocalDate.parse("2027-03-01"), "Europe/Paris", days("2027-03-01", "2027-03-03", "2027-03-08",
                "2027-03-15", "2027-03-17"), "manager", NOW);
    }

    private static List<LocalDate> days(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }

    private static SessionTemplate template(LocalTime time, int capacity) {
        return new SessionTemplate("yoga", null, "Studio 1", time, 60, capacity, 1, WaitlistMode.ORDERED, 7, 60,
                720);
    }
}
