package io.palestra.local.platform;

import java.util.Map;

/**
 * The {@code [members      ] } in front of each line, so five interleaved logs stay readable. Every prefix has the
 * same width, that of the longest name; on a terminal each process gets its own color.
 */
final class LinePrefix {

    /** As wide as the longest name printed, {@code subscriptions}. */
    static final int WIDTH = 13;

    private static final String RESET = "\u001B[0m";
    private static final Map<String, String> COLORS = Map.of(
            "palestra", "\u001B[1m",
            "gateway", "\u001B[34m",
            "members", "\u001B[36m",
            "subscriptions", "\u001B[35m",
            "bookings", "\u001B[33m",
            "billing", "\u001B[32m",
            "kafka", "\u001B[90m");

    private final String prefix;

    LinePrefix(String name, boolean colored) {
        String label = "[" + pad(name) + "] ";
        String color = COLORS.get(name);
        this.prefix = colored && color != null ? color + label + RESET : label;
    }

    String apply(String line) {
        return prefix + line;
    }

    private static String pad(String name) {
        String cut = name.length() > WIDTH ? name.substring(0, WIDTH) : name;
        return cut + " ".repeat(WIDTH - cut.length());
    }
}
