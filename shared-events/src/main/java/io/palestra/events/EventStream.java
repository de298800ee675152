package io.palestra.events;

import io.palestra.events.billing.BillingEvent;
import io.palestra.events.bookings.BookingsEvent;
import io.palestra.events.members.MemberProfiles;
import io.palestra.events.members.MembersEvent;
import io.palestra.events.subscriptions.SubscriptionsEvent;

/**
 * The Kafka topics Palestra publishes, each with the sealed family of records it carries.
 *
 * <p>Event topics ({@code palestra.<context>.events}) keep every fact, keyed by aggregate id so that the facts of one
 * aggregate stay in order. State topics are compacted: the latest record per key wins and a record with a null value
 * (a tombstone) erases the key.
 */
public enum EventStream {

    /** Organisations, sites and members: pseudonymous facts, no names or contact details. */
    MEMBERS("palestra.members.events", MembersEvent.class, false),

    /** The personal part of each member record, latest state per member id; erased by a tombstone. */
    MEMBER_PROFILES("palestra.members.profiles", MemberProfiles.class, true),

    /** The offer catalog, subscriptions, passes and their credits. */
    SUBSCRIPTIONS("palestra.subscriptions.events", SubscriptionsEvent.class, false),

    /** Class sessions, bookings and attendance (so far: the records of the credit protocol). */
    BOOKINGS("palestra.bookings.events", BookingsEvent.class, false),

    /** Invoices and their payments: issued, paid, payments received and cancelled, collections failed. */
    BILLING("palestra.billing.events", BillingEvent.class, false);

    private final String topic;
    private final Class<? extends PublishedEvent> contract;
    private final boolean compacted;

    EventStream(String topic, Class<? extends PublishedEvent> contract, boolean compacted) {
        this.topic = topic;
        this.contract = contract;
        this.compacted = compacted;
    }

    public String topic() {
        return topic;
    }

    /** The bounded context that publishes this stream, e.g. {@code members}. */
    public String context() {
        return topic.split("\\.")[1];
    }

    /** The sealed interface whose permitted records travel on this topic. */
    public Class<? extends PublishedEvent> contract() {
        return contract;
    }

    public boolean compacted() {
        return compacted;
    }

    /** Where a consumer parks a record it could not handle after its retries. */
    public String deadLetterTopic() {
        return topic + ".DLT";
    }
}
