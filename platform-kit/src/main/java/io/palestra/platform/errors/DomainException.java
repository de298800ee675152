package io.palestra.platform.errors;

/**
 * A command or query refused for a business reason. The {@link #code()} is stable and reaches clients as the
 * {@code code} of the problem answer; the message is its human-readable {@code detail}.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A stable, kebab-case reason, e.g. {@code site-not-found}. */
    public String code() {
        return code;
    }
}
