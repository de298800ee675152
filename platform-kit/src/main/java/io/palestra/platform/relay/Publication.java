package io.palestra.platform.relay;

import io.palestra.events.PublishedEvent;

import java.util.Objects;

/**
 * One record to publish: a published event and its Kafka key (the aggregate id, so that the facts of one aggregate
 * stay in order on one partition).
 */
public record Publication(PublishedEvent event, String key) {

    public Publication {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(key, "key");
    }

    public static Publication of(PublishedEvent event, Object key) {
        return new Publication(event, key.toString());
    }
}
