package io.palestra.events;

import io.palestra.events.members.MemberProfile;
import io.palestra.events.members.MemberRegistered;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypesTest {

    private static final Pattern TYPE_ID = Pattern.compile("palestra\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[1-9][0-9]*");

    @Test
    void everyTypeIdNamesItsContextItsRecordAndAVersion() {
        assertThat(EventTypes.all()).isNotEmpty();
        EventTypes.all().forEach((typeId, type) -> {
            assertThat(typeId).matches(TYPE_ID);
            assertThat(typeId).contains("." + type.getSimpleName() + ".v");
            assertThat(type.isRecord()).as("%s is a record", type).isTrue();
        });
    }

    @Test
    void findsTheRecordOfATypeIdAndTheStreamOfARecord() {
        assertThat(EventTypes.classOf("palestra.members.MemberRegistered.v1")).contains(MemberRegistered.class);
        assertThat(EventTypes.streamOf(MemberRegistered.class)).isEqualTo(EventStream.MEMBERS);
        assertThat(EventTypes.streamOf(MemberProfile.class)).isEqualTo(EventStream.MEMBER_PROFILES);
    }

    @Test
    void unknownTypesAreEmptySoConsumersCanSkipThem() {
        assertThat(EventTypes.classOf("palestra.members.SomethingNew.v1")).isEmpty();
    }

    @Test
    void refusesAClassThatIsNotPublished() {
        assertThatThrownBy(() -> EventTypes.typeOf(Unpublished.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topicsFollowTheNamingRule() {
        for (EventStream stream : EventStream.values()) {
            assertThat(stream.topic()).matches("palestra\\.[a-z]+\\.[a-z]+");
            assertThat(stream.deadLetterTopic()).isEqualTo(stream.topic() + ".DLT");
        }
    }

    private record Unpublished(java.util.UUID organizationId) implements PublishedEvent {
    }
}
