package io.palestra.members.member;

import io.palestra.members.member.ErasureMessages.AnonymizeMember;
import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.MemberMessages.RegisterMember;
import io.palestra.members.member.MergeMessages.MemberMergedInto;
import io.palestra.members.member.MergeMessages.MembersMerged;
import io.palestra.members.member.RecordMessages.MemberContactsChanged;
import io.palestra.members.member.RecordMessages.MemberIdentityChanged;
import io.palestra.members.member.RecordMessages.UpdateMember;
import io.palestra.members.member.TransferMessages.MemberTransferred;
import io.palestra.members.member.TransferMessages.TransferMember;
import io.palestra.members.organization.Sites;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.personal.SubjectKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The record of one member of an organisation: identity and contacts here, the rest in its parts
 * ({@link RecordDetails}, {@link NoteBook}, {@link Blacklist},
 * {@link Tagging}, {@link Consents}, {@link Relations}, {@link Portrait}). Registration is decided by {@link MemberRegistration}. A change that
 * changes nothing records nothing; once anonymized, nothing changes any more.
 */
@Aggregate
public class Member {

    @AggregateIdentifier
    private UUID memberId;
    private UUID organizationId;
    private String memberCode;
    private UUID siteId;
    private Identity identity;
    private Contacts contacts;
    private boolean anonymized;
    private UUID mergedInto;
    private final Set<UUID> absorbed = new HashSet<>();
    @AggregateMember
    private final RecordDetails details = new RecordDetails();
    @AggregateMember
    private final NoteBook notes = new NoteBook();
    @AggregateMember
    private final Blacklist blacklist = new Blacklist();
    @AggregateMember
    private final Tagging tagging = new Tagging();
    @AggregateMember
    private final Consents consents = new Consents();
    @AggregateMember
    private final Relations relations = new Relations();
    @AggregateMember
    private final Portrait portrait = new Portrait();

    protected Member() {
    }

    Member(RegisterMember command, String memberCode) {
        apply(new MemberRegistered(command.memberId(), command.organizationId(), command.siteId(), memberCode,
                command.firstName().strip(), command.lastName().strip(), command.email(), command.phone(),
                command.birthDate(), command.gender(), command.country(), command.registeredAt()));
    }

    @CommandHandler
    void handle(UpdateMember command) {
        requireActive();
        Identity nextIdentity = identity.changedBy(command);
        Contacts nextContacts = contacts.changedBy(command);
        if (!nextIdentity.equals(identity)) {
            apply(new MemberIdentityChanged(memberId, organizationId, nextIdentity.firstName(),
                    nextIdentity.lastName(), nextIdentity.birthDate(), nextIdentity.gender(), nextIdentity.country(),
                    nextIdentity.language()));
        }
        if (!nextContacts.equals(contacts)) {
            apply(new MemberContactsChanged(memberId, organizationId, nextContacts.email(), nextContacts.phone()));
        }
    }

    /** The new home site must be another site of the organisation, as the organisation knows it now. */
    @CommandHandler
    void handle(TransferMember command, Sites sites) {
        requireActive();
        if (command.toSiteId().equals(siteId)) {
            return;
        }
        if (!sites.exists(organizationId, command.toSiteId())) {
            throw new RuleViolationException("unknown-site",
                    "Site " + command.toSiteId() + " is not a site of this organisation.");
        }
        apply(new MemberTransferred(memberId, organizationId, siteId, command.toSiteId(), command.by()));
    }

    /** Records the erasure, then destroys the member's key in the same transaction: all or nothing. */
    @CommandHandler
    void handle(AnonymizeMember command, SubjectKeys keys) {
        requireActive();
        if (!memberCode.equals(command.confirmation())) {
            throw new RuleViolationException("confirmation-mismatch",
                    "To erase this member for good, the confirmation must repeat its member code.");
        }
        apply(new MemberAnonymized(memberId, organizationId, command.requestedBy()));
        keys.destroy(memberId);
        // the records merged into this one were the same person: their events hold the same personal data
        absorbed.forEach(keys::destroy);
    }

    /** What a duplicate hands over to the record that takes it over. */
    record HandedOver(UUID organizationId, String memberCode, String email, String phone,
                      List<MemberAddress> addresses, List<EmergencyContact> emergencyContacts,
                      LocalDate medicalCertificate, Set<UUID> tags, Set<UUID> noteIds, Set<UUID> blacklistPeriodIds,
                      Map<ConsentMessages.ConsentTopic, Consents.Decision> consents,
                      Map<UUID, Relations.Relation> relations) {
    }

    /** The duplicate's side of a merge: it ends its own relations and becomes a redirect to the survivor. */
    HandedOver handOverTo(UUID survivorId, String by) {
        requireActive();
        if (survivorId.equals(memberId)) {
            throw new RuleViolationException("self-merge", "A member cannot be merged into itself.");
        }
        HandedOver handedOver = new HandedOver(organizationId, memberCode, contacts.email(), contacts.phone(),
                details.addresses(), details.emergencyContacts(), details.medicalCertificate(), tagging.tags(),
                notes.ids(), blacklist.ids(), consents.decisions(), relations.handOver());
        apply(new MemberMergedInto(memberId, organizationId, survivorId, by));
        return handedOver;
    }

    /**
     * The survivor's side: it takes the duplicate's notes and blacklist periods, tags, more recent consents, relations,
     * and contacts, addresses, emergency contacts and medical certificate where it has none.
     */
    void absorb(UUID duplicateId, HandedOver duplicate, String by) {
        requireActive();
        if (!duplicate.organizationId().equals(organizationId)) {
            throw new RuleViolationException("other-organization",
                    "Only records of the same organisation can be merged.");
        }
        apply(new MembersMerged(memberId, organizationId, duplicateId, duplicate.memberCode(),
                List.copyOf(duplicate.noteIds()), List.copyOf(duplicate.blacklistPeriodIds()), by));
        tagging.absorb(duplicate.tags());
        consents.absorb(duplicate.consents());
        relations.absorb(duplicateId, duplicate.relations());
        String email = contacts.email() != null ? contacts.email() : duplicate.email();
        String phone = contacts.phone() != null ? contacts.phone() : duplicate.phone();
        if (!Objects.equals(email, contacts.email()) || !Objects.equals(phone, contacts.phone())) {
            apply(new MemberContactsChanged(memberId, organizationId, email, phone));
        }
        details.absorbMissing(duplicate.addresses(), duplicate.emergencyContacts(), duplicate.medicalCertificate());
    }

    static RuleViolationException anonymizedRefusal() {
        return new RuleViolationException("member-anonymized", "This member was anonymized: the record cannot change.");
    }

    static RuleViolationException mergedRefusal(UUID survivorId) {
        return new RuleViolationException("member-merged",
                "This record was merged into member " + survivorId + ": change that one.");
    }

    private void requireActive() {
        if (anonymized) {
            throw anonymizedRefusal();
        }
        if (mergedInto != null) {
            throw mergedRefusal(mergedInto);
        }
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
        organizationId = event.organizationId();
        memberCode = event.memberCode();
        siteId = event.siteId();
        identity = new Identity(event.firstName(), event.lastName(), event.birthDate(), event.gender(),
                event.country(), null);
        contacts = new Contacts(event.email(), event.phone());
    }

    @EventSourcingHandler
    void on(MemberIdentityChanged event) {
        identity = new Identity(event.firstName(), event.lastName(), event.birthDate(), event.gender(),
                event.country(), event.language());
    }

    @EventSourcingHandler
    void on(MemberContactsChanged event) {
        contacts = new Contacts(event.email(), event.phone());
    }

    @EventSourcingHandler
    void on(MemberTransferred event) {
        siteId = event.toSiteId();
    }

    @EventSourcingHandler
    void on(MemberMergedInto event) {
        mergedInto = event.survivorId();
    }

    @EventSourcingHandler
    void on(MembersMerged event) {
        absorbed.add(event.duplicateId());
    }

    @EventSourcingHandler
    void on(MemberAnonymized event) {
        anonymized = true;
        identity = null;
        contacts = null;
    }
}
