package io.palestra.members.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What narrows the member list; every part optional (null: no filter).
 *
 * @param sites            the sites whose members are listed (null: all sites of the organisation)
 * @param text             words matched against the beginning of any word of the name, e-mail, phone or code
 * @param status           active, blacklisted (active and barred from booking online today), anonymized, merged
 * @param tags             members filed under any (or, with {@code allTags}, all) of these tags; a category
 *                         matches its sub-categories too
 * @param preferenceId     members who opted in to this marketing preference
 * @param activeMembership members who have (true) or have not (false) an active membership
 * @param registeredFrom   registered on or after this day (the day at the member's site)
 * @param registeredTo     registered on or before this day
 * @param changedFrom      last administrative change on or after this day
 * @param changedTo        last administrative change on or before this day
 */
public record MemberFilter(Set<UUID> sites, String text, String status, List<UUID> tags, boolean allTags,
                           UUID preferenceId, Boolean activeMembership, LocalDate registeredFrom,
                           LocalDate registeredTo, LocalDate changedFrom, LocalDate changedTo) {

    public MemberFilter {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Every member of these sites, whatever their status. */
    public static MemberFilter everyone(Set<UUID> sites) {
        return new MemberFilter(sites, null, null, List.of(), false, null, null, null, null, null, null);
    }

    public MemberFilter withStatus(String newStatus) {
        return new MemberFilter(sites, text, newStatus, tags, allTags, preferenceId, activeMembership, registeredFrom,
                registeredTo, changedFrom, changedTo);
    }
}
