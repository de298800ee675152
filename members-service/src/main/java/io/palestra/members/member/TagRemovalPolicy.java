package io.palestra.members.member;

import io.palestra.members.member.TagMessages.MemberTagged;
import io.palestra.members.member.TagMessages.MemberUntagged;
import io.palestra.members.member.TagMessages.UntagMember;
import io.palestra.members.settings.SettingsMessages.TagRemoved;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * When an organisation deletes a tag, every member filed under it loses it, in the member's own history. The policy
 * keeps its own memory of who carries which tag, so that it sees assignments in the same order as the deletion;
 * a member tagged in the instant before the deletion committed loses the tag as soon as the assignment is seen.
 */
@Component
@ProcessingGroup(TagRemovalPolicy.GROUP)
class TagRemovalPolicy {

    static final String GROUP = "tag-removal-policy";

    private final JdbcClient jdbc;
    private final CommandGateway commands;

    TagRemovalPolicy(JdbcClient jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventHandler
    void on(MemberTagged event) {
        boolean removed = jdbc.sql("SELECT count(*) FROM tag_policy_removed WHERE tag_id = ?").param(event.tagId())
                .query(Long.class).single() > 0;
        if (removed) {
            untag(event.memberId(), event.tagId());
            return;
        }
        jdbc.sql("INSERT INTO tag_policy_assignment (tag_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(event.tagId(), event.memberId()).update();
    }

    @EventHandler
    void on(MemberUntagged event) {
        jdbc.sql("DELETE FROM tag_policy_assignment WHERE tag_id = ? AND member_id = ?")
                .params(event.tagId(), event.memberId()).update();
    }

    @EventHandler
    void on(TagRemoved event) {
        for (UUID tag : event.removedTagIds()) {
            jdbc.sql("INSERT INTO tag_policy_removed (tag_id) VALUES (?) ON CONFLICT DO NOTHING").param(tag).update();
            List<UUID> members = jdbc.sql("SELECT member_id FROM tag_policy_assignment WHERE tag_id = ?").param(tag)
                    .query(UUID.class).list();
            members.forEach(member -> untag(member, tag));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE tag_policy_assignment, tag_policy_removed").update();
    }

    /** Idempotent: a member who no longer has the tag records nothing. */
    private void untag(UUID member, UUID tag) {
        commands.sendAndWait(new UntagMember(member, tag, TagMessages.TAG_DELETED));
    }
}
