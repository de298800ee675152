package io.palestra.local.platform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines a process printed, shown again when it dies so the cause is not lost in the scroll-back. */
final class RecentLines {

    static final int KEPT = 40;

    private final Deque<String> lines = new ArrayDeque<>();

    synchronized void add(String line) {
        if (lines.size() == KEPT) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> snapshot() {
        return List.copyOf(lines);
    }
}
