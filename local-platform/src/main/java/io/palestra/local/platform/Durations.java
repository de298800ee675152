package io.palestra.local.platform;

import java.time.Duration;
import java.util.Locale;

/** Durations as a person reads them in the output: {@code 2.4 s}. */
final class Durations {

    private Durations() {
    }

    static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }
}
