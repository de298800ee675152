package io.palestra.local.platform;

import java.util.function.Consumer;

/** Everything the platform prints goes through here, one whole line at a time, to the chosen sink. */
final class Output {

    private final Consumer<String> sink;
    private final boolean colors;
    private final LinePrefix launcher;

    Output(Consumer<String> sink, boolean colors) {
        this.sink = sink;
        this.colors = colors;
        this.launcher = new LinePrefix("palestra", colors);
    }

    /** A line from the launcher itself. */
    void say(String message) {
        print(launcher.apply(message));
    }

    /** A line printed as is, for text meant to be copied, like the ready banner. */
    void raw(String line) {
        print(line);
    }

    /** Where a child process's lines go: prefixed with its name, and remembered in {@code recent}. */
    Consumer<String> child(String name, RecentLines recent) {
        LinePrefix prefix = new LinePrefix(name, colors);
        return line -> {
            recent.add(line);
            print(prefix.apply(line));
        };
    }

    /** Children print concurrently; a lock keeps their lines whole. */
    private synchronized void print(String line) {
        sink.accept(line);
    }
}
