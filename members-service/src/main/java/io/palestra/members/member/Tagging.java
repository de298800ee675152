package io.palestra.members.member;

import io.palestra.members.member.TagMessages.MemberTagged;
import io.palestra.members.member.TagMessages.MemberUntagged;
import io.palestra.members.member.TagMessages.TagMember;
import io.palestra.members.member.TagMessages.UntagMember;
import io.palestra.members.settings.Catalog;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The tags a member is filed under; only tags the organisation defines. */
class Tagging extends MemberPart {

    private final Set<UUID> tags = new LinkedHashSet<>();

    @CommandHandler
    void handle(TagMember command, Catalog catalog) {
        requireActive();
        if (tags.contains(command.tagId())) {
            return;
        }
        if (!catalog.hasTag(organizationId, command.tagId())) {
            throw new RuleViolationException("unknown-tag", "Tag " + command.tagId() + " is not one of yours.");
        }
        apply(new MemberTagged(memberId, organizationId, command.tagId()));
    }

    /** Taking off a tag the member does not have changes nothing; a deleted tag comes off even an erased member. */
    @CommandHandler
    void handle(UntagMember command) {
        if (!TagMessages.TAG_DELETED.equals(command.reason())) {
            requireActive();
        }
        if (tags.contains(command.tagId())) {
            apply(new MemberUntagged(memberId, organizationId, command.tagId(), command.reason()));
        }
    }

    Set<UUID> tags() {
        return Collections.unmodifiableSet(tags);
    }

    /** Takes the duplicate's tags this member does not have yet. */
    void absorb(Set<UUID> taken) {
        for (UUID tag : taken) {
            if (!tags.contains(tag)) {
                apply(new MemberTagged(memberId, organizationId, tag));
            }
        }
    }

    @EventSourcingHandler
    void on(MemberTagged event) {
        tags.add(event.tagId());
    }

    @EventSourcingHandler
    void on(MemberUntagged event) {
        tags.remove(event.tagId());
    }

    @Override
    protected void forget() {
        // tags are how the organisation files members, not personal data: counts per tag stay right
    }
}
