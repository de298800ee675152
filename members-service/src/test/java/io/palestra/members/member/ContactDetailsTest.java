package io.palestra.members.member;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactDetailsTest {

    @Test
    void keepsTheLocalPartAndLowersTheDomainOfAnEmail() {
        assertThat(ContactDetails.email("  Helene.Lefevre@Example.ORG ").value()).contains("Helene.Lefevre@example.org");
    }

    @Test
    void refusesAnEmailWithoutDomain() {
        assertThat(ContactDetails.email("helene@").problem()).hasValueSatisfying(
                field -> assertThat(field.field()).isEqualTo("email"));
        assertThat(ContactDetails.email("helene@example").problem()).isPresent();
    }

    @Test
    void anAbsentEmailIsNeitherValueNorProblem() {
        assertThat(ContactDetails.email(" ").value()).isEmpty();
        assertThat(ContactDetails.email(null).problem()).isEmpty();
    }

    @Test
    void readsANationalNumberInTheGivenCountry() {
        assertThat(ContactDetails.phone("06 12 34 56 78", "FR").value()).contains("+33612345678");
    }

    @Test
    void readsAnInternationalNumberWhateverTheCountry() {
        assertThat(ContactDetails.phone("+44 20 7946 0958", "FR").value()).contains("+442079460958");
    }

    @Test
    void refusesWhatIsNoPhoneNumber() {
        assertThat(ContactDetails.phone("12", "FR").problem()).isPresent();
        assertThat(ContactDetails.phone("call me", "FR").problem()).isPresent();
        assertThat(ContactDetails.phone("06 12 34 56 78", null).problem()).isPresent();
    }
}
