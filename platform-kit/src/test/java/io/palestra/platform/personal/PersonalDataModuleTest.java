package io.palestra.platform.personal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.SecretKey;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataModuleTest {

    private final InMemoryKeys keys = new InMemoryKeys();
    private final JsonMapper json = JsonMapper.builder().addModule(new PersonalDataModule(keys)).build();
    private final UUID member = UUID.randomUUID();

    @Test
    void sealsPersonalFieldsAndKeepsTheOthersReadable() {
        String written = json.writeValueAsString(new Registered(member, "000042", "Hélène", LocalDate.of(1991, 4, 17),
                List.of(new Address("1 rue X", "Lyon"))));

        assertThat(written).contains("000042").doesNotContain("Hélène", "1991", "rue X", "Lyon");
        assertThat(written).contains("\"$subject\":\"" + member + "\"").contains("\"$sealed\"");
    }

    @Test
    void readsBackWhatItSealed() {
        Registered original = new Registered(member, "000042", "Hélène", LocalDate.of(1991, 4, 17),
                List.of(new Address("1 rue X", "Lyon")));

        assertThat(json.readValue(json.writeValueAsString(original), Registered.class)).isEqualTo(original);
    }

    @Test
    void readsNullOnceTheSubjectsKeyIsDestroyed() {
        String written = json.writeValueAsString(new Registered(member, "000042", "Hélène", LocalDate.of(1991, 4, 17),
                List.of()));
        keys.destroy(member);

        assertThat(json.readValue(written, Registered.class))
                .isEqualTo(new Registered(member, "000042", null, null, null));
    }

    @Test
    void readsAFieldStoredBeforeItWasMarkedPersonal() {
        String legacy = """
                {"memberId":"%s","code":"000042","firstName":"Hélène","birthDate":"1991-04-17","addresses":[]}"""
                .formatted(member);

        assertThat(json.readValue(legacy, Registered.class).firstName()).isEqualTo("Hélène");
    }

    @Test
    void aNullFieldStaysNullWithoutAKey() {
        json.writeValueAsString(new Registered(member, "000042", null, null, null));

        assertThat(keys.keys).isEmpty();
    }

    @Test
    void eachSubjectHasItsOwnKey() {
        UUID other = UUID.randomUUID();
        json.writeValueAsString(new Registered(member, "1", "A", null, null));
        json.writeValueAsString(new Registered(other, "2", "B", null, null));

        assertThat(keys.keys).containsOnlyKeys(member, other);
        assertThat(keys.keys.get(member)).isNotEqualTo(keys.keys.get(other));
    }

    @Test
    void refusesPersonalDataWithoutASubject() {
        assertThatThrownBy(() -> json.writeValueAsString(new Anonymous("secret")))
                .hasMessageContaining("@DataSubject");
    }

    record Registered(@DataSubject UUID memberId, String code, @PersonalData String firstName,
                      @PersonalData LocalDate birthDate, @PersonalData List<Address> addresses) {
    }

    record Address(String line1, String city) {
    }

    record Anonymous(@PersonalData String secret) {
    }

    static final class InMemoryKeys implements SubjectKeys {

        final Map<UUID, SecretKey> keys = new HashMap<>();

        @Override
        public SecretKey keyOf(UUID subject) {
            return keys.computeIfAbsent(subject, id -> PersonalDataCipher.newKey());
        }

        @Override
        public Optional<SecretKey> existingKeyOf(UUID subject) {
            return Optional.ofNullable(keys.get(subject));
        }

        @Override
        public void destroy(UUID subject) {
            keys.remove(subject);
        }
    }
}
