package io.palestra.platform.errors;

/** An uploaded content is of a kind the endpoint does not take (415), e.g. a GIF where a photo must be a JPEG. */
public class UnsupportedContentException extends DomainException {

    public UnsupportedContentException(String message) {
        super("unsupported-media-type", message);
    }
}
