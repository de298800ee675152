package io.palestra.members.member;

import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.TagMessages.TagMember;
import io.palestra.members.member.TagMessages.UntagMember;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Filing a member under the organisation's tags (defined under {@code /api/v1/organizations/{id}/tags}). */
@RestController
@RequestMapping("/api/v1/members/{id}/tags/{tagId}")
@Tag(name = "Members")
class MemberTagController {

    private final CommandGateway commands;
    private final MemberAccess members;

    MemberTagController(CommandGateway commands, MemberAccess members) {
        this.commands = commands;
        this.members = members;
    }

    @PutMapping
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "File the member under a tag (a category or a sub-category); doing it twice changes nothing")
    ResponseEntity<MemberView> tag(@PathVariable UUID id, @PathVariable UUID tagId, Caller caller) {
        members.visible(caller, id);
        commands.sendAndWait(new TagMember(id, tagId));
        return members.afterChange(caller, id);
    }

    @DeleteMapping
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Take a tag off the member; taking off a tag the member does not have changes nothing")
    ResponseEntity<MemberView> untag(@PathVariable UUID id, @PathVariable UUID tagId, Caller caller) {
        members.visible(caller, id);
        commands.sendAndWait(new UntagMember(id, tagId, TagMessages.UNASSIGNED));
        return members.afterChange(caller, id);
    }
}
