package io.palestra.members.member;

import io.palestra.members.member.RecordMessages.UpdateMember;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a JSON merge patch (RFC 7396) of a member's identity and contacts: a field absent stays as it is, a field
 * set to {@code null} is cleared (names cannot be), any other value replaces it once checked.
 */
final class MemberPatch {

    private static final Set<String> FIELDS = Set.of("firstName", "lastName", "birthDate", "gender", "country",
            "language", "email", "phone");

    private final JsonNode patch;
    private final List<InvalidField> problems = new ArrayList<>();

    private MemberPatch(JsonNode patch) {
        this.patch = patch;
    }

    /**
     * @param region where a national phone number is read when the patch names no country: the member's country,
     *               else the organisation's
     * @throws InvalidInputException listing every field that is wrong
     */
    static UpdateMember read(JsonNode patch, UUID memberId, String region, Long expectedVersion, Clock clock) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object of the fields to change");
        }
        MemberPatch reader = new MemberPatch(patch);
        patch.propertyNames().stream().filter(name -> !FIELDS.contains(name))
                .forEach(name -> reader.problems.add(new InvalidField(name, "is not a field of the member record")));
        Change<String> country = reader.text("country", "[A-Z]{2}", "must be an ISO 3166-1 alpha-2 code such as FR");
        String phoneRegion = country != null && country.value() != null ? country.value() : region;
        UpdateMember update = new UpdateMember(memberId, reader.name("firstName"), reader.name("lastName"),
                reader.birthDate(clock), reader.gender(), country, reader.language(), reader.email(),
                reader.phone(phoneRegion), expectedVersion);
        if (!reader.problems.isEmpty()) {
            throw new InvalidInputException(reader.problems);
        }
        return update;
    }

    private Change<String> name(String field) {
        Change<String> name = text(field, ".{1,100}", "must be 1 to 100 characters");
        if (name != null && (name.value() == null || name.value().isBlank())) {
            problems.add(new InvalidField(field, "cannot be cleared"));
        }
        return name;
    }

    private Change<LocalDate> birthDate(Clock clock) {
        Change<String> text = text("birthDate", "\\d{4}-\\d{2}-\\d{2}", "must be a date like 1990-04-17");
        if (text == null || text.value() == null) {
            return text == null ? null : Change.to(null);
        }
        try {
            LocalDate date = LocalDate.parse(text.value());
            if (!date.isBefore(LocalDate.now(clock))) {
                problems.add(new InvalidField("birthDate", "must be in the past"));
            }
            return Change.to(date);
        } catch (DateTimeParseException e) {
            problems.add(new InvalidField("birthDate", "must be a date like 1990-04-17"));
            return null;
        }
    }

    private Change<Gender> gender() {
        Change<String> text = text("gender", "[a-z]+", "must be one of female, male, other, undisclosed");
        try {
            return text == null ? null : Change.to(text.value() == null ? null : Gender.of(text.value()));
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidField("gender", e.getMessage()));
            return null;
        }
    }

    private Change<String> language() {
        Change<String> text = text("language", ".{2,35}", "must be a BCP 47 language tag such as fr or fr-CA");
        if (text != null && text.value() != null) {
            try {
                return Change.to(new Locale.Builder().setLanguageTag(text.value()).build().toLanguageTag());
            } catch (IllformedLocaleException e) {
                problems.add(new InvalidField("language", "must be a BCP 47 language tag such as fr or fr-CA"));
            }
        }
        return text;
    }

    private Change<String> email() {
        Change<String> text = text("email", ".*", "");
        return text == null || text.value() == null ? text : contact(ContactDetails.email(text.value()));
    }

    private Change<String> phone(String region) {
        Change<String> text = text("phone", ".*", "");
        return text == null || text.value() == null ? text : contact(ContactDetails.phone(text.value(), region));
    }

    private Change<String> contact(ContactDetails.Result result) {
        result.problem().ifPresent(problems::add);
        return result.problem().isPresent() ? null : Change.to(result.value().orElse(null));
    }

    /** The change of a text field: null when absent, a change to null when null, else the text if it matches. */
    private Change<String> text(String field, String pattern, String message) {
        if (!patch.has(field)) {
            return null;
        }
        JsonNode value = patch.get(field);
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isString() || !value.asString().strip().matches(pattern)) {
            problems.add(new InvalidField(field, value.isString() ? message : "must be text"));
            return null;
        }
        return Change.to(value.asString().strip());
    }
}
