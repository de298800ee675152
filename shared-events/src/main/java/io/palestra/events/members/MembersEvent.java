package io.palestra.events.members;

import io.palestra.events.PublishedEvent;

/**
 * Facts published by members-service on {@code palestra.members.events}: organisations, their sites, and members.
 *
 * <p>These records are pseudonymous: they name members by id and member code, never by name or contact details,
 * because an event topic cannot forget. The personal part of a member record travels on the compacted
 * {@code palestra.members.profiles} topic instead ({@link MemberProfile}), where erasure is a tombstone.
 */
public sealed interface MembersEvent extends PublishedEvent
        permits OrganizationCreated, SiteAdded, SiteRenamed, MemberRegistered, MemberAnonymized, MemberBlacklisted,
        MemberBlacklistLifted, MemberTransferred, MemberTagged, MemberUntagged, MemberConsentChanged, TagCatalogChanged,
        MarketingPreferencesChanged, MembersRelated, MembersRelationEnded, HouseholdChanged, MembersMerged {
}
