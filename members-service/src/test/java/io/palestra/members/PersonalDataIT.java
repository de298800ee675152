package io.palestra.members;

import io.palestra.members.member.MemberMessages.MemberRegistered;
import io.palestra.platform.personal.SubjectKeys;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal data is sealed in the event store with the member's own key, and unreadable once the key is gone. */
class PersonalDataIT extends MembersIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    SubjectKeys keys;

    @Test
    void theEventStoreHoldsNoPlainPersonalData() {
        UUID member = registerHelene();

        String stored = new String(jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = ?")
                .param(member.toString()).query(byte[].class).single(), StandardCharsets.UTF_8);

        assertThat(stored).contains("000001").doesNotContain("Hélène", "Lefèvre", "helene@example.org",
                "+33612345678", "1991-04-17");
        assertThat(read(member).lastName()).isEqualTo("Lefèvre");
    }

    @Test
    void destroyingTheMembersKeyLeavesOnlyTheBusinessFactsReadable() {
        UUID member = registerHelene();

        keys.destroy(member);

        MemberRegistered afterErasure = read(member);
        assertThat(afterErasure.firstName()).isNull();
        assertThat(afterErasure.lastName()).isNull();
        assertThat(afterErasure.email()).isNull();
        assertThat(afterErasure.phone()).isNull();
        assertThat(afterErasure.birthDate()).isNull();
        assertThat(afterErasure.memberCode()).isEqualTo("000001");
        assertThat(afterErasure.registeredAt()).isNotNull();
    }

    private UUID registerHelene() {
        JsonNode chain = createOrganization("Sealed Club " + UUID.randomUUID(), "Main");
        return UUID.fromString(register(id(chain), siteId(chain, 0), "Hélène", "Lefèvre",
                "\"email\": \"helene@example.org\", \"phone\": \"+33612345678\", \"birthDate\": \"1991-04-17\"")
                .json().get("id").asString());
    }

    private MemberRegistered read(UUID member) {
        return (MemberRegistered) eventStore.readEvents(member.toString()).next().getPayload();
    }
}
