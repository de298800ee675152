package io.palestra.platform.errors;

import java.util.List;

/**
 * Input that is well-formed JSON but wrong field by field (400), found by a check that Bean Validation cannot
 * express, e.g. a phone number that libphonenumber cannot place.
 */
public class InvalidInputException extends DomainException {

    private final List<InvalidField> fields;

    public InvalidInputException(List<InvalidField> fields) {
        super("validation-failed", fields.size() == 1
                ? "The request is not valid: " + fields.get(0).field() + " " + fields.get(0).message() + "."
                : "The request is not valid: " + fields.size() + " fields need attention.");
        this.fields = List.copyOf(fields);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new InvalidField(field, message)));
    }

    public List<InvalidField> fields() {
        return fields;
    }

    /** One field and what is wrong with it. */
    public record InvalidField(String field, String message) {
    }
}
