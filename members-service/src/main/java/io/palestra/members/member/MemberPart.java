package io.palestra.members.member;

import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.UUID;

/** A part of the member aggregate with commands of its own: it knows whose it is, and refuses all once erased. */
abstract class MemberPart {

    protected UUID memberId;
    protected UUID organizationId;
    private boolean anonymized;

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
        organizationId = event.organizationId();
    }

    @EventSourcingHandler
    void on(MemberAnonymized event) {
        anonymized = true;
        forget();
    }

    /** Drops what the part remembers of the person. */
    protected abstract void forget();

    protected void requireActive() {
        if (anonymized) {
            throw Member.anonymizedRefusal();
        }
    }
}
