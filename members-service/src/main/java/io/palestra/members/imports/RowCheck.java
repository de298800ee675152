package io.palestra.members.imports;

import io.palestra.members.imports.ImportFile.Column;
import io.palestra.members.imports.ImportFile.Line;
import io.palestra.members.member.ContactDetails;
import io.palestra.members.member.Gender;
import io.palestra.platform.errors.InvalidInputException.InvalidField;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads one line of an import as a member to register, or says why it cannot: the same rules as registering at the
 * desk (names required, e-mail and phone checked and made canonical), plus what files bring (dates as 1985-01-31 or
 * 31/01/1985, genders in English or French, sites by name).
 */
final class RowCheck {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, Gender> GENDERS = Map.ofEntries(
            Map.entry("female", Gender.FEMALE), Map.entry("f", Gender.FEMALE), Map.entry("femme", Gender.FEMALE),
            Map.entry("mme", Gender.FEMALE), Map.entry("madame", Gender.FEMALE),
            Map.entry("male", Gender.MALE), Map.entry("m", Gender.MALE), Map.entry("h", Gender.MALE),
            Map.entry("homme", Gender.MALE), Map.entry("m.", Gender.MALE), Map.entry("monsieur", Gender.MALE),
            Map.entry("other", Gender.OTHER), Map.entry("autre", Gender.OTHER),
            Map.entry("undisclosed", Gender.UNDISCLOSED));
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** A member to register, in canonical form. */
    record Candidate(String firstName, String lastName, String email, String phone, LocalDate birthDate,
                     Gender gender, String country, UUID siteId) {

        /**
         * The id this person gets when imported into {@code organization}: the same line imported again names the
         * same member, so a second import of a file creates nothing.
         */
        UUID memberId(UUID organization) {
            String key = organization + "|" + ImportFile.fold(firstName) + "|" + ImportFile.fold(lastName) + "|"
                    + email + "|" + phone + "|" + birthDate;
            return UUID.nameUUIDFromBytes(("palestra-import|" + key).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Either a candidate or the problems of the line. */
    record Checked(Line line, Candidate candidate, List<InvalidField> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Map<String, UUID> sitesByName;
    private final UUID defaultSite;
    private final String organizationRegion;

    /**
     * @param sitesByName        the organisation's sites the caller may use, by {@link ImportFile#fold folded} name
     * @param defaultSite        where lines without a site go (null: the line must name one)
     * @param organizationRegion the organisation's country, for national phone numbers
     */
    RowCheck(Map<String, UUID> sitesByName, UUID defaultSite, String organizationRegion) {
        this.sitesByName = sitesByName;
        this.defaultSite = defaultSite;
        this.organizationRegion = organizationRegion;
    }

    Checked check(Line line) {
        List<InvalidField> problems = new ArrayList<>();
        String firstName = line.get(Column.FIRST_NAME);
        String lastName = line.get(Column.LAST_NAME);
        if (firstName == null) {
            problems.add(new InvalidField("first_name", "is required"));
        } else if (firstName.length() > 100) {
            problems.add(new InvalidField("first_name", "is longer than 100 characters"));
        }
        if (lastName == null) {
            problems.add(new InvalidField("last_name", "is required"));
        } else if (lastName.length() > 100) {
            problems.add(new InvalidField("last_name", "is longer than 100 characters"));
        }
        String country = line.get(Column.COUNTRY);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                problems.add(new InvalidField("country", "must be an ISO 3166 country code such as FR"));
                country = null;
            }
        }
        ContactDetails.Result email = ContactDetails.email(line.get(Column.EMAIL));
        ContactDetails.Result phone = ContactDetails.phone(line.get(Column.PHONE),
                country != null ? country : organizationRegion);
        email.problem().ifPresent(problems::add);
        phone.problem().ifPresent(problems::add);
        LocalDate birthDate = date(line.get(Column.BIRTH_DATE), problems);
        Gender gender = Gender.UNDISCLOSED;
        String genderText = line.get(Column.GENDER);
        if (genderText != null) {
            gender = GENDERS.get(ImportFile.fold(genderText));
            if (gender == null) {
                problems.add(new InvalidField("gender", "must be female, male, other or undisclosed"));
            }
        }
        UUID site = defaultSite;
        String siteName = line.get(Column.SITE);
        if (siteName != null) {
            site = sitesByName.get(ImportFile.fold(siteName));
            if (site == null) {
                problems.add(new InvalidField("site", "is not one of your sites: " + siteName));
            }
        } else if (site == null) {
            problems.add(new InvalidField("site", "is required (or choose a site for the whole file)"));
        }
        if (!problems.isEmpty()) {
            return new Checked(line, null, List.copyOf(problems));
        }
        return new Checked(line, new Candidate(firstName, lastName, email.value().orElse(null),
                phone.value().orElse(null), birthDate, gender, country, site), List.of());
    }

    private static LocalDate date(String text, List<InvalidField> problems) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
            if (date.isAfter(LocalDate.now()) || date.isBefore(LocalDate.of(1900, 1, 1))) {
                problems.add(new InvalidField("birth_date", "must be between 1900 and today"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new InvalidField("birth_date", "must be a date such as 1985-01-31 or 31/01/1985"));
            return null;
        }
    }
}
