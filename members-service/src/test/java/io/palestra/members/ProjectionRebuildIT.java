package io.palestra.members;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Read models are disposable: replaying the event store rebuilds them row for row. */
class ProjectionRebuildIT extends MembersIntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    private UUID organization;

    @Test
    void theMemberDirectoryRebuildsIdenticallyFromTheEventStoreMergesIncluded() {
        JsonNode chain = createOrganization("Rebuilt Club", "Main");
        organization = id(chain);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(register(organization, siteId(chain, 0), "Member", "Number " + i,
                    "\"phone\": \"+3361234567" + i + "\"").json().get("id").asString());
        }
        String manager = staff(organization, "manager");
        assertThat(http().post("/api/v1/members/" + ids.get(1) + "/notes", "{\"text\": \"Kept after the merge\"}")
                .token(manager).send().status()).isEqualTo(201);
        assertThat(http().post("/api/v1/members/" + ids.get(0) + "/merge", "{\"duplicateId\": \"" + ids.get(1)
                + "\"}").token(manager).send().status()).isEqualTo(200);
        List<Map<String, Object>> before = rows();
        List<Map<String, Object>> notesBefore = notes();
        assertThat(before).hasSize(5);
        assertThat(notesBefore).hasSize(1);

        StreamingEventProcessor directory = processing
                .eventProcessor("member-directory", StreamingEventProcessor.class).orElseThrow();
        directory.shutDown();
        directory.resetTokens();
        assertThat(jdbc.sql("SELECT count(*) FROM member_view").query(Long.class).single()).isZero();
        directory.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rows()).isEqualTo(before));
        assertThat(notes()).isEqualTo(notesBefore);
    }

    private List<Map<String, Object>> notes() {
        return jdbc.sql("SELECT * FROM member_note WHERE organization_id = ? ORDER BY note_id")
                .param(organization).query().listOfRows();
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM member_view WHERE organization_id = ? ORDER BY member_id")
                .param(organization).query().listOfRows();
    }
}
