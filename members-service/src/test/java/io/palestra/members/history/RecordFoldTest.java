package io.palestra.members.history;

import io.palestra.members.history.MemberHistoryQueries.FieldChange;
import io.palestra.members.history.MemberHistoryQueries.HistoryEntry;
import io.palestra.members.member.BlacklistMessages.BlacklistPeriodLifted;
import io.palestra.members.member.BlacklistMessages.MemberBlacklisted;
import io.palestra.members.member.Channel;
import io.palestra.members.member.ConsentMessages.ConsentRecorded;
import io.palestra.members.member.ErasureMessages.MemberAnonymized;
import io.palestra.members.member.Gender;
import io.palestra.members.member.MemberAddress;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.NoteMessages.NoteAdded;
import io.palestra.members.member.NoteMessages.NoteDeleted;
import io.palestra.members.member.NoteMessages.NoteEdited;
import io.palestra.members.member.RecordMessages.FrontDeskInstructionsChanged;
import io.palestra.members.member.RecordMessages.MemberAddressesReplaced;
import io.palestra.members.member.RecordMessages.MemberIdentityChanged;
import io.palestra.members.member.TagMessages.MemberTagged;
import io.palestra.members.member.TagMessages.MemberUntagged;
import io.palestra.members.member.TransferMessages.MemberTransferred;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RecordFoldTest {

    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID SITE = UUID.randomUUID();
    private static final Instant REGISTERED_AT = Instant.parse("2026-01-05T09:00:00Z");

    private final RecordFold fold = new RecordFold();
    private long sequence;

    @Test
    void registrationSetsTheRecordAndTellsWhoRegisteredTheMember() {
        HistoryEntry entry = apply(registered("Hélène", "Lefèvre"));

        assertThat(entry.sequence()).isZero();
        assertThat(entry.at()).isEqualTo(REGISTERED_AT);
        assertThat(entry.actor()).isEqualTo("alice");
        assertThat(entry.change()).isEqualTo("member-registered");
        assertThat(texts(entry)).contains(tuple("firstName", "null", "\"Hélène\""),
                tuple("lastName", "null", "\"Lefèvre\""), tuple("gender", "null", "\"female\""),
                tuple("birthDate", "null", "\"1991-04-17\""), tuple("siteId", "null", "\"" + SITE + "\""),
                tuple("status", "null", "\"active\""));
        assertThat(fields(entry)).doesNotContain("email", "notes", "addresses", "frontDesk", "medicalCertificate");
    }

    @Test
    void anIdentityChangeShowsOnlyTheFieldsThatChangedOldAndNew() {
        apply(registered("Hélène", "Lefèvre"));

        HistoryEntry entry = apply(new MemberIdentityChanged(MEMBER, ORGANIZATION, "Hélène", "Lefebvre",
                LocalDate.parse("1991-04-17"), Gender.FEMALE, "FR", "fr"));

        assertThat(entry.change()).isEqualTo("identity-changed");
        assertThat(texts(entry)).containsExactly(tuple("lastName", "\"Lefèvre\"", "\"Lefebvre\""),
                tuple("language", "null", "\"fr\""));
    }

    @Test
    void aNoteIsAddedEditedAndDeletedByItsId() {
        apply(registered("Hélène", "Lefèvre"));
        UUID note = UUID.randomUUID();

        HistoryEntry added = apply(new NoteAdded(MEMBER, ORGANIZATION, note, "Prefers mornings", "alice"));
        HistoryEntry edited = apply(new NoteEdited(MEMBER, ORGANIZATION, note, "Prefers evenings", "bob"));
        HistoryEntry deleted = apply(new NoteDeleted(MEMBER, ORGANIZATION, note, "bob"));

        assertThat(texts(added)).containsExactly(
                tuple("notes." + note, "null", "{\"text\":\"Prefers mornings\",\"author\":\"alice\"}"));
        assertThat(texts(edited)).containsExactly(
                tuple("notes." + note + ".text", "\"Prefers mornings\"", "\"Prefers evenings\""),
                tuple("notes." + note + ".editor", "null", "\"bob\""));
        assertThat(deleted.change()).isEqualTo("note-deleted");
        assertThat(fields(deleted)).containsExactly("notes." + note);
        assertThat(deleted.changes().get(0).to().isNull()).isTrue();
        assertThat(fold.record().get("notes").isEmpty()).isTrue();
    }

    @Test
    void aLiftedBlacklistPeriodLeavesTheRecord() {
        apply(registered("Hélène", "Lefèvre"));
        UUID period = UUID.randomUUID();
        apply(new MemberBlacklisted(MEMBER, ORGANIZATION, period, LocalDate.parse("2026-02-01"), null,
                "Three no-shows", "alice"));
        assertThat(fold.record().get("blacklist").get(period.toString()).get("reason").asString())
                .isEqualTo("Three no-shows");

        HistoryEntry lifted = apply(new BlacklistPeriodLifted(MEMBER, ORGANIZATION, period, "alice"));

        assertThat(lifted.change()).isEqualTo("blacklist-period-lifted");
        assertThat(lifted.changes().get(0).from().get("from").asString()).isEqualTo("2026-02-01");
        assertThat(fold.record().get("blacklist").isEmpty()).isTrue();
    }

    @Test
    void addressesAreReplacedAsAWholeAndFrontDeskFieldsAreNested() {
        apply(registered("Hélène", "Lefèvre"));

        HistoryEntry addresses = apply(new MemberAddressesReplaced(MEMBER, ORGANIZATION,
                List.of(new MemberAddress("home", "17 rue Bouchut", null, "69003", "Lyon", null, "FR"))));
        HistoryEntry frontDesk = apply(new FrontDeskInstructionsChanged(MEMBER, ORGANIZATION, null,
                "Mandate missing"));

        assertThat(fields(addresses)).containsExactly("addresses");
        assertThat(addresses.changes().get(0).to().get(0).get("city").asString()).isEqualTo("Lyon");
        assertThat(texts(frontDesk)).containsExactly(tuple("frontDesk.alert", "null", "\"Mandate missing\""));
    }

    @Test
    void aTransferMovesTheMemberToItsNewSite() {
        apply(registered("Hélène", "Lefèvre"));
        UUID otherSite = UUID.randomUUID();

        HistoryEntry transferred = apply(new MemberTransferred(MEMBER, ORGANIZATION, SITE, otherSite, "alice"));

        assertThat(texts(transferred)).containsExactly(
                tuple("siteId", "\"" + SITE + "\"", "\"" + otherSite + "\""));
    }

    @Test
    void tagsComeAndGoByTheirId() {
        apply(registered("Hélène", "Lefèvre"));
        UUID tag = UUID.randomUUID();

        assertThat(texts(apply(new MemberTagged(MEMBER, ORGANIZATION, tag))))
                .containsExactly(tuple("tags." + tag, "null", "true"));
        assertThat(texts(apply(new MemberUntagged(MEMBER, ORGANIZATION, tag, "unassigned"))))
                .containsExactly(tuple("tags." + tag, "true", "null"));
    }

    @Test
    void aConsentFormRecordedLateDoesNotOverrideANewerDecision() {
        apply(registered("Hélène", "Lefèvre"));
        apply(new ConsentRecorded(MEMBER, ORGANIZATION, Channel.SMS, null, true, "app",
                Instant.parse("2026-03-02T10:00:00Z")));

        HistoryEntry late = apply(new ConsentRecorded(MEMBER, ORGANIZATION, Channel.SMS, null, false, "paper form",
                Instant.parse("2026-03-01T10:00:00Z")));
        HistoryEntry newer = apply(new ConsentRecorded(MEMBER, ORGANIZATION, Channel.SMS, null, false, "desk",
                Instant.parse("2026-03-03T10:00:00Z")));

        assertThat(late.change()).isEqualTo("consent-recorded");
        assertThat(late.changes()).isEmpty();
        assertThat(texts(newer)).containsExactly(tuple("consents.channel:sms.granted", "true", "false"),
                tuple("consents.channel:sms.source", "\"app\"", "\"desk\""),
                tuple("consents.channel:sms.decidedAt", "\"2026-03-02T10:00:00Z\"", "\"2026-03-03T10:00:00Z\""));
    }

    @Test
    void anEventTypeTheHistoryDoesNotKnowShowsUnderItsOwnNameWithItsFieldsAsNewValues() {
        apply(registered("Hélène", "Lefèvre"));
        UUID absorbed = UUID.randomUUID();

        HistoryEntry merged = apply(new MembersMerged(MEMBER, ORGANIZATION, absorbed, "duplicate"));

        assertThat(merged.change()).isEqualTo("members-merged");
        assertThat(merged.actor()).isEqualTo("alice");
        assertThat(texts(merged)).containsExactly(tuple("absorbedMemberId", "null", "\"" + absorbed + "\""),
                tuple("reason", "null", "\"duplicate\""));
        assertThat(fold.record().get("lastName").asString()).isEqualTo("Lefèvre");
        assertThat(fold.sequence()).contains(1L);
    }

    @Test
    void aTypeThisBuildCannotLoadShowsFromItsStoredJsonWithoutItsSealedValues() {
        apply(registered("Hélène", "Lefèvre"));
        byte[] stored = """
                {"memberId": "%s", "mergedInto": "m-2", "name": {"$subject": "%s", "$sealed": "AAECAw=="}}"""
                .formatted(MEMBER, MEMBER).getBytes(StandardCharsets.UTF_8);
        Object unknown = new UnknownSerializedType(Jackson3Serializer.builder().build(), new SimpleSerializedObject<>(
                stored, byte[].class, new SimpleSerializedType("io.palestra.members.member.Gone$MemberRetired", null)));

        HistoryEntry entry = apply(unknown);

        assertThat(entry.change()).isEqualTo("member-retired");
        assertThat(texts(entry)).containsExactly(tuple("mergedInto", "null", "\"m-2\""),
                tuple("name", "null", "null"));
    }

    @Test
    void anErasedMembersEventsReadWithNullsAndTheErasureForgetsThePerson() {
        apply(registered(null, null));
        UUID note = UUID.randomUUID();
        HistoryEntry noted = apply(new NoteAdded(MEMBER, ORGANIZATION, note, null, "alice"));
        HistoryEntry renamed = apply(new MemberIdentityChanged(MEMBER, ORGANIZATION, null, null, null,
                Gender.FEMALE, "FR", "fr"));

        HistoryEntry erased = apply(new MemberAnonymized(MEMBER, ORGANIZATION, "carol"));

        assertThat(noted.changes().get(0).to().get("text").isNull()).isTrue();
        assertThat(texts(renamed)).containsExactly(tuple("language", "null", "\"fr\""));
        assertThat(erased.change()).isEqualTo("member-anonymized");
        assertThat(texts(erased)).contains(tuple("status", "\"active\"", "\"anonymized\""),
                tuple("anonymizedBy", "null", "\"carol\""), tuple("language", "\"fr\"", "null"));
        assertThat(fold.record().get("firstName").isNull()).isTrue();
        assertThat(fold.record().get("notes").isEmpty()).isTrue();
        assertThat(fold.record().get("memberCode").asString()).isEqualTo("000042");
    }

    @Test
    void anEventWithoutActorHasANullActor() {
        HistoryEntry entry = fold.apply(new GenericDomainEventMessage<>("Member", MEMBER.toString(), 0,
                registered("Hélène", "Lefèvre"), Map.of(), UUID.randomUUID().toString(), REGISTERED_AT));

        assertThat(entry.actor()).isNull();
    }

    /** An event type added after this build of the history. */
    record MembersMerged(UUID memberId, UUID organizationId, UUID absorbedMemberId, String reason) {
    }

    private static MemberRegistered registered(String firstName, String lastName) {
        return new MemberRegistered(MEMBER, ORGANIZATION, SITE, "000042", firstName, lastName, null, null,
                firstName == null ? null : LocalDate.parse("1991-04-17"), Gender.FEMALE, "FR", REGISTERED_AT);
    }

    private HistoryEntry apply(Object payload) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("actingUser", "alice");
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("Member", MEMBER.toString(), sequence,
                payload, metadata, UUID.randomUUID().toString(), REGISTERED_AT.plusSeconds(sequence));
        sequence++;
        return fold.apply(event);
    }

    private static List<String> fields(HistoryEntry entry) {
        return entry.changes().stream().map(FieldChange::field).toList();
    }

    private static List<Tuple> texts(HistoryEntry entry) {
        return entry.changes().stream()
                .map(change -> tuple(change.field(), change.from().toString(), change.to().toString()))
                .toList();
    }
}
