package io.palestra.members;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.palestra.events.Price;
import io.palestra.events.subscriptions.MemberSubscribed;
import io.palestra.events.subscriptions.SubscriptionStatusChanged;
import io.palestra.test.Http;
import io.palestra.test.PublishedEvents;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The member list's filters, orders, counts and exports, through the API. */
class MemberListIT extends MembersIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    private UUID organization;
    private UUID lyon;
    private UUID annecy;
    private String desk;
    private String manager;
    private String yoga;
    private String pilates;
    private String sport;
    private String newsletter;
    private String anne;
    private String bruno;
    private String chloe;

    @BeforeEach
    void aChainWithMembers() {
        JsonNode chain = createOrganization("List Club " + UUID.randomUUID(), "Lyon", "Annecy");
        organization = id(chain);
        lyon = siteId(chain, 0);
        annecy = siteId(chain, 1);
        desk = staff(organization, "front-desk");
        manager = staff(organization, "manager");
        sport = defineTag(organization, "Sport", null);
        yoga = defineTag(organization, "Yoga", sport);
        pilates = defineTag(organization, "Pilates", sport);
        newsletter = definePreference(organization, "Newsletter");
        anne = member(lyon, "Anne", "Arnaud", "\"email\": \"anne@example.org\"");
        bruno = member(lyon, "Bruno", "Bérard", "");
        chloe = member(annecy, "Chloé", "Colin", "");
        tag(anne, yoga);
        tag(anne, pilates);
        tag(bruno, yoga);
        ok(http().post("/api/v1/members/" + chloe + "/consents", """
                {"decisions": [{"preferenceId": "%s", "granted": true, "source": "app"}]}""".formatted(newsletter))
                .token(desk).send());
    }

    @Test
    void filtersByTagsAnyOrAllAndACategoryCoversItsSubCategories() {
        assertThat(ids("tag=" + yoga + "&tag=" + pilates)).containsExactly(anne, bruno);
        assertThat(ids("tag=" + yoga + "&tag=" + pilates + "&tagMatch=all")).containsExactly(anne);
        assertThat(ids("tag=" + sport)).containsExactly(anne, bruno);
        assertThat(ids("tag=" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void filtersByMarketingPreferenceSiteMembershipAndDates() {
        assertThat(ids("preferenceId=" + newsletter)).containsExactly(chloe);
        assertThat(ids("siteId=" + annecy)).containsExactly(chloe);
        assertThat(ids("activeMembership=true")).isEmpty();
        assertThat(ids("activeMembership=false")).containsExactly(anne, bruno, chloe);
        assertThat(ids("registeredFrom=" + TODAY + "&registeredTo=" + TODAY)).containsExactly(anne, bruno, chloe);
        assertThat(ids("registeredTo=" + TODAY.minusDays(1))).isEmpty();
        assertThat(ids("changedFrom=" + TODAY.plusDays(1))).isEmpty();
        assertThat(ids("q=arn&tag=" + yoga)).containsExactly(anne);
    }

    @Test
    void anActiveMembershipComesFromSubscriptionServicesEventsUntilItEnds() {
        UUID subscription = UUID.randomUUID();
        Instant subscribed = Instant.parse("2027-01-15T09:00:00Z");
        PublishedEvents.publish(new MemberSubscribed(organization, subscription, UUID.fromString(bruno),
                UUID.randomUUID(), lyon, TODAY, null, null, new Price(new BigDecimal("39.90"), "EUR"), null,
                "monthly", null, null, TODAY, "card", subscribed), subscription);
        PublishedEvents.publish(new SubscriptionStatusChanged(organization, subscription, UUID.fromString(bruno),
                "active-recurring", "none", null, null, null, null, subscribed), subscription);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids("activeMembership=true"), found -> !found.isEmpty());
        assertThat(ids("activeMembership=true")).containsExactly(bruno);
        assertThat(ids("activeMembership=false")).containsExactly(anne, chloe);

        PublishedEvents.publish(new SubscriptionStatusChanged(organization, subscription, UUID.fromString(bruno),
                "cancelled", "active-recurring", TODAY, null, null, "cancelled-by-staff",
                subscribed.plusSeconds(60)), subscription);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids("activeMembership=true"), List::isEmpty);
        assertThat(ids("activeMembership=false")).containsExactly(anne, bruno, chloe);

        // a duplicate's subscription counts for the record it was merged into
        String duplicate = member(annecy, "Chloé", "Colin-Dup", "");
        UUID duplicateSubscription = UUID.randomUUID();
        PublishedEvents.publish(new SubscriptionStatusChanged(organization, duplicateSubscription,
                UUID.fromString(duplicate), "active-recurring", "none", null, null, null, null, subscribed),
                duplicateSubscription);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids("activeMembership=true"), found -> !found.isEmpty());
        ok(http().post("/api/v1/members/" + chloe + "/merge", """
                {"duplicateId": "%s"}""".formatted(duplicate)).token(manager).send());
        assertThat(ids("activeMembership=true")).containsExactly(chloe);
    }

    @Test
    void sortsByCreationAndLastChangeWithKeysetPages() {
        assertThat(ids("sort=-name")).containsExactly(chloe, bruno, anne);
        assertThat(ids("sort=created")).containsExactly(anne, bruno, chloe);
        ok(http().patch("/api/v1/members/" + anne, "{\"language\": \"fr\"}").token(desk).send());
        assertThat(ids("sort=-lastChange")).containsExactly(anne, chloe, bruno);

        JsonNode first = list("sort=-created&limit=2");
        assertThat(first.get("items").findValuesAsString("memberCode")).hasSize(2);
        JsonNode second = list("sort=-created&limit=2&cursor=" + first.get("nextCursor").asString());
        List<String> paged = new ArrayList<>();
        Stream.of(first, second).forEach(page -> page.get("items").forEach(item -> paged.add(item.get("id")
                .asString())));
        assertThat(paged).containsExactly(chloe, bruno, anne);
        assertThat(second.get("nextCursor").isNull()).isTrue();

        Http.Response otherOrder = http().get("/api/v1/members?sort=name&cursor=" + first.get("nextCursor")
                .asString()).token(desk).send();
        assertProblem(otherOrder, 400, "validation-failed");
    }

    @Test
    void countsPerStatusForTheFilters() {
        ok(http().post("/api/v1/members/" + bruno + "/blacklist-periods", "{\"from\": \"" + TODAY + "\"}")
                .token(desk).send());

        JsonNode all = http().get("/api/v1/members/counts").token(desk).send().json();
        JsonNode yogis = http().get("/api/v1/members/counts?tag=" + yoga + "&status=anonymized").token(desk).send()
                .json();

        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("active").asLong()).isEqualTo(3);
        assertThat(all.get("blacklisted").asLong()).isEqualTo(1);
        assertThat(all.get("anonymized").asLong()).isZero();
        assertThat(yogis.get("total").asLong()).as("status aside").isEqualTo(2);
        assertThat(http().get("/api/v1/members/counts").token(staffOfSites(organization, "front-desk", annecy))
                .send().json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void badParametersAreRefusedClearly() {
        assertProblem(http().get("/api/v1/members?sort=age").token(desk).send(), 400, "validation-failed");
        assertProblem(http().get("/api/v1/members?tag=yoga").token(desk).send(), 400, "validation-failed");
        assertProblem(http().get("/api/v1/members?tagMatch=some").token(desk).send(), 400, "validation-failed");
        assertProblem(http().get("/api/v1/members?registeredFrom=yesterday").token(desk).send(), 400,
                "validation-failed");
        assertProblem(http().get("/api/v1/members/export?format=pdf").token(manager).send(), 400,
                "validation-failed");
        Http.Response zero = http().get("/api/v1/members?limit=0").token(desk).send();
        assertProblem(zero, 400, "validation-failed");
        assertThat(zero.json().get("errors").findValuesAsString("field")).containsExactly("limit");
    }

    @Test
    void aCoachSeesWhatACoachNeedsAndNoContactDetails() {
        ok(http().put("/api/v1/members/" + anne + "/emergency-contacts", """
                {"contacts": [{"name": "Paul Arnaud", "relationship": "brother", "phone": "06 11 22 33 44"}]}""")
                .token(desk).send());
        String coach = staff(organization, "coach");

        JsonNode seen = http().get("/api/v1/members/" + anne).token(coach).send().json();
        JsonNode listed = http().get("/api/v1/members?q=arnaud").token(coach).send().json().get("items").get(0);

        for (JsonNode member : List.of(seen, listed)) {
            assertThat(member.get("firstName").asString()).isEqualTo("Anne");
            assertThat(member.get("email").isNull()).isTrue();
            assertThat(member.get("phone").isNull()).isTrue();
            assertThat(member.get("consents")).isEmpty();
            assertThat(member.get("emergencyContacts").get(0).get("name").asString()).isEqualTo("Paul Arnaud");
        }
        assertThat(http().get("/api/v1/members/" + anne).token(desk).send().json().get("email").asString())
                .isEqualTo("anne@example.org");
    }

    @Test
    void theApiDescriptionListsTheFiltersAndNotTheCaller() {
        JsonNode parameters = http().get("/v3/api-docs").send().json().get("paths").get("/api/v1/members")
                .get("get").get("parameters");

        assertThat(parameters.findValuesAsString("name")).contains("q", "tag", "tagMatch", "preferenceId",
                "registeredFrom", "sort", "cursor").doesNotContain("caller", "filters");
    }

    @Test
    void exportsTheFilteredListAsCsv() {
        Http.Response csv = http().get("/api/v1/members/export?format=csv&tag=" + yoga).token(manager).send();

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.header("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("attachment"));
        List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(csv.body()).stream().toList();
        assertThat(rows.get(0).getField(0)).isEqualTo("member_code");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).getField(1)).isEqualTo("Anne");
        assertThat(rows.get(1).getField(3)).isEqualTo("anne@example.org");
        assertThat(rows.get(1).getField(10)).isEqualTo("Lyon");
        assertThat(rows.get(1).getField(13)).isEqualTo("Sport / Pilates, Sport / Yoga");
        assertThat(rows.get(2).getField(2)).isEqualTo("Bérard");

        assertThat(http().get("/api/v1/members/export").token(desk).send().status()).isEqualTo(403);
        Http.Response stranger = http().get("/api/v1/members/export").token(staff(UUID.randomUUID(), "manager"))
                .send();
        assertThat(CsvReader.builder().ofCsvRecord(stranger.body()).stream().count()).as("the header only")
                .isEqualTo(1);
    }

    @Test
    void exportsTheListAsXlsx() throws IOException {
        Http.Response xlsx = http().get("/api/v1/members/export?format=xlsx&sort=-name").token(manager).send();

        assertThat(xlsx.status()).as(xlsx.toString()).isEqualTo(200);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("member_code");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("Chloé");
            assertThat(rows.get(3).getCellText(1)).isEqualTo("Anne");
        }
    }

    private String member(UUID site, String firstName, String lastName, String extra) {
        Http.Response registered = register(organization, site, firstName, lastName, extra);
        ok(registered);
        return registered.json().get("id").asString();
    }

    private void tag(String member, String tag) {
        ok(http().put("/api/v1/members/" + member + "/tags/" + tag, "").token(desk).send());
    }

    private JsonNode list(String query) {
        Http.Response answer = http().get("/api/v1/members?" + query).token(desk).send();
        ok(answer);
        return answer.json();
    }

    private List<String> ids(String query) {
        List<String> ids = new ArrayList<>();
        list(query).get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static void ok(Http.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
    }
}
