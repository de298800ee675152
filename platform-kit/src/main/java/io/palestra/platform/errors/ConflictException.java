package io.palestra.platform.errors;

/** The request collides with the current state (409), e.g. a member code already taken in the organisation. */
public class ConflictException extends DomainException {

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
