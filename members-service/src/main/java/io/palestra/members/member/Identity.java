package io.palestra.members.member;

import io.palestra.members.member.RecordMessages.UpdateMember;
import io.palestra.platform.errors.RuleViolationException;

import java.time.LocalDate;

/** Who the member is, as the record says. A member always has a first and a last name. */
record Identity(String firstName, String lastName, LocalDate birthDate, Gender gender, String country,
                String language) {

    Identity changedBy(UpdateMember update) {
        Identity next = new Identity(strip(Change.apply(update.firstName(), firstName)),
                strip(Change.apply(update.lastName(), lastName)), Change.apply(update.birthDate(), birthDate),
                Change.apply(update.gender(), gender), Change.apply(update.country(), country),
                Change.apply(update.language(), language));
        if (isBlank(next.firstName) || isBlank(next.lastName)) {
            throw new RuleViolationException("name-required", "A member keeps a first and a last name.");
        }
        return next.gender == null ? new Identity(next.firstName, next.lastName, next.birthDate, Gender.UNDISCLOSED,
                next.country, next.language) : next;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
