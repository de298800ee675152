package io.palestra.booking.member;

import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.organization.Organizations;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Who may book, for a class or a slot alike: a member of the organisation known here, not erased; online, not a
 * merged record and not inside a blacklist period on the day of what is booked (in its site's time zone). Staff book
 * a merged record's survivor.
 */
@Component
public class Bookers {

    private final Members members;
    private final Organizations organizations;

    Bookers(Members members, Organizations organizations) {
        this.members = members;
        this.organizations = organizations;
    }

    /**
     * @return who books: the member, or the survivor it was merged into
     * @throws NotFoundException      for a member this organisation does not have (or not yet known here)
     * @throws RuleViolationException for an erased member; online, for a merged record or a blacklisted day
     */
    public UUID bookable(UUID organizationId, UUID memberId, boolean online, UUID siteId, Instant startsAt) {
        Members.Member member = members.existing(organizationId, memberId);
        if (member.erased()) {
            throw new RuleViolationException("member-erased", "This member's record was erased: it takes no "
                    + "bookings.");
        }
        if (online) {
            if (member.mergedInto() != null) {
                throw new RuleViolationException("member-merged", "This member record was merged into "
                        + member.mergedInto() + ": book with that id.");
            }
            LocalDate day = startsAt.atZone(organizations.zone(organizationId, siteId)).toLocalDate();
            if (members.barredOn(memberId, day)) {
                throw new RuleViolationException("member-blacklisted", "This member may not book online on " + day
                        + " (blacklist); staff can still book at the desk.");
            }
        }
        return member.current();
    }
}
