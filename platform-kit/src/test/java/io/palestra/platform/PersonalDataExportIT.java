package io.palestra.platform;

import io.palestra.platform.testapp.MemberCards;
import io.palestra.platform.testapp.MemberCards.Card;
import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.palestra.platform.ProblemAnswersIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every service built on the kit answers its part of a member's personal data export, made of its contributors. */
class PersonalDataExportIT extends KitIntegrationTest {

    @Autowired
    MemberCards cards;

    @Test
    void answersTheSectionsOfEveryContributorInTheirOrder() {
        UUID member = UUID.randomUUID();
        cards.issue(new Card(ORGANIZATION, member, "C-0042"));

        Http.Response answer = http().get(export(member)).token(token("manager")).send();

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode export = answer.json();
        assertThat(export.get("service").asString()).isEqualTo("platform-kit-test");
        assertThat(export.get("memberId").asString()).isEqualTo(member.toString());
        assertThat(Instant.parse(export.get("generatedAt").asString()))
                .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(export.get("sections").propertyNames()).containsExactly("cards", "visits");
        assertThat(export.get("sections").get("cards").get(0).get("number").asString()).isEqualTo("C-0042");
        assertThat(export.get("sections").get("visits").isEmpty()).isTrue();
    }

    @Test
    void anOwnerMayAskToo() {
        UUID member = UUID.randomUUID();
        cards.issue(new Card(ORGANIZATION, member, "C-0043"));

        assertThat(http().get(export(member)).token(token("owner")).send().status()).isEqualTo(200);
    }

    @Test
    void aMemberOfAnotherOrganisationIsNotFound() {
        UUID member = UUID.randomUUID();
        cards.issue(new Card(ORGANIZATION, member, "C-0044"));

        Http.Response answer = http().get(export(member)).token(tokenOf(UUID.randomUUID(), "manager")).send();

        assertProblem(answer, 404, "member-not-found");
    }

    @Test
    void otherRolesMayNotExportPersonalData() {
        UUID member = UUID.randomUUID();
        cards.issue(new Card(ORGANIZATION, member, "C-0045"));

        assertProblem(http().get(export(member)).token(token("front-desk")).send(), 403, "forbidden");
        assertProblem(http().get(export(member)).token(token("analyst")).send(), 403, "forbidden");
    }

    @Test
    void noTokenIsUnauthorized() {
        assertProblem(http().get(export(UUID.randomUUID())).send(), 401, "unauthorized");
    }

    private static String export(UUID member) {
        return "/api/v1/personal-data/members/" + member;
    }
}
