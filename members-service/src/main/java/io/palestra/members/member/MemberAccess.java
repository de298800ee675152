package io.palestra.members.member;

import io.palestra.members.member.MemberQueries.FindMember;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.organization.OrganizationQueries.FindOrganization;
import io.palestra.members.organization.OrganizationQueries.OrganizationView;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.Versions;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.UUID;

/** What the member endpoints share: finding a member the caller may see, and answering after a change. */
@Component
public class MemberAccess {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    MemberAccess(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /** The member, if it is in the caller's organisation and one of its sites; else 404. */
    public MemberView visible(Caller caller, UUID memberId) {
        return queries.query(new FindMember(caller.organization(), caller.siteIds().orElse(null), memberId),
                        ResponseTypes.optionalInstanceOf(MemberView.class)).join()
                .orElseThrow(() -> NotFoundException.of("member", memberId));
    }

    /** The member as it is once the directory has caught up with the change just made, with its ETag. */
    public ResponseEntity<MemberView> afterChange(Caller caller, UUID memberId) {
        readYourWrites.await(MemberDirectory.GROUP, memberId.toString());
        MemberView view = visible(caller, memberId);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    /** Returns once the member directory has caught up with the events of {@code aggregateId} so far. */
    public void caughtUp(UUID aggregateId) {
        readYourWrites.await(MemberDirectory.GROUP, aggregateId.toString());
    }

    /** The member, if the caller may see it and it is not erased; else 404 or 422. */
    public MemberView active(Caller caller, UUID memberId) {
        MemberView member = visible(caller, memberId);
        if (!"active".equals(member.status())) {
            throw Member.anonymizedRefusal();
        }
        return member;
    }

    /** Where national phone numbers of this member are read: its country, else the organisation's. */
    String phoneRegion(Caller caller, MemberView member) {
        if (member.country() != null) {
            return member.country();
        }
        String country = queries.query(new FindOrganization(caller.organization()),
                        ResponseTypes.optionalInstanceOf(OrganizationView.class)).join()
                .map(organization -> Locale.forLanguageTag(organization.locale()).getCountry())
                .orElse("");
        return country.isEmpty() ? null : country;
    }
}
