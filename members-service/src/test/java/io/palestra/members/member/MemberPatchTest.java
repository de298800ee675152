package io.palestra.members.member;

import io.palestra.members.member.RecordMessages.UpdateMember;
import io.palestra.platform.errors.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MemberPatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final UUID MEMBER = UUID.randomUUID();

    @Test
    void anAbsentFieldIsNoChangeANullOneClearsIt() {
        UpdateMember update = read("{\"lastName\": \"Lefebvre\", \"phone\": null}");

        assertThat(update.lastName()).isEqualTo(Change.to("Lefebvre"));
        assertThat(update.phone()).isEqualTo(Change.to(null));
        assertThat(update.firstName()).isNull();
        assertThat(update.email()).isNull();
    }

    @Test
    void putsContactsInTheirCanonicalFormReadingPhonesInTheMembersCountry() {
        UpdateMember update = read("{\"email\": \" H@Example.ORG \", \"phone\": \"06 12 34 56 78\"}");

        assertThat(update.email()).isEqualTo(Change.to("H@example.org"));
        assertThat(update.phone()).isEqualTo(Change.to("+33612345678"));
    }

    @Test
    void aNewCountryIsWhereTheNewPhoneIsRead() {
        UpdateMember update = read("{\"country\": \"BE\", \"phone\": \"0470 12 34 56\"}");

        assertThat(update.phone()).isEqualTo(Change.to("+32470123456"));
    }

    @Test
    void readsDatesGendersAndLanguages() {
        UpdateMember update = read("{\"birthDate\": \"1991-04-17\", \"gender\": \"female\", \"language\": \"fr-ca\"}");

        assertThat(update.birthDate()).isEqualTo(Change.to(LocalDate.of(1991, 4, 17)));
        assertThat(update.gender()).isEqualTo(Change.to(Gender.FEMALE));
        assertThat(update.language()).isEqualTo(Change.to("fr-CA"));
    }

    @Test
    void listsEveryWrongField() {
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class, () -> read("""
                {"firstName": null, "lastName": "", "birthDate": "2030-01-01", "gender": "robot", "country": "France",
                 "email": "nope", "phone": "12", "nickname": "Lele"}"""));

        assertThat(invalid.fields()).extracting(InvalidInputException.InvalidField::field).containsExactlyInAnyOrder(
                "firstName", "lastName", "birthDate", "gender", "country", "email", "phone", "nickname");
    }

    @Test
    void refusesWhatIsNotAnObject() {
        catchThrowableOfType(InvalidInputException.class, () -> read("[1, 2]"));
    }

    private static UpdateMember read(String patch) {
        return MemberPatch.read(JSON.readTree(patch), MEMBER, "FR", null, CLOCK);
    }
}
