package io.palestra.platform.errors;

/** A well-formed request that a business rule refuses (422), e.g. registering a member at a closed site. */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String code, String message) {
        super(code, message);
    }
}
