package io.palestra.booking.resource;

import io.palestra.booking.session.OnlineRules;
import io.palestra.platform.errors.InvalidInputException.InvalidField;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a bookable resource is (seeds 002, 004): a padel court, a massage room, a coach's appointments. Slots start on
 * a grid ({@code startEvery} minutes from opening), last one of {@code slotMinutes}, stay within the opening hours of
 * their day; one booking takes the whole resource for its slot, with up to {@code maxPlayers} people on it (the
 * booker among them), and costs {@code credits} from a pass covering {@code activityType}.
 *
 * @param kind                {@code court}, {@code room} or {@code appointment}
 * @param opensDaysBefore     online booking opens this many days before the slot; null: always open
 * @param closesMinutesBefore online booking closes this many minutes before the slot; null: at its start
 * @param lateCancelMinutes   an online cancellation later than this before the slot gets no credit back
 */
public record ResourceTerms(String name, String kind, String activityType, List<OpeningHours> hours,
                            List<Integer> slotMinutes, int startEvery, int credits, int maxPlayers,
                            Integer opensDaysBefore, Integer closesMinutesBefore, Integer lateCancelMinutes) {

    private static final Set<String> KINDS = Set.of("court", "room", "appointment");

    /** Open from {@code opens} to {@code closes} on each of {@code days}. */
    public record OpeningHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
    }

    public ResourceTerms {
        name = name == null ? null : name.strip();
        activityType = activityType == null ? null : activityType.strip();
        hours = hours == null ? List.of() : List.copyOf(hours);
        slotMinutes = slotMinutes == null ? List.of() : List.copyOf(slotMinutes);
    }

    /** Its online booking window and late-cancellation cutoff. */
    public OnlineRules online() {
        return new OnlineRules(opensDaysBefore, closesMinutesBefore, lateCancelMinutes);
    }

    /** The opening hours of {@code day}, if the resource opens that day. */
    public Optional<OpeningHours> on(DayOfWeek day) {
        return hours.stream().filter(open -> open.days().contains(day)).findFirst();
    }

    /**
     * Every start a slot of {@code minutes} may have on {@code date}, in the site's {@code zone}: on the grid from
     * opening, ending by closing, on that day; none when the resource is closed that day.
     */
    public List<Instant> starts(LocalDate date, ZoneId zone, int minutes) {
        List<Instant> starts = new ArrayList<>();
        on(date.getDayOfWeek()).ifPresent(open -> {
            LocalDateTime closing = date.atTime(open.closes());
            for (LocalDateTime start = date.atTime(open.opens()); !start.plusMinutes(minutes).isAfter(closing);
                 start = start.plusMinutes(startEvery)) {
                starts.add(start.atZone(zone).toInstant());
            }
        });
        return starts;
    }

    public List<InvalidField> problems() {
        List<InvalidField> problems = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            problems.add(new InvalidField("name", "is required, e.g. Court 1"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(new InvalidField("kind", "must be court, room or appointment"));
        }
        if (activityType == null || activityType.isEmpty()) {
            problems.add(new InvalidField("activityType", "is required, e.g. padel"));
        }
        if (hours.isEmpty() || hours.stream().anyMatch(open -> open.days() == null || open.days().isEmpty()
                || open.opens() == null || open.closes() == null || !open.closes().isAfter(open.opens()))) {
            problems.add(new InvalidField("hours", "each entry needs days and opens before closes"));
        } else if (hours.stream().flatMap(open -> open.days().stream()).distinct().count()
                != hours.stream().mapToLong(open -> open.days().size()).sum()) {
            problems.add(new InvalidField("hours", "a day appears in two entries"));
        }
        if (slotMinutes.isEmpty() || slotMinutes.stream().anyMatch(minutes -> minutes == null || minutes < 5
                || minutes > 600)) {
            problems.add(new InvalidField("slotMinutes", "give the slot lengths offered, each 5 to 600 minutes"));
        }
        if (startEvery < 5 || startEvery > 240) {
            problems.add(new InvalidField("startEvery", "must be between 5 and 240 minutes"));
        }
        if (credits < 0 || credits > 100) {
            problems.add(new InvalidField("credits", "must be between 0 and 100"));
        }
        if (maxPlayers < 1 || maxPlayers > 50) {
            problems.add(new InvalidField("maxPlayers", "must be between 1 and 50"));
        }
        problems.addAll(online().problems());
        return problems;
    }
}
