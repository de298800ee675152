package io.palestra.members.history;

import io.palestra.members.history.MemberHistoryQueries.FindMemberHistory;
import io.palestra.members.history.MemberHistoryQueries.FindRecordAsOf;
import io.palestra.members.history.MemberHistoryQueries.HistoryEntry;
import io.palestra.members.history.MemberHistoryQueries.HistoryPage;
import io.palestra.members.history.MemberHistoryQueries.RecordAsOf;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The history of a member, read from its event stream: no read model to keep, and nothing a projection left out.
 * Old values need every earlier event, so each page folds the stream from its start.
 */
@Component
class MemberHistoryReader {

    private final EventStore events;

    MemberHistoryReader(EventStore events) {
        this.events = events;
    }

    @QueryHandler
    HistoryPage history(FindMemberHistory query) {
        RecordFold fold = new RecordFold();
        List<HistoryEntry> items = new ArrayList<>();
        DomainEventStream stream = stream(query.memberId());
        while (stream.hasNext()) {
            HistoryEntry entry = fold.apply(stream.next());
            if (entry.sequence() <= query.after()) {
                continue;
            }
            if (items.size() == query.limit()) {
                return new HistoryPage(query.memberId(), items, items.get(items.size() - 1).sequence());
            }
            items.add(entry);
        }
        return new HistoryPage(query.memberId(), items, null);
    }

    /** Empty when the member was not registered yet at that instant. */
    @QueryHandler
    Optional<RecordAsOf> recordAsOf(FindRecordAsOf query) {
        RecordFold fold = new RecordFold();
        DomainEventStream stream = stream(query.memberId());
        // the stream is in sequence order and so in time: stop at the first later event rather than skip it, so
        // that a clock step back between two instances can never fold an event without those before it
        while (stream.hasNext() && !stream.peek().getTimestamp().isAfter(query.asOf())) {
            fold.apply(stream.next());
        }
        return fold.sequence().map(sequence -> new RecordAsOf(query.memberId(), query.asOf(), sequence,
                fold.record()));
    }

    /** From the first event, never from a snapshot: a snapshot has no history. */
    private DomainEventStream stream(UUID memberId) {
        return events.readEvents(memberId.toString(), 0);
    }
}
