package io.palestra.members.photo;

import java.util.Locale;

/** The sizes a photo is served in: the longer side at most this many pixels (never enlarged). */
public enum PhotoSize {
    SMALL(160), LARGE(800);

    private final int maxSide;

    PhotoSize(int maxSide) {
        this.maxSide = maxSide;
    }

    public int maxSide() {
        return maxSide;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PhotoSize of(String value) {
        for (PhotoSize size : values()) {
            if (size.value().equals(value)) {
                return size;
            }
        }
        throw new IllegalArgumentException("must be small or large");
    }
}
