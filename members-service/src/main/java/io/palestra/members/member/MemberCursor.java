package io.palestra.members.member;

import io.palestra.platform.errors.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of the member list ends: the sort key and id of its last member, opaque to clients (base64url).
 * Keyset pagination stays fast and stable however deep a client pages and whatever is registered meanwhile.
 */
public record MemberCursor(String sortKey, UUID memberId) {

    private static final char SEPARATOR = '\u001f';

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sortKey + SEPARATOR + memberId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidInputException when the text is not a cursor this API gave out
     */
    public static MemberCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int cut = text.lastIndexOf(SEPARATOR);
            return new MemberCursor(text.substring(0, cut), UUID.fromString(text.substring(cut + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw InvalidInputException.of("cursor", "is not a cursor from a previous page");
        }
    }
}
