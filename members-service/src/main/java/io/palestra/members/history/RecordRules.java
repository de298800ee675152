package io.palestra.members.history;

import io.palestra.members.history.Steps.Step;
import io.palestra.members.member.BlacklistMessages.BlacklistPeriodLifted;
import io.palestra.members.member.BlacklistMessages.MemberBlacklisted;
import io.palestra.members.member.ConsentMessages.ConsentRecorded;
import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.MergeMessages.MemberMergedInto;
import io.palestra.members.member.NoteMessages.NoteAdded;
import io.palestra.members.member.NoteMessages.NoteDeleted;
import io.palestra.members.member.NoteMessages.NoteEdited;
import io.palestra.members.member.PhotoMessages.MemberPhotoChanged;
import io.palestra.members.member.PhotoMessages.MemberPhotoRemoved;
import io.palestra.members.member.RecordMessages.EmergencyContactsReplaced;
import io.palestra.members.member.RecordMessages.FrontDeskInstructionsChanged;
import io.palestra.members.member.RecordMessages.MedicalCertificateRecorded;
import io.palestra.members.member.RecordMessages.MedicalCertificateRemoved;
import io.palestra.members.member.RecordMessages.MemberAddressesReplaced;
import io.palestra.members.member.RecordMessages.MemberContactsChanged;
import io.palestra.members.member.RecordMessages.MemberIdentityChanged;
import io.palestra.members.member.RelationMessages.MembersRelated;
import io.palestra.members.member.RelationMessages.RelationEnded;
import io.palestra.members.member.TagMessages.MemberTagged;
import io.palestra.members.member.TagMessages.MemberUntagged;
import io.palestra.members.member.TransferMessages.MemberTransferred;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.palestra.members.history.Steps.cleared;
import static io.palestra.members.history.Steps.clearedIn;
import static io.palestra.members.history.Steps.entry;
import static io.palestra.members.history.Steps.field;
import static io.palestra.members.history.Steps.fields;
import static io.palestra.members.history.Steps.flagged;
import static io.palestra.members.history.Steps.latestDecision;
import static io.palestra.members.history.Steps.lists;
import static io.palestra.members.history.Steps.objects;
import static io.palestra.members.history.Steps.removed;
import static io.palestra.members.history.Steps.value;

/**
 * Each event of a member's stream: its name in the history and what it does to the record, one line per type.
 * Add a line with each new event type; until then the type still shows in the history, as it is
 * ({@link RecordFold}).
 */
final class RecordRules {

    /** What an erasure forgets, as the read models do; gender, country and the business facts stay. */
    private static final String[] PERSONAL = {"firstName", "lastName", "email", "phone", "birthDate", "language",
            "frontDesk.welcomeMessage", "frontDesk.alert", "medicalCertificate.validUntil", "photoId"};

    private static final Map<Class<?>, Rule> RULES = Map.ofEntries(
            rule(MemberRegistered.class, "member-registered", fields("memberCode", "siteId", "firstName",
                            "lastName", "email", "phone", "birthDate", "gender", "country", "registeredAt"),
                    cleared("language", "photoId", "frontDesk.welcomeMessage", "frontDesk.alert",
                            "medicalCertificate.validUntil"), value("status", "active"),
                    lists("addresses", "emergencyContacts"),
                    objects("notes", "blacklist", "tags", "consents", "relations")),
            rule(MemberIdentityChanged.class, "identity-changed",
                    fields("firstName", "lastName", "birthDate", "gender", "country", "language")),
            rule(MemberContactsChanged.class, "contacts-changed", fields("email", "phone")),
            rule(MemberAddressesReplaced.class, "addresses-replaced", fields("addresses")),
            rule(EmergencyContactsReplaced.class, "emergency-contacts-replaced",
                    field("contacts", "emergencyContacts")),
            rule(FrontDeskInstructionsChanged.class, "front-desk-instructions-changed",
                    field("welcomeMessage", "frontDesk.welcomeMessage"), field("alert", "frontDesk.alert")),
            rule(MedicalCertificateRecorded.class, "medical-certificate-recorded",
                    field("validUntil", "medicalCertificate.validUntil")),
            rule(MedicalCertificateRemoved.class, "medical-certificate-removed",
                    cleared("medicalCertificate.validUntil")),
            rule(MemberTransferred.class, "member-transferred", field("toSiteId", "siteId")),
            rule(MemberPhotoChanged.class, "photo-changed", fields("photoId")),
            rule(MemberPhotoRemoved.class, "photo-removed", cleared("photoId")),
            rule(NoteAdded.class, "note-added", entry("notes", "noteId", "text", "author")),
            rule(NoteEdited.class, "note-edited", entry("notes", "noteId", "text", "editor")),
            rule(NoteDeleted.class, "note-deleted", removed("notes", "noteId")),
            rule(MemberBlacklisted.class, "member-blacklisted",
                    entry("blacklist", "periodId", "from", "until", "reason", "by")),
            rule(BlacklistPeriodLifted.class, "blacklist-period-lifted", removed("blacklist", "periodId")),
            rule(MemberTagged.class, "member-tagged", flagged("tags", "tagId")),
            rule(MemberUntagged.class, "member-untagged", removed("tags", "tagId")),
            rule(ConsentRecorded.class, "consent-recorded", latestDecision("consents")),
            rule(MembersRelated.class, "members-related",
                    entry("relations", "relationId", "otherMemberId", "kind")),
            rule(RelationEnded.class, "relation-ended", removed("relations", "relationId")),
            rule(MemberMergedInto.class, "merged-into", value("status", "merged"),
                    field("survivorId", "mergedInto")),
            rule(MemberAnonymized.class, "member-anonymized", value("status", "anonymized"),
                    fields("anonymizedBy"), cleared(PERSONAL), lists("addresses", "emergencyContacts"),
                    objects("notes"), clearedIn("blacklist", "reason")));

    private RecordRules() {
    }

    /** The rule of an event type, if it is one the history knows. */
    static Optional<Rule> of(Class<?> eventType) {
        return Optional.ofNullable(RULES.get(eventType));
    }

    /** The name of a change in the history, and what it does to the record. */
    record Rule(String change, List<Step> steps) {

        void applyTo(ObjectNode record, ObjectNode event) {
            steps.forEach(step -> step.apply(record, event));
        }
    }

    private static Map.Entry<Class<?>, Rule> rule(Class<?> eventType, String change, Step... steps) {
        return Map.entry(eventType, new Rule(change, List.of(steps)));
    }
}
