package io.palestra.platform.errors;

/**
 * What was asked for does not exist for this caller: also what another organisation's resource looks like (404,
 * never 403, so nothing hints that it exists).
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String code, String message) {
        super(code, message);
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + "-not-found", "No " + what.replace('-', ' ') + " " + id + " here.");
    }
}
