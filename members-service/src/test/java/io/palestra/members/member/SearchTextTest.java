package io.palestra.members.member;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void foldsAccentsAndCase() {
        assertThat(SearchText.fold("Hélène LEFÈVRE-Ñúñez")).isEqualTo("helene lefevre-nunez");
    }

    @Test
    void findsAMemberByEveryPartOfItsNamesItsEmailPhoneAndCode() {
        String words = SearchText.of("Jean-Hélène", "Lefèvre Dupont", "JH@Example.org", "+33612345678", "000042");

        assertThat(words).startsWith(" ")
                .contains(" lefevre-dupont", " lefevre", " dupont", " jean-helene", " jean", " helene")
                .contains(" jh@example.org", " 33612345678", " 612345678", " 000042");
    }

    @Test
    void aTypedPhoneAlsoMatchesWithoutItsNationalZero() {
        assertThat(SearchText.terms("06 12")).containsExactly(List.of("06", "6"), List.of("12"));
        assertThat(SearchText.terms("0612345678")).containsExactly(List.of("0612345678", "612345678"));
        assertThat(SearchText.terms("+33 6")).containsExactly(List.of("33"), List.of("6"));
        assertThat(SearchText.terms("000042")).containsExactly(List.of("000042"));
    }

    @Test
    void searchTermsAreFoldedAndDistinct() {
        assertThat(SearchText.terms("  HÉLÈNE  helene Lef ")).containsExactly(List.of("helene"), List.of("lef"));
    }

    @Test
    void sortsByLastThenFirstName() {
        assertThat(SearchText.sortKey("Émile", "Zola")).isEqualTo("zola emile");
    }
}
