package io.palestra.platform.relay;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * A service's one place that maps its internal events to the published contract of {@code shared-events}. The relay
 * publishes what this answers, in order, and nothing else: an internal event the contract does not know stays inside.
 */
public interface PublishedLanguage {

    /**
     * The records to publish for an event the service stored; empty when it stays inside the service.
     * Each goes to the topic of its record's {@link io.palestra.events.EventStream}, keyed as the publication says.
     */
    List<Publication> translate(EventMessage<?> event);
}
