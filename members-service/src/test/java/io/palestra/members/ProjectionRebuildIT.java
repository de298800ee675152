package io.palestra.members;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
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
    void theMemberDirectoryRebuildsIdenticallyFromTheEventStore() {
        JsonNode chain = createOrganization("Rebuilt Club", "Main");
        organization = id(chain);
        for (int i = 0; i < 5; i++) {
            register(organization, siteId(chain, 0), "Member", "Number " + i, "\"phone\": \"+3361234567" + i + "\"");
        }
        List<Map<String, Object>> before = rows();
        assertThat(before).hasSize(5);

        StreamingEventProcessor directory = processing
                .eventProcessor("member-directory", StreamingEventProcessor.class).orElseThrow();
        directory.shutDown();
        directory.resetTokens();
        assertThat(jdbc.sql("SELECT count(*) FROM member_view").query(Long.class).single()).isZero();
        directory.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rows()).isEqualTo(before));
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM member_view WHERE organization_id = ? ORDER BY member_id")
                .param(organization).query().listOfRows();
    }
}
