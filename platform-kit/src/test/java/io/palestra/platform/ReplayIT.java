package io.palestra.platform;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A projection reset for a replay rebuilds itself from the event store (its replay token must read back). */
class ReplayIT extends KitIntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aResetProjectionReplaysTheEventStore() {
        openClub("Replayed club");
        List<Map<String, Object>> before = rows();

        StreamingEventProcessor directory = processing
                .eventProcessor("club-directory", StreamingEventProcessor.class).orElseThrow();
        directory.shutDown();
        directory.resetTokens();
        jdbc.sql("TRUNCATE club_view").update();
        directory.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rows()).isEqualTo(before));
        await().atMost(Duration.ofSeconds(30)).until(() -> !directory.isReplaying());
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM club_view ORDER BY club_id").query().listOfRows();
    }
}
