package io.palestra.members.member;

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

    /**
     * A page of members sorted by last then first name. {@code sites} null means every site; {@code after} is the
     * cursor of the previous page.
     */
    public record SearchMembers(UUID organizationId, Set<UUID> sites, String text, int limit, MemberCursor after) {
    }

    public record MemberView(UUID id, UUID organizationId, UUID siteId, String memberCode, String firstName,
                             String lastName, String email, String phone, LocalDate birthDate, Integer age,
                             Gender gender, String country, Instant registeredAt, Instant updatedAt, long version) {
    }

    /** A page of members; {@code nextCursor} is null on the last page. */
    public record MemberPage(List<MemberView> items, String nextCursor) {
    }
}
