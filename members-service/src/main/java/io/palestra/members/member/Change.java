package io.palestra.members.member;

/**
 * One field of a partial update (JSON merge patch): a {@code null} change leaves the field as it is; a change with a
 * {@code null} value clears it.
 */
public record Change<T>(T value) {

    public static <T> Change<T> to(T value) {
        return new Change<>(value);
    }

    /** The new value when there is a change, else the current one. */
    static <T> T apply(Change<T> change, T current) {
        return change == null ? current : change.value();
    }
}
