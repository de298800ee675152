package io.palestra.members.gdpr;

import io.palestra.members.member.MemberAccess;
import io.palestra.members.member.MemberQueries.FindNotes;
import io.palestra.members.member.MemberQueries.NoteView;
import io.palestra.platform.personal.PersonalDataContributor;
import io.palestra.platform.security.Caller;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** The internal notes staff keep on the member: never shown to the member, except in this export. */
@Component
@Order(2)
class NotesSection implements PersonalDataContributor {

    private final MemberAccess members;
    private final QueryGateway queries;

    NotesSection(MemberAccess members, QueryGateway queries) {
        this.members = members;
        this.queries = queries;
    }

    @Override
    public String section() {
        return "notes";
    }

    @Override
    public List<NoteView> export(Caller caller, UUID memberId) {
        members.visible(caller, memberId);
        return queries.query(new FindNotes(caller.organization(), memberId),
                ResponseTypes.multipleInstancesOf(NoteView.class)).join();
    }
}
