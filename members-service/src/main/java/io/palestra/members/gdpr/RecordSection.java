package io.palestra.members.gdpr;

import io.palestra.members.member.MemberAccess;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.platform.personal.PersonalDataContributor;
import io.palestra.platform.security.Caller;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The member record as staff read it: identity, contacts, addresses, emergency contacts, front-desk messages,
 * medical certificate, photo reference, blacklist periods, tags, consents in force, relations and household. A member
 * the caller may not see makes the whole export a 404.
 */
@Component
@Order(1)
class RecordSection implements PersonalDataContributor {

    /** A record merged into another: its own data is in its events; the survivor's record is exported under its id. */
    record MergedRecord(UUID id, String status, UUID mergedInto) {
    }

    private final MemberAccess members;

    RecordSection(MemberAccess members) {
        this.members = members;
    }

    @Override
    public String section() {
        return "record";
    }

    @Override
    public Object export(Caller caller, UUID memberId) {
        MemberView record = members.visible(caller, memberId);
        // the directory answers a merged record as the record that took it over
        return record.id().equals(memberId) ? record : new MergedRecord(memberId, "merged", record.id());
    }
}
