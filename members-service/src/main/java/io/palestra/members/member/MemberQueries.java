package io.palestra.members.member;

import io.palestra.platform.web.PageCursor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What can be asked about members, and the answers. */
public final class MemberQueries {

    private MemberQueries() {
    }

    /**
     * One member, if it belongs to the organisation and, for a caller restricted to some sites ({@code sites} not
     * null), to one of them.
     */
    public record FindMember(UUID organizationId, Set<UUID> sites, UUID memberId) {
    }

    /** A page of the members {@code filter} lets through, in {@code sort}; {@code after}: the last page's cursor. */
    public record SearchMembers(UUID organizationId, MemberFilter filter, MemberSort sort, int limit,
                                PageCursor after) {
    }

    /** How many members the filter lets through, per status (the filter's own status aside). */
    public record CountMembers(UUID organizationId, MemberFilter filter) {
    }

    /** {@code total} counts active, anonymized and merged; blacklisted ones are active members too. */
    public record MemberCounts(long total, long active, long blacklisted, long anonymized, long merged) {
    }

    /** Groups of active members that may be one person, within {@code sites} (null: all). */
    public record FindDuplicates(UUID organizationId, Set<UUID> sites, int limit) {
    }

    public record DuplicateSuggestions(List<DuplicateGroup> items) {
    }

    /** {@code reason}: same-email, same-phone or same-name-and-birth-date; members oldest first. */
    public record DuplicateGroup(String reason, List<DuplicateCandidate> members) {
    }

    public record DuplicateCandidate(UUID id, String memberCode, String firstName, String lastName, String email,
                                     String phone, LocalDate birthDate, UUID siteId, Instant registeredAt) {
    }

    /** The notes of a member, newest first. */
    public record FindNotes(UUID organizationId, UUID memberId) {
    }

    public record MemberView(UUID id, UUID organizationId, UUID siteId, String memberCode, String firstName,
                             String lastName, String email, String phone, LocalDate birthDate, Integer age,
                             Gender gender, String country, String language, PhotoRef photo,
                             List<MemberAddress> addresses,
                             List<EmergencyContact> emergencyContacts, FrontDesk frontDesk,
                             MedicalCertificate medicalCertificate, boolean blacklisted,
                             List<BlacklistPeriodView> blacklist, List<TagRef> tags, List<ConsentView> consents,
                             List<RelationView> relations, HouseholdView household, Instant registeredAt, Instant updatedAt,
                             Instant lastAdministrativeChangeAt, String status, UUID mergedInto,
                             long version) {

        /**
         * What a coach needs at a class: who the member is (name, photo, age, member code), the front desk's alert,
         * the medical certificate and whom to call in an emergency; not contacts, addresses, birth date, consents,
         * relations, household or the reasons of blacklist periods.
         */
        public MemberView asSeenByCoach() {
            return new MemberView(id, organizationId, siteId, memberCode, firstName, lastName, null, null, null, age,
                    gender, country, language, photo, List.of(), emergencyContacts, frontDesk, medicalCertificate,
                    blacklisted, blacklist.stream().map(period -> new BlacklistPeriodView(period.id(), period.from(),
                            period.until(), null, period.createdBy(), period.createdAt())).toList(),
                    tags, List.of(), List.of(), null, registeredAt, updatedAt, lastAdministrativeChangeAt, status,
                    mergedInto, version);
        }
    }

    /**
     * A period during which the member may not book online, days included; {@code until} null when open-ended. The
     * reason is for staff.
     */
    public record BlacklistPeriodView(UUID id, LocalDate from, LocalDate until, String reason, String createdBy,
                                      Instant createdAt) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (until == null || !day.isAfter(until));
        }
    }

    /** The member's photo: {@code url} serves it, {@code ?size=small} (160 px) or {@code large} (800 px, default). */
    public record PhotoRef(UUID id, String url) {
    }

    /** A tag the member is filed under; for a sub-category, its category too. */
    public record TagRef(UUID id, String name, UUID categoryId, String categoryName) {
    }

    /**
     * The decision in force about a channel or a marketing preference (one of {@code channel}, {@code preferenceId});
     * topics never asked about are absent.
     */
    public record ConsentView(Channel channel, UUID preferenceId, String preferenceName, boolean granted,
                              String source, Instant decidedAt) {
    }

    /** Every consent decision recorded for a member, newest first. */
    public record FindConsentHistory(UUID organizationId, UUID memberId) {
    }

    public record ConsentDecisionView(Channel channel, UUID preferenceId, boolean granted, String source,
                                      Instant decidedAt, String recordedBy, Instant recordedAt) {
    }

    /**
     * Members who opted in to a marketing preference and to the e-mail channel, with an e-mail, not erased; sorted
     * by member id, {@code after} the last id of the previous page.
     */
    public record FindOptedIn(UUID organizationId, Set<UUID> sites, UUID preferenceId, int limit, String after) {
    }

    public record OptedInRow(UUID memberId, String memberCode, String email, String firstName, String lastName,
                             String language, Instant optedInAt, String source) {
    }

    public record OptedInPage(List<OptedInRow> rows, String nextCursor) {
    }

    /** The member who owns a relation the given member takes part in (either side). */
    public record FindRelationOwner(UUID organizationId, UUID memberId, UUID relationId) {
    }

    /** A relation as one member sees it: what the other member is to them. */
    public record RelationView(UUID id, RelationKind kind, UUID memberId, String firstName, String lastName,
                               String memberCode) {
    }

    /** The household a member belongs to, its holder and its people (the holder first). */
    public record HouseholdView(UUID id, UUID holderId, List<HouseholdPerson> members) {
    }

    public record HouseholdPerson(UUID id, String firstName, String lastName, String memberCode, boolean holder) {
    }

    /** What the front desk sees at check-in. */
    public record FrontDesk(String welcomeMessage, String alert) {
    }

    /**
     * The medical certificate: {@code valid} until its date included, {@code expired} after it, {@code missing}
     * when none was recorded. Days are counted in the member's site's time zone.
     */
    public record MedicalCertificate(String status, LocalDate validUntil) {

        static MedicalCertificate of(LocalDate validUntil, LocalDate today) {
            if (validUntil == null) {
                return new MedicalCertificate("missing", null);
            }
            return new MedicalCertificate(validUntil.isBefore(today) ? "expired" : "valid", validUntil);
        }
    }

    /** A page of members; {@code nextCursor} is null on the last page. */
    public record MemberPage(List<MemberView> items, String nextCursor) {
    }

    public record NoteView(UUID id, String text, String author, Instant createdAt, String editedBy,
                           Instant editedAt) {
    }
}
