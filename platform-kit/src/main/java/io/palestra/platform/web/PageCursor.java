package io.palestra.platform.web;

import io.palestra.platform.errors.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of a keyset-paginated list ends: the sort it was made for, the sort value and id of its last item,
 * opaque to clients (base64url). Keyset pagination stays fast and stable however deep a client pages and whatever is
 * added meanwhile.
 */
public record PageCursor(String sort, String value, UUID id) {

    private static final char SEPARATOR = '\u001f';

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (sort + SEPARATOR + value + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidInputException when the text is not a cursor this API gave out
     */
    public static PageCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int first = text.indexOf(SEPARATOR);
            int last = text.lastIndexOf(SEPARATOR);
            if (first < 0 || first == last) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new PageCursor(text.substring(0, first), text.substring(first + 1, last),
                    UUID.fromString(text.substring(last + 1)));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw InvalidInputException.of("cursor", "is not a cursor from a previous page");
        }
    }

    /** This cursor, checked to belong to a list in {@code expectedSort}. */
    public PageCursor requireSort(String expectedSort) {
        if (!expectedSort.equals(sort)) {
            throw InvalidInputException.of("cursor", "comes from a list in another order");
        }
        return this;
    }
}
