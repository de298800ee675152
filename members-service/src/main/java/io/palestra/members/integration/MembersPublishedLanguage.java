package io.palestra.members.integration;

import io.palestra.events.PostalAddress;
import io.palestra.events.members.MemberBlacklistLifted;
import io.palestra.events.members.MemberConsentChanged;
import io.palestra.events.members.MemberProfileErased;
import io.palestra.events.members.MembersRelationEnded;
import io.palestra.members.member.BlacklistMessages.BlacklistPeriodLifted;
import io.palestra.members.member.BlacklistMessages.MemberBlacklisted;
import io.palestra.members.member.ConsentMessages.ConsentRecorded;
import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.MergeMessages.MemberMergedInto;
import io.palestra.members.member.MergeMessages.MembersMerged;
import io.palestra.members.member.RelationMessages.MembersRelated;
import io.palestra.members.member.RelationMessages.RelationEnded;
import io.palestra.members.member.TagMessages.MemberTagged;
import io.palestra.members.member.TagMessages.MemberUntagged;
import io.palestra.members.member.TransferMessages.MemberTransferred;
import io.palestra.members.organization.OrganizationMessages.OrganizationCreated;
import io.palestra.members.organization.OrganizationMessages.SiteAddress;
import io.palestra.members.organization.OrganizationMessages.SiteAdded;
import io.palestra.members.organization.OrganizationMessages.SiteRenamed;
import io.palestra.platform.relay.Publication;
import io.palestra.platform.relay.PublishedLanguage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one place where members-service's internal events become the published contract: organisations and sites as
 * they are; member facts pseudonymously on the events topic (registration, blacklist, transfer, tags, consents,
 * erasure, relations, merges); households whole; the organisation's tags and marketing preferences whole after each change of them; and after every
 * change of a member's personal data, the whole profile as it then was, on the compacted profiles topic. Internal
 * events not named here (notes, for one) stay inside.
 */
@Component
class MembersPublishedLanguage implements PublishedLanguage {

    private final EventStore eventStore;

    MembersPublishedLanguage(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public List<Publication> translate(EventMessage<?> event) {
        Object payload = event.getPayload();
        List<Publication> publications = new ArrayList<>();
        if (payload instanceof OrganizationCreated created) {
            publications.add(Publication.of(new io.palestra.events.members.OrganizationCreated(
                    created.organizationId(), created.name(), created.currency(), created.timeZone(),
                    created.locale()), created.organizationId()));
        } else if (payload instanceof SiteAdded added) {
            publications.add(Publication.of(new io.palestra.events.members.SiteAdded(added.organizationId(),
                    added.siteId(), added.name(), added.timeZone(), address(added.address())),
                    added.organizationId()));
        } else if (payload instanceof SiteRenamed renamed) {
            publications.add(Publication.of(new io.palestra.events.members.SiteRenamed(renamed.organizationId(),
                    renamed.siteId(), renamed.name()), renamed.organizationId()));
        } else if (payload instanceof MemberRegistered registered) {
            publications.add(Publication.of(new io.palestra.events.members.MemberRegistered(
                    registered.organizationId(), registered.siteId(), registered.memberId(),
                    registered.memberCode(), registered.gender().value(),
                    registered.birthDate() == null ? null : registered.birthDate().getYear(),
                    registered.country(), registered.registeredAt()), registered.memberId()));
        } else if (payload instanceof MemberBlacklisted blacklisted) {
            publications.add(Publication.of(new io.palestra.events.members.MemberBlacklisted(
                    blacklisted.organizationId(), blacklisted.memberId(), blacklisted.periodId(), blacklisted.from(),
                    blacklisted.until()), blacklisted.memberId()));
        } else if (payload instanceof BlacklistPeriodLifted lifted) {
            publications.add(Publication.of(new MemberBlacklistLifted(lifted.organizationId(), lifted.memberId(),
                    lifted.periodId()), lifted.memberId()));
        } else if (payload instanceof MemberTagged tagged) {
            publications.add(Publication.of(new io.palestra.events.members.MemberTagged(tagged.organizationId(),
                    tagged.memberId(), tagged.tagId()), tagged.memberId()));
        } else if (payload instanceof MemberUntagged untagged) {
            publications.add(Publication.of(new io.palestra.events.members.MemberUntagged(untagged.organizationId(),
                    untagged.memberId(), untagged.tagId()), untagged.memberId()));
        } else if (payload instanceof ConsentRecorded consent) {
            publications.add(Publication.of(new MemberConsentChanged(consent.organizationId(), consent.memberId(),
                    consent.channel() == null ? null : consent.channel().value(), consent.preferenceId(),
                    consent.granted(), consent.source(), consent.decidedAt()), consent.memberId()));
        } else if (payload instanceof MembersRelated related) {
            publications.add(Publication.of(new io.palestra.events.members.MembersRelated(related.organizationId(),
                    related.memberId(), related.relationId(), related.otherMemberId(), related.kind().value()),
                    related.memberId()));
        } else if (payload instanceof RelationEnded ended) {
            publications.add(Publication.of(new MembersRelationEnded(ended.organizationId(), ended.memberId(),
                    ended.relationId(), ended.otherMemberId()), ended.memberId()));
        } else if (payload instanceof MemberTransferred transferred) {
            publications.add(Publication.of(new io.palestra.events.members.MemberTransferred(
                    transferred.organizationId(), transferred.memberId(), transferred.fromSiteId(),
                    transferred.toSiteId()), transferred.memberId()));
        }
        if (payload instanceof MembersMerged merged) {
            publications.add(Publication.of(new io.palestra.events.members.MembersMerged(merged.organizationId(),
                    merged.memberId(), merged.duplicateId(), merged.duplicateMemberCode(), event.getTimestamp()),
                    merged.duplicateId()));
        } else if (payload instanceof MemberMergedInto mergedInto) {
            // the survivor holds the person's data now: the duplicate's profile goes
            publications.add(Publication.of(new MemberProfileErased(mergedInto.organizationId(),
                    mergedInto.memberId()), mergedInto.memberId()));
        }
        if (payload instanceof MemberAnonymized anonymized) {
            publications.add(Publication.of(new io.palestra.events.members.MemberAnonymized(
                    anonymized.organizationId(), anonymized.memberId(), event.getTimestamp()), anonymized.memberId()));
            publications.add(Publication.of(new MemberProfileErased(anonymized.organizationId(),
                    anonymized.memberId()), anonymized.memberId()));
        }
        if ((SettingsFold.changesTags(payload) || SettingsFold.changesPreferences(payload))
                && event instanceof DomainEventMessage<?> domain) {
            SettingsFold settings = new SettingsFold();
            replayUpTo(domain, settings::apply);
            publications.add(SettingsFold.changesTags(payload)
                    ? Publication.of(settings.tagCatalog(), settings.tagCatalog().organizationId())
                    : Publication.of(settings.preferences(), settings.preferences().organizationId()));
        }
        if (HouseholdFold.changesHousehold(payload) && event instanceof DomainEventMessage<?> domain) {
            HouseholdFold household = new HouseholdFold();
            replayUpTo(domain, household::apply);
            publications.add(Publication.of(household.household(), domain.getAggregateIdentifier()));
        }
        if (MemberProfileFold.changesProfile(payload) && event instanceof DomainEventMessage<?> domain) {
            MemberProfileFold profile = profileAt(domain);
            // A member erased since reads back without names: its tombstone says all there is to say.
            if (!profile.erased()) {
                publications.add(Publication.of(profile.profile(), domain.getAggregateIdentifier()));
            }
        }
        return publications;
    }

    /** The member's profile as it was right after {@code event}. */
    private MemberProfileFold profileAt(DomainEventMessage<?> event) {
        MemberProfileFold profile = new MemberProfileFold();
        replayUpTo(event, profile::apply);
        return profile;
    }

    /** Hands {@code fold} the payloads of the event's aggregate stream, up to and including the event. */
    private void replayUpTo(DomainEventMessage<?> event, Consumer<Object> fold) {
        DomainEventStream stream = eventStore.readEvents(event.getAggregateIdentifier());
        while (stream.hasNext() && stream.peek().getSequenceNumber() <= event.getSequenceNumber()) {
            fold.accept(stream.next().getPayload());
        }
    }

    private static PostalAddress address(SiteAddress address) {
        return address == null ? null : new PostalAddress(address.line1(), address.line2(), address.postalCode(),
                address.city(), address.region(), address.country());
    }
}
