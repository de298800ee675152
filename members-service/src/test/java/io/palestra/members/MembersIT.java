package io.palestra.members;

import io.palestra.test.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MembersIT extends MembersIntegrationTest {

    private UUID organization;
    private UUID lyon;
    private UUID paris;

    @BeforeEach
    void chain() {
        JsonNode created = createOrganization("Urban Move " + UUID.randomUUID(), "Lyon", "Paris");
        organization = id(created);
        lyon = siteId(created, 0);
        paris = siteId(created, 1);
    }

    @Test
    void theFrontDeskRegistersAMemberAndReadsItBackAtOnce() {
        Http.Response created = register(organization, lyon, "Hélène", "Lefèvre", """
                "email": "Helene.Lefevre@Example.org", "phone": "06 12 34 56 78", "birthDate": "1991-04-17",
                "gender": "female", "country": "FR\"""");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode member = created.json();
        assertThat(member.get("memberCode").asString()).isEqualTo("000001");
        assertThat(member.get("email").asString()).isEqualTo("Helene.Lefevre@example.org");
        assertThat(member.get("phone").asString()).isEqualTo("+33612345678");
        assertThat(member.get("age").asInt()).isGreaterThanOrEqualTo(35);
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(created.header("Location")).contains("/api/v1/members/" + member.get("id").asString());

        Http.Response read = http().get("/api/v1/members/" + member.get("id").asString())
                .token(staff(organization, "coach")).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("lastName").asString()).isEqualTo("Lefèvre");
        assertThat(read.json().get("siteId").asString()).isEqualTo(lyon.toString());
        assertThat(read.json().get("memberCode").asString()).isEqualTo("000001");
        assertThat(read.json().get("registeredAt")).isEqualTo(member.get("registeredAt"));
        assertThat(read.json().get("updatedAt")).isEqualTo(member.get("updatedAt"));
    }

    @Test
    void findsMembersWhateverTheAccentsTheCaseOrThePhoneFormat() {
        register(organization, lyon, "Hélène", "Lefèvre", "\"phone\": \"+33 6 12 34 56 78\"");
        register(organization, paris, "Helen", "Smith", "\"email\": \"helen.smith@example.org\"");
        register(organization, paris, "Marc", "Dupont", "");

        assertThat(names("q=HELEN")).containsExactly("Lefèvre", "Smith");
        assertThat(names("q=h%C3%A9l%C3%A8ne")).containsExactly("Lefèvre");
        assertThat(names("q=lefevre%20hel")).containsExactly("Lefèvre");
        assertThat(names("q=0612345678")).containsExactly("Lefèvre");
        assertThat(names("q=helen.smith%40exa")).containsExactly("Smith");
        assertThat(names("q=000003")).containsExactly("Dupont");
        assertThat(names("q=nobody")).isEmpty();
        assertThat(names("siteId=" + paris)).containsExactly("Dupont", "Smith");
    }

    @Test
    void pagesThroughTheListWithACursor() {
        for (String name : List.of("Berthier", "Albert", "Dumas", "Carrel", "Esnault")) {
            register(organization, lyon, "Jo", name, "");
        }
        JsonNode first = list("limit=2", staff(organization, "manager"));
        JsonNode second = list("limit=2&cursor=" + first.get("nextCursor").asString(), staff(organization, "manager"));
        JsonNode last = list("limit=2&cursor=" + second.get("nextCursor").asString(), staff(organization, "manager"));

        assertThat(first.get("items").findValuesAsString("lastName")).containsExactly("Albert", "Berthier");
        assertThat(second.get("items").findValuesAsString("lastName")).containsExactly("Carrel", "Dumas");
        assertThat(last.get("items").findValuesAsString("lastName")).containsExactly("Esnault");
        assertThat(last.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aCallerRestrictedToASiteSeesOnlyThatSitesMembers() {
        String inParis = register(organization, paris, "Paula", "Paris", "").json().get("id").asString();
        String inLyon = register(organization, lyon, "Louis", "Lyon", "").json().get("id").asString();
        String lyonDesk = staffOfSites(organization, "front-desk", lyon);

        assertThat(list("", lyonDesk).get("items").findValuesAsString("id")).containsExactly(inLyon);
        assertThat(list("siteId=" + paris, lyonDesk).get("items")).isEmpty();
        assertThat(http().get("/api/v1/members/" + inParis).token(lyonDesk).send().status()).isEqualTo(404);
        Http.Response refused = http().post("/api/v1/members",
                "{\"siteId\": \"" + paris + "\", \"firstName\": \"A\", \"lastName\": \"B\"}").token(lyonDesk).send();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("unknown-site");
    }

    @Test
    void anotherOrganisationNeitherReadsNorListsTheMember() {
        String member = register(organization, lyon, "Secret", "Member", "").json().get("id").asString();
        String stranger = staff(UUID.randomUUID(), "owner");

        Http.Response read = http().get("/api/v1/members/" + member).token(stranger).send();
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("code").asString()).isEqualTo("member-not-found");
        assertThat(list("q=secret", stranger).get("items")).isEmpty();
    }

    @Test
    void anAnalystMayNotReadPersonalData() {
        assertThat(http().get("/api/v1/members").token(staff(organization, "analyst")).send().status())
                .isEqualTo(403);
    }

    @Test
    void refusesBadInputFieldByFieldAndStoresNothing() {
        Http.Response refused = register(organization, lyon, "", "Nobody",
                "\"email\": \"not-an-email\", \"birthDate\": \"2999-01-01\"");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("firstName", "birthDate");

        Http.Response badContact = register(organization, lyon, "Ok", "Name",
                "\"email\": \"not-an-email\", \"phone\": \"12\"");
        assertThat(badContact.status()).isEqualTo(400);
        assertThat(badContact.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "phone");

        Http.Response badGender = register(organization, lyon, "Ok", "Name", "\"gender\": \"robot\"");
        assertThat(badGender.status()).isEqualTo(400);
        assertThat(badGender.json().get("errors").get(0).get("field").asString()).isEqualTo("gender");

        assertThat(register(organization, UUID.randomUUID(), "Ok", "Name", "").status()).isEqualTo(422);
        assertThat(list("", staff(organization, "manager")).get("items")).isEmpty();
    }

    @Test
    void concurrentRegistrationsGetDistinctConsecutiveCodes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Http.Response>> registrations = IntStream.range(0, 16)
                    .<Callable<Http.Response>>mapToObj(i -> () -> register(organization, lyon, "Same", "Time " + i, ""))
                    .toList();
            List<String> codes = new ArrayList<>();
            for (Future<Http.Response> answer : pool.invokeAll(registrations)) {
                assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(201);
                codes.add(answer.get().json().get("memberCode").asString());
            }
            assertThat(codes).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 16).mapToObj(i -> String.format("%06d", i)).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> names(String query) {
        return list(query, staff(organization, "front-desk")).get("items").findValuesAsString("lastName");
    }

    private JsonNode list(String query, String token) {
        Http.Response answer = http().get("/api/v1/members?" + query).token(token).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }
}
