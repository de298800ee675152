package io.palestra.members.integration;

import io.palestra.events.PostalAddress;
import io.palestra.events.members.MemberProfile;
import io.palestra.events.members.SiteAdded;
import io.palestra.members.member.Gender;
import io.palestra.members.member.MemberAddress;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.member.NoteMessages.NoteAdded;
import io.palestra.members.member.RecordMessages.MemberAddressesReplaced;
import io.palestra.members.member.RecordMessages.MemberIdentityChanged;
import io.palestra.members.organization.OrganizationMessages;
import io.palestra.members.organization.OrganizationMessages.SiteAddress;
import io.palestra.platform.relay.Publication;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MembersPublishedLanguageTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final MembersPublishedLanguage language = new MembersPublishedLanguage(eventStore);
    private final UUID organization = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private final UUID site = UUID.randomUUID();

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    @Test
    void publishesARegistrationWithoutPersonalDataAndTheProfileApart() {
        List<Publication> publications = language.translate(stored(0, registered()));

        assertThat(publications).hasSize(2);
        assertThat(publications).allSatisfy(publication -> assertThat(publication.key()).isEqualTo(member.toString()));
        assertThat(publications.get(0).event()).isEqualTo(new io.palestra.events.members.MemberRegistered(
                organization, site, member, "000042", "female", 1991, "FR", Instant.parse("2026-11-24T09:00:00Z")));
        assertThat(JsonMapper.builder().build().writeValueAsString(publications.get(0).event()))
                .doesNotContain("Hélène", "Lefèvre", "h@example.org", "+33612345678", "1991-04-17");
        assertThat(publications.get(1).event()).isEqualTo(new MemberProfile(organization, member, site, "000042",
                "Hélène", "Lefèvre", "h@example.org", "+33612345678", LocalDate.of(1991, 4, 17), null, null, null,
                null, null));
    }

    @Test
    void publishesTheWholeProfileAsItWasAfterEachPersonalChange() {
        stored(0, registered());
        DomainEventMessage<?> renamed = stored(1, new MemberIdentityChanged(member, organization, "Hélène",
                "Lefebvre", LocalDate.of(1991, 4, 17), Gender.FEMALE, "FR", "fr"));
        stored(2, new MemberAddressesReplaced(member, organization,
                List.of(new MemberAddress("home", "1 rue X", null, "69003", "Lyon", null, "FR"))));

        List<Publication> atRename = language.translate(renamed);

        assertThat(atRename).singleElement().satisfies(publication -> {
            MemberProfile profile = (MemberProfile) publication.event();
            assertThat(profile.lastName()).isEqualTo("Lefebvre");
            assertThat(profile.language()).isEqualTo("fr");
            assertThat(profile.email()).isEqualTo("h@example.org");
            assertThat(profile.addresses()).as("the address came after the rename").isNull();
        });
        MemberProfile latest = (MemberProfile) language.translate(
                eventStore.readEvents(member.toString()).asStream().toList().get(2)).get(0).event();
        assertThat(latest.addresses()).containsExactly(new PostalAddress("1 rue X", null, "69003", "Lyon", null, "FR"));
    }

    @Test
    void keepsNotesInside() {
        stored(0, registered());
        assertThat(language.translate(stored(1, new NoteAdded(member, organization, UUID.randomUUID(), "note",
                "alice")))).isEmpty();
    }

    @Test
    void publishesASiteKeyedByItsOrganisation() {
        List<Publication> publications = language.translate(GenericEventMessage.asEventMessage(
                new OrganizationMessages.SiteAdded(organization, site, "Lyon", "Europe/Paris",
                        new SiteAddress("1 rue X", null, "69003", "Lyon", null, "FR"))));

        assertThat(publications).singleElement().satisfies(publication -> {
            assertThat(publication.key()).isEqualTo(organization.toString());
            assertThat(((SiteAdded) publication.event()).address().city()).isEqualTo("Lyon");
        });
    }

    @Test
    void keepsAnythingElseInside() {
        assertThat(language.translate(GenericEventMessage.asEventMessage("an internal fact"))).isEmpty();
    }

    private MemberRegistered registered() {
        return new MemberRegistered(member, organization, site, "000042", "Hélène", "Lefèvre", "h@example.org",
                "+33612345678", LocalDate.of(1991, 4, 17), Gender.FEMALE, "FR", Instant.parse("2026-11-24T09:00:00Z"));
    }

    private DomainEventMessage<?> stored(long sequence, Object payload) {
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("Member", member.toString(), sequence, payload);
        eventStore.publish(event);
        return event;
    }
}
