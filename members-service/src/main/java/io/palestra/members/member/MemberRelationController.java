package io.palestra.members.member;

import io.palestra.members.member.MemberQueries.FindRelationOwner;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.MemberQueries.RelationView;
import io.palestra.members.member.RelationMessages.EndRelation;
import io.palestra.members.member.RelationMessages.RelateMember;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Relations between members: sponsor and referee, parent and child, family, partner. Both sides see them. */
@RestController
@RequestMapping("/api/v1/members/{id}/relations")
@Tag(name = "Members")
class MemberRelationController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MemberAccess members;

    MemberRelationController(CommandGateway commands, QueryGateway queries, MemberAccess members) {
        this.commands = commands;
        this.queries = queries;
        this.members = members;
    }

    /** {@code kind}: what the other member is to this one ({@code child}: the other member is this one's child). */
    record RelationRequest(@NotNull UUID memberId, @NotNull RelationKind kind) {
    }

    @GetMapping
    @PreAuthorize(MemberRoles.READERS)
    @Operation(summary = "The member's relations, each as what the other member is to this one")
    List<RelationView> relations(@PathVariable UUID id, Caller caller) {
        return members.visible(caller, id).relations();
    }

    @PostMapping
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Relate the member to another member of the organisation",
            description = "kind is what the other member is to this one: sponsor, referee, parent, child, family or "
                    + "partner. The other member sees the counterpart (child ↔ parent, sponsor ↔ referee).")
    ResponseEntity<RelationView> relate(@PathVariable UUID id, @Valid @RequestBody RelationRequest request,
                                        Caller caller) {
        MemberView member = members.active(caller, id);
        members.active(caller, request.memberId());
        boolean related = member.relations().stream().anyMatch(relation -> relation.memberId()
                .equals(request.memberId()) && relation.kind() == request.kind());
        if (related) {
            throw new RuleViolationException("already-related",
                    "These members are already related as " + request.kind().value() + ".");
        }
        UUID relationId = UUID.randomUUID();
        commands.sendAndWait(new RelateMember(id, relationId, request.memberId(), request.kind()));
        RelationView relation = members.afterChange(caller, id).getBody().relations().stream()
                .filter(candidate -> candidate.id().equals(relationId)).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/members/" + id + "/relations/" + relationId))
                .body(relation);
    }

    @DeleteMapping("/{relationId}")
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "End a relation, from either side")
    ResponseEntity<Void> end(@PathVariable UUID id, @PathVariable UUID relationId, Caller caller) {
        members.visible(caller, id);
        UUID owner = queries.query(new FindRelationOwner(caller.organization(), id, relationId),
                        ResponseTypes.optionalInstanceOf(UUID.class)).join()
                .orElseThrow(() -> NotFoundException.of("relation", relationId));
        commands.sendAndWait(new EndRelation(owner, relationId));
        members.caughtUp(owner);
        return ResponseEntity.noContent().build();
    }
}
