package io.palestra.platform.errors;

/** The request's precondition ({@code If-Match}) does not hold (412). */
public class PreconditionFailedException extends DomainException {

    public PreconditionFailedException(String code, String message) {
        super(code, message);
    }
}
