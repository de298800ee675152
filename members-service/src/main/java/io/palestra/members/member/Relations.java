package io.palestra.members.member;

import io.palestra.members.member.RelationMessages.EndRelation;
import io.palestra.members.member.RelationMessages.MembersRelated;
import io.palestra.members.member.RelationMessages.RelateMember;
import io.palestra.members.member.RelationMessages.RelationEnded;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The relations this member owns (added from its record): one per other member and kind, a bounded number. */
class Relations extends MemberPart {

    static final int MAX_RELATIONS = 50;

    private final Map<UUID, Relation> relations = new LinkedHashMap<>();

    record Relation(UUID otherMemberId, RelationKind kind) {
    }

    @CommandHandler
    void handle(RelateMember command) {
        requireActive();
        if (relations.containsKey(command.relationId())) {
            return;
        }
        if (command.otherMemberId().equals(memberId)) {
            throw new RuleViolationException("self-relation", "A member cannot be related to themselves.");
        }
        if (relations.containsValue(new Relation(command.otherMemberId(), command.kind()))) {
            throw new RuleViolationException("already-related",
                    "These members are already related as " + command.kind().value() + ".");
        }
        if (relations.size() >= MAX_RELATIONS) {
            throw new RuleViolationException("too-many-relations",
                    "A member has at most " + MAX_RELATIONS + " relations.");
        }
        apply(new MembersRelated(memberId, organizationId, command.relationId(), command.otherMemberId(),
                command.kind()));
    }

    /** Ending a relation is allowed even after an erasure of either side: it only takes a link away. */
    @CommandHandler
    void handle(EndRelation command) {
        Relation relation = relations.get(command.relationId());
        if (relation == null) {
            throw NotFoundException.of("relation", command.relationId());
        }
        apply(new RelationEnded(memberId, organizationId, command.relationId(), relation.otherMemberId()));
    }

    Map<UUID, Relation> relations() {
        return Collections.unmodifiableMap(relations);
    }

    /** The duplicate's side of a merge: it ends the relations it owns, which the survivor takes over. */
    Map<UUID, Relation> handOver() {
        Map<UUID, Relation> owned = new LinkedHashMap<>(relations);
        owned.forEach((relationId, relation) ->
                apply(new RelationEnded(memberId, organizationId, relationId, relation.otherMemberId())));
        return owned;
    }

    /**
     * Ends this member's relations to the duplicate (they are one person now) and takes the duplicate's relations, as
     * new relations of this member, except to itself and those it already has.
     */
    void absorb(UUID duplicateId, Map<UUID, Relation> taken) {
        new LinkedHashMap<>(relations).forEach((relationId, relation) -> {
            if (relation.otherMemberId().equals(duplicateId)) {
                apply(new RelationEnded(memberId, organizationId, relationId, duplicateId));
            }
        });
        for (Relation relation : taken.values()) {
            if (!relation.otherMemberId().equals(memberId) && !relations.containsValue(relation)
                    && relations.size() < MAX_RELATIONS) {
                apply(new MembersRelated(memberId, organizationId, UUID.randomUUID(), relation.otherMemberId(),
                        relation.kind()));
            }
        }
    }

    @EventSourcingHandler
    void on(MembersRelated event) {
        relations.put(event.relationId(), new Relation(event.otherMemberId(), event.kind()));
    }

    @EventSourcingHandler
    void on(RelationEnded event) {
        relations.remove(event.relationId());
    }

    @Override
    protected void forget() {
        // the links name members by id only; the read models drop the relations of an erased member
    }
}
