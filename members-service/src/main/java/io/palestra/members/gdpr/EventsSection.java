package io.palestra.members.gdpr;

import io.palestra.members.history.EventPayloads;
import io.palestra.members.member.MemberAccess;
import io.palestra.platform.personal.PersonalDataContributor;
import io.palestra.platform.security.Caller;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The member record's event stream, oldest first: everything ever recorded about the member, including values
 * changed since. Once the member is erased, its personal values read as {@code null}.
 */
@Component
@Order(4)
class EventsSection implements PersonalDataContributor {

    /** One stored event: its type (e.g. {@code MemberRegistered}), its place in the stream, when, and its data. */
    record StoredEvent(long sequence, String type, Instant timestamp, Object payload) {
    }

    private final MemberAccess members;
    private final EventStore events;

    EventsSection(MemberAccess members, EventStore events) {
        this.members = members;
        this.events = events;
    }

    @Override
    public String section() {
        return "events";
    }

    @Override
    public List<StoredEvent> export(Caller caller, UUID memberId) {
        members.visible(caller, memberId);
        List<StoredEvent> stream = new ArrayList<>();
        // from the first event, never from a snapshot
        events.readEvents(memberId.toString(), 0).forEachRemaining(event -> stream.add(new StoredEvent(
                event.getSequenceNumber(), EventPayloads.simpleName(event), event.getTimestamp(),
                EventPayloads.tree(event))));
        return stream;
    }
}
