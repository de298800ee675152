package io.palestra.events.members;

import io.palestra.events.PublishedEvent;

/**
 * The compacted {@code palestra.members.profiles} topic: the latest personal record of each member, keyed by member
 * id. A record with a null value (tombstone) means the member was erased: drop every copy.
 */
public sealed interface MemberProfiles extends PublishedEvent permits MemberProfile, MemberProfileErased {
}
