package io.palestra.members.imports;

import io.palestra.members.imports.ImportFile.Column;
import io.palestra.members.imports.ImportFile.Line;
import io.palestra.members.imports.RowCheck.Checked;
import io.palestra.members.member.Gender;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How an import file is read and each of its lines checked. */
class ImportRulesTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID LYON = UUID.randomUUID();
    private static final UUID ANNECY = UUID.randomUUID();
    private final RowCheck check = new RowCheck(Map.of("lyon", LYON, "annecy", ANNECY), LYON, "FR");

    @Test
    void readsFrenchHeadersSemicolonsAndABomAndIgnoresUnknownColumns() {
        List<Line> lines = ImportFile.read(bytes("\uFEFFPrénom;NOM;Téléphone;Date de naissance;Remarque\n"
                + "Hélène;Lefèvre;06 12 34 56 78;17/04/1991;VIP\n\n"
                + "Paul;Martin;;;\n"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).number()).isEqualTo(2);
        assertThat(lines.get(0).get(Column.FIRST_NAME)).isEqualTo("Hélène");
        assertThat(lines.get(0).get(Column.BIRTH_DATE)).isEqualTo("17/04/1991");
        assertThat(lines.get(1).number()).as("the blank line is skipped, not renumbered").isEqualTo(4);
        assertThat(lines.get(1).get(Column.PHONE)).isNull();
    }

    @Test
    void readsTheExportsOwnHeaderWithCommasAndQuotes() {
        List<Line> lines = ImportFile.read(bytes("member_code,first_name,last_name,email\n"
                + "000001,\"Anne, Marie\",Arnaud,anne@example.org\n"));

        assertThat(lines.get(0).get(Column.FIRST_NAME)).isEqualTo("Anne, Marie");
        assertThat(lines.get(0).get(Column.EMAIL)).isEqualTo("anne@example.org");
    }

    @Test
    void refusesAFileWithoutNamesABinaryOrAnEmptyOne() {
        assertThatThrownBy(() -> ImportFile.read(bytes("email,phone\na@b.org,\n")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("first_name");
        assertThatThrownBy(() -> ImportFile.read(new byte[] {'P', 'K', 3, 4, 0, 0}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("CSV");
        assertThatThrownBy(() -> ImportFile.read(bytes("")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aValidLineBecomesACanonicalCandidate() {
        Checked checked = check.check(line(Map.of(Column.FIRST_NAME, " Hélène ", Column.LAST_NAME, "Lefèvre",
                Column.EMAIL, "Helene@EXAMPLE.org", Column.PHONE, "06 12 34 56 78", Column.BIRTH_DATE, "17/04/1991",
                Column.GENDER, "Femme", Column.SITE, "Annecy")));

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.candidate().firstName()).isEqualTo("Hélène");
        assertThat(checked.candidate().email()).isEqualTo("Helene@example.org");
        assertThat(checked.candidate().phone()).isEqualTo("+33612345678");
        assertThat(checked.candidate().birthDate()).isEqualTo(LocalDate.of(1991, 4, 17));
        assertThat(checked.candidate().gender()).isEqualTo(Gender.FEMALE);
        assertThat(checked.candidate().siteId()).isEqualTo(ANNECY);
    }

    @Test
    void aLineWithoutASiteGoesToTheFilesSite() {
        Checked checked = check.check(line(Map.of(Column.FIRST_NAME, "Paul", Column.LAST_NAME, "Martin")));

        assertThat(checked.candidate().siteId()).isEqualTo(LYON);
        assertThat(checked.candidate().gender()).isEqualTo(Gender.UNDISCLOSED);
        RowCheck noDefault = new RowCheck(Map.of("lyon", LYON), null, "FR");
        assertThat(fields(noDefault.check(line(Map.of(Column.FIRST_NAME, "Paul", Column.LAST_NAME, "Martin")))))
                .containsExactly("site");
    }

    @Test
    void saysEverythingWrongWithALine() {
        Checked checked = check.check(line(Map.of(Column.LAST_NAME, "x".repeat(101), Column.EMAIL, "nope",
                Column.PHONE, "12", Column.BIRTH_DATE, "31/02/1990", Column.GENDER, "robot", Column.COUNTRY, "France",
                Column.SITE, "Nowhere")));

        assertThat(checked.valid()).isFalse();
        assertThat(fields(checked)).containsExactlyInAnyOrder("first_name", "last_name", "country", "email", "phone",
                "birth_date", "gender", "site");
    }

    @Test
    void refusesBirthDatesInTheFutureOrBefore1900() {
        assertThat(fields(check.check(line(Map.of(Column.FIRST_NAME, "A", Column.LAST_NAME, "B",
                Column.BIRTH_DATE, LocalDate.now().plusDays(1).toString()))))).containsExactly("birth_date");
        assertThat(fields(check.check(line(Map.of(Column.FIRST_NAME, "A", Column.LAST_NAME, "B",
                Column.BIRTH_DATE, "1899-12-31"))))).containsExactly("birth_date");
    }

    @Test
    void theSamePersonGetsTheSameIdInTheSameOrganisationOnly() {
        Checked once = check.check(line(Map.of(Column.FIRST_NAME, "Hélène", Column.LAST_NAME, "Lefèvre",
                Column.EMAIL, "h@example.org")));
        Checked again = check.check(line(Map.of(Column.FIRST_NAME, "HELENE", Column.LAST_NAME, "lefevre",
                Column.EMAIL, "h@example.org")));
        Checked someoneElse = check.check(line(Map.of(Column.FIRST_NAME, "Hélène", Column.LAST_NAME, "Lefèvre",
                Column.EMAIL, "other@example.org")));

        assertThat(again.candidate().memberId(ORGANIZATION)).isEqualTo(once.candidate().memberId(ORGANIZATION));
        assertThat(someoneElse.candidate().memberId(ORGANIZATION)).isNotEqualTo(once.candidate()
                .memberId(ORGANIZATION));
        assertThat(once.candidate().memberId(UUID.randomUUID())).isNotEqualTo(once.candidate()
                .memberId(ORGANIZATION));
    }

    private static Line line(Map<Column, String> values) {
        return new Line(2, values);
    }

    private static List<String> fields(Checked checked) {
        return checked.problems().stream().map(InvalidField::field).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
