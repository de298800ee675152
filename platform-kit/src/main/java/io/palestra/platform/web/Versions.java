package io.palestra.platform.web;

import io.palestra.platform.errors.PreconditionFailedException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ETags are aggregate versions ({@code "3"} after the fourth event); {@code If-Match} carries the version a client
 * read, and a command sent with it is refused with 412 when the aggregate has moved on since.
 */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header expects; null when there is none or it is {@code *} (any version).
     *
     * @throws PreconditionFailedException when the header is not one of our ETags
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new PreconditionFailedException(ProblemCodes.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " is not an ETag of this resource, such as \"3\".");
        }
        return Long.parseLong(matcher.group(1));
    }

}
