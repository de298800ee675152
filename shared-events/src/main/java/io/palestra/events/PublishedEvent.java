package io.palestra.events;

import java.util.UUID;

/**
 * An event that leaves a Palestra service: a business fact in the past tense, immutable, readable by any consumer.
 *
 * <p>Every published event belongs to one organisation (a club chain) and carries its id. Its type id, the value of
 * the CloudEvents {@code ce_type} header, is the {@link com.fasterxml.jackson.annotation.JsonTypeName} of the record,
 * for example {@code palestra.members.MemberRegistered.v1}.
 */
public interface PublishedEvent {

    /** The organisation (club chain) the fact belongs to. */
    UUID organizationId();
}
