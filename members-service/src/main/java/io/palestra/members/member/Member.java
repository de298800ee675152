package io.palestra.members.member;

import io.palestra.members.member.ErasureMessages.AnonymizeMember;
import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.MemberMessages.RegisterMember;
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
    }

    static RuleViolationException anonymizedRefusal() {
        return new RuleViolationException("member-anonymized", "This member was anonymized: the record cannot change.");
    }

    private void requireActive() {
        if (anonymized) {
            throw anonymizedRefusal();
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
    void on(MemberAnonymized event) {
        anonymized = true;
        identity = null;
        contacts = null;
    }
}
