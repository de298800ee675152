package io.palestra.members.integration;

import io.palestra.events.members.MemberProfile;
import io.palestra.events.members.SiteAdded;
import io.palestra.members.member.Gender;
import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.members.organization.OrganizationMessages;
import io.palestra.members.organization.OrganizationMessages.SiteAddress;
import io.palestra.platform.relay.Publication;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MembersPublishedLanguageTest {

    private final MembersPublishedLanguage language = new MembersPublishedLanguage();
    private final UUID organization = UUID.randomUUID();

    @Test
    void publishesARegistrationWithoutPersonalDataAndTheProfileApart() {
        UUID member = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        List<Publication> publications = language.translate(GenericEventMessage.asEventMessage(
                new MemberRegistered(member, organization, site, "000042", "Hélène", "Lefèvre", "h@example.org",
                        "+33612345678", LocalDate.of(1991, 4, 17), Gender.FEMALE, "FR",
                        Instant.parse("2026-11-24T09:00:00Z"))));

        assertThat(publications).hasSize(2);
        assertThat(publications).allSatisfy(publication -> assertThat(publication.key()).isEqualTo(member.toString()));
        assertThat(publications.get(0).event()).isEqualTo(new io.palestra.events.members.MemberRegistered(
                organization, site, member, "000042", "female", 1991, "FR", Instant.parse("2026-11-24T09:00:00Z")));
        assertThat(JsonMapper.builder().build().writeValueAsString(publications.get(0).event()))
                .doesNotContain("Hélène", "Lefèvre", "h@example.org", "+33612345678", "1991-04-17");
        assertThat(publications.get(1).event()).isEqualTo(new MemberProfile(organization, member, site, "000042",
                "Hélène", "Lefèvre", "h@example.org", "+33612345678", LocalDate.of(1991, 4, 17)));
    }

    @Test
    void publishesASiteKeyedByItsOrganisation() {
        UUID site = UUID.randomUUID();
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
}
