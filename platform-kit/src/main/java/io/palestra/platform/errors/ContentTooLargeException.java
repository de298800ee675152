package io.palestra.platform.errors;

/** An uploaded content is larger than its own limit (413), e.g. a photo over its size limit. */
public class ContentTooLargeException extends DomainException {

    public ContentTooLargeException(String message) {
        super("payload-too-large", message);
    }
}
