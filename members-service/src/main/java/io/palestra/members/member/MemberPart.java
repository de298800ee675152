package io.palestra.members.member;

import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.MergeMessages.MemberMergedInto;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.UUID;

/**
 * A part of the member aggregate with commands of its own: it knows whose it is, and refuses all once erased or merged
 * into another record.
 */
abstract class MemberPart {

    protected UUID memberId;
    protected UUID organizationId;
    private boolean anonymized;
    private UUID mergedInto;

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
        organizationId = event.organizationId();
    }

    @EventSourcingHandler
    void on(MemberMergedInto event) {
        mergedInto = event.survivorId();
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
        if (mergedInto != null) {
            throw Member.mergedRefusal(mergedInto);
        }
    }
}
