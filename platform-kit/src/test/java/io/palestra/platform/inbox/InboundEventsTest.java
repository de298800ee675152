package io.palestra.platform.inbox;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.palestra.events.members.SiteRenamed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundEventsTest {

    private final UUID organization = UUID.randomUUID();
    private final UUID site = UUID.randomUUID();

    @Test
    void readsTheAttributesAndThePublishedRecord() {
        InboundEvent event = InboundEvents.read(record("palestra.members.SiteRenamed.v1", """
                {"organizationId": "%s", "siteId": "%s", "name": "Lyon Centre"}""".formatted(organization, site)));

        assertThat(event.id()).isEqualTo("event-1");
        assertThat(event.organizationId()).isEqualTo(organization);
        assertThat(event.sequence()).isEqualTo(3L);
        assertThat(event.correlationId()).isEqualTo("request-9");
        assertThat(event.isTombstone()).isFalse();
        assertThat(event.event()).contains(new SiteRenamed(organization, site, "Lyon Centre"));
    }

    @Test
    void aTypeThisBuildDoesNotKnowIsSkipped() {
        assertThat(InboundEvents.read(record("palestra.members.SomethingNew.v1", "{}")).event()).isEmpty();
    }

    @Test
    void aRecordWithoutValueIsATombstone() {
        InboundEvent event = InboundEvents.read(record("palestra.members.MemberProfileErased.v1", null));

        assertThat(event.isTombstone()).isTrue();
        assertThat(event.event()).isEqualTo(Optional.empty());
        assertThat(event.subject()).isEqualTo("subject-1");
    }

    @Test
    void refusesARecordWithoutCloudEventsHeaders() {
        ConsumerRecord<String, byte[]> plain = new ConsumerRecord<>("t", 0, 0, "k", "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> InboundEvents.read(plain)).isInstanceOf(InboundEvents.NotACloudEvent.class);
    }

    private ConsumerRecord<String, byte[]> record(String type, String json) {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId("event-1").withType(type)
                .withSource(URI.create("/palestra/members")).withSubject("subject-1").withTime(OffsetDateTime.now())
                .withExtension("organizationid", organization.toString()).withExtension("sequence", "3")
                .withExtension("correlationid", "request-9");
        if (json != null) {
            builder.withDataContentType("application/json").withData(json.getBytes(StandardCharsets.UTF_8));
        }
        RecordHeaders headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer().serialize("palestra.members.events", headers, builder.build());
        return new ConsumerRecord<>("palestra.members.events", 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1,
                "subject-1", value, headers, Optional.empty());
    }
}
