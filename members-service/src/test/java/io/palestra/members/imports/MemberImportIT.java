package io.palestra.members.imports;

import io.palestra.members.MembersIntegrationTest;
import io.palestra.test.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Importing members from CSV through the API: dry run, real run, a second run, undo, resume. */
class MemberImportIT extends MembersIntegrationTest {

    private static final String FILE = """
            first_name,last_name,email,phone,birth_date,gender,site
            Alice,Martin,alice@example.org,06 12 34 56 78,1990-05-17,female,
            Bob,Existing,BOB@example.org,,,,
            ,NoFirstName,,,,,
            Carla,Bad,not-an-email,,31/02/1990,robot,Nowhere
            Alicia,Martin,,+33612345678,,,Annecy
            Dan,Durand,,,17/03/1985,H,annecy
            """;

    @Autowired
    MemberImports imports;

    @Autowired
    JdbcClient jdbc;

    private UUID organization;
    private UUID lyon;
    private UUID annecy;
    private String manager;
    private String bob;

    @BeforeEach
    void aChainWithOneMember() {
        JsonNode chain = createOrganization("Import Club " + UUID.randomUUID(), "Lyon", "Annecy");
        organization = id(chain);
        lyon = siteId(chain, 0);
        annecy = siteId(chain, 1);
        manager = staff(organization, "manager");
        bob = register(organization, lyon, "Bob", "Existing", "\"email\": \"bob@example.org\"").json().get("id")
                .asString();
    }

    @Test
    void aDryRunSaysWhatWouldHappenToEachLineAndChangesNothing() {
        long before = members();

        Http.Response dryRun = upload(FILE, "?dryRun=true&siteId=" + lyon, manager);

        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        JsonNode report = dryRun.json();
        assertThat(report.get("total").asInt()).isEqualTo(6);
        assertThat(report.get("create").asInt()).isEqualTo(2);
        assertThat(report.get("match").asInt()).isEqualTo(2);
        assertThat(report.get("invalid").asInt()).isEqualTo(2);
        JsonNode rows = report.get("rows");
        assertThat(rows.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(rows.get(0).get("outcome").asString()).isEqualTo("create");
        assertThat(rows.get(1).get("outcome").asString()).isEqualTo("match");
        assertThat(rows.get(1).get("matchedBy").asString()).isEqualTo("email");
        assertThat(rows.get(1).get("memberId").asString()).isEqualTo(bob);
        assertThat(rows.get(2).get("problems").findValuesAsString("field")).containsExactly("first_name");
        assertThat(rows.get(3).get("problems").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "birth_date", "gender", "site");
        assertThat(rows.get(4).get("outcome").asString()).isEqualTo("match");
        assertThat(rows.get(4).get("matchedBy").asString()).as("same phone as line 2").isEqualTo("same-file");
        assertThat(rows.get(5).get("outcome").asString()).isEqualTo("create");
        assertThat(members()).isEqualTo(before);
    }

    @Test
    void aRealRunRegistersTheNewMembersAndASecondRunCreatesNothing() {
        JsonNode first = runToTheEnd(FILE, "?siteId=" + lyon);

        assertThat(first.get("status").asString()).isEqualTo("completed");
        assertThat(first.get("created").asInt()).isEqualTo(2);
        assertThat(first.get("matched").asInt()).isEqualTo(2);
        assertThat(first.get("invalid").asInt()).isEqualTo(2);
        assertThat(first.get("processed").asInt()).isEqualTo(6);
        List<String> created = rowMembers(first.get("id").asString(), "created");
        assertThat(created).hasSize(2);
        JsonNode alice = http().get("/api/v1/members/" + created.get(0)).token(manager).send().json();
        assertThat(alice.get("phone").asString()).isEqualTo("+33612345678");
        assertThat(alice.get("siteId").asString()).isEqualTo(lyon.toString());
        JsonNode dan = http().get("/api/v1/members/" + created.get(1)).token(manager).send().json();
        assertThat(dan.get("birthDate").asString()).isEqualTo("1985-03-17");
        assertThat(dan.get("gender").asString()).isEqualTo("male");
        assertThat(dan.get("siteId").asString()).isEqualTo(annecy.toString());
        JsonNode invalid = http().get("/api/v1/members/imports/" + first.get("id").asString()
                + "/rows?outcome=invalid").token(manager).send().json().get("items");
        assertThat(invalid.findValuesAsString("line")).containsExactly("4", "5");

        JsonNode second = runToTheEnd(FILE, "?siteId=" + lyon);

        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("matched").asInt()).isEqualTo(4);
        assertThat(rowMembers(second.get("id").asString(), "matched")).containsAll(created);
    }

    @Test
    void undoingAnImportErasesTheMembersItCreatedAndOnlyThem() {
        JsonNode done = runToTheEnd(FILE, "?siteId=" + lyon);
        String importId = done.get("id").asString();
        List<String> created = rowMembers(importId, "created");

        Http.Response undo = http().post("/api/v1/members/imports/" + importId + "/undo", "").token(manager).send();

        assertThat(undo.status()).as(undo.toString()).isEqualTo(202);
        JsonNode undone = await().atMost(Duration.ofSeconds(30)).until(() -> progress(importId),
                view -> "undone".equals(view.get("status").asString()));
        assertThat(undone.get("undone").asInt()).isEqualTo(2);
        for (String member : created) {
            assertThat(http().get("/api/v1/members/" + member).token(manager).send().json().get("status").asString())
                    .isEqualTo("anonymized");
        }
        assertThat(http().get("/api/v1/members/" + bob).token(manager).send().json().get("status").asString())
                .isEqualTo("active");
        Http.Response again = http().post("/api/v1/members/imports/" + importId + "/undo", "").token(manager).send();
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("code").asString()).isEqualTo("import-not-completed");
    }

    @Test
    void anImportAbandonedByACrashIsResumedWhereItStopped() {
        UUID importId = UUID.randomUUID();
        // As if the service died after committing the first chunk of one line: line 2 is done, the rest is not.
        jdbc.sql("""
                        INSERT INTO member_import (import_id, organization_id, site_id, file_name, content, status, total,
                                                   next_line, invalid, started_by, started_at, lease_until)
                        VALUES (?, ?, ?, 'crashed.csv', ?, 'running', 3, 1, 1, 'alice', now(), ?)""")
                .params(importId, organization, lyon, """
                        prenom;nom;courriel
                        ;Skipped;
                        Eve;Nouvelle;eve@example.org
                        Fabien;Nouveau;
                        """.getBytes(StandardCharsets.UTF_8), OffsetDateTime.now().minusMinutes(5))
                .update();
        jdbc.sql("INSERT INTO member_import_row (import_id, line, outcome) VALUES (?, 2, 'invalid')")
                .param(importId).update();

        imports.resumeAbandoned();

        JsonNode resumed = await().atMost(Duration.ofSeconds(30)).until(() -> progress(importId.toString()),
                view -> "completed".equals(view.get("status").asString()));
        assertThat(resumed.get("created").asInt()).isEqualTo(2);
        assertThat(resumed.get("invalid").asInt()).isEqualTo(1);
        assertThat(http().get("/api/v1/members?q=nouve").token(manager).send().json().get("items")
                .findValuesAsString("lastName")).containsExactly("Nouveau", "Nouvelle");
        assertThat(jdbc.sql("SELECT content IS NULL FROM member_import WHERE import_id = ?").param(importId)
                .query(Boolean.class).single()).as("the file is not kept once imported").isTrue();
    }

    @Test
    void badFilesAndCallersAreRefused() {
        assertProblem(upload("just,some,columns\n1,2,3\n", "?siteId=" + lyon, manager), 400, "validation-failed");
        assertProblem(upload("", "?siteId=" + lyon, manager), 400, "validation-failed");
        assertProblem(upload(FILE, "?siteId=" + UUID.randomUUID(), manager), 422, "unknown-site");
        assertThat(upload(FILE, "?siteId=" + lyon, staff(organization, "front-desk")).status()).isEqualTo(403);
        String big = "first_name,last_name\n" + "Jean,Dupont\n".repeat(1_000_000);
        assertProblem(upload(big, "?siteId=" + lyon, manager), 413, "payload-too-large");

        String importId = runToTheEnd(FILE, "?siteId=" + lyon).get("id").asString();
        String stranger = staff(UUID.randomUUID(), "owner");
        assertThat(http().get("/api/v1/members/imports/" + importId).token(stranger).send().status()).isEqualTo(404);
        assertThat(http().get("/api/v1/members/imports/" + importId + "/rows").token(stranger).send().status())
                .isEqualTo(404);
        assertThat(http().post("/api/v1/members/imports/" + importId + "/undo", "").token(stranger).send().status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/members/imports").token(stranger).send().json()).isEmpty();
    }

    private JsonNode runToTheEnd(String file, String query) {
        Http.Response started = upload(file, query, manager);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String importId = started.json().get("id").asString();
        assertThat(started.header("Location")).contains("/api/v1/members/imports/" + importId);
        return await().atMost(Duration.ofSeconds(30)).until(() -> progress(importId),
                view -> "completed".equals(view.get("status").asString()));
    }

    private JsonNode progress(String importId) {
        return http().get("/api/v1/members/imports/" + importId).token(manager).send().json();
    }

    private List<String> rowMembers(String importId, String outcome) {
        List<String> ids = new ArrayList<>();
        http().get("/api/v1/members/imports/" + importId + "/rows?outcome=" + outcome).token(manager).send().json()
                .get("items").forEach(row -> ids.add(row.get("memberId").asString()));
        return ids;
    }

    private Http.Response upload(String csv, String query, String token) {
        return http().upload("POST", "/api/v1/members/imports" + query, "file", "members.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)).token(token).send();
    }

    private long members() {
        return jdbc.sql("SELECT count(*) FROM member_view WHERE organization_id = ?").param(organization)
                .query(Long.class).single();
    }
}
