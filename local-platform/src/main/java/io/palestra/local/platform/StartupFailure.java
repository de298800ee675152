package io.palestra.local.platform;

import java.util.List;

/**
 * The platform could not start; the message says why in terms a developer can act on. When a process died, its last
 * lines come along.
 */
public class StartupFailure extends RuntimeException {

    private final String process;
    private final List<String> lastLines;

    public StartupFailure(String message) {
        this(message, null, List.of(), null);
    }

    StartupFailure(String message, String process, List<String> lastLines, Throwable cause) {
        super(message, cause);
        this.process = process;
        this.lastLines = List.copyOf(lastLines);
    }

    /** The process that died, or null when none did. */
    public String process() {
        return process;
    }

    /** The last lines of the process that died, empty when none did. */
    public List<String> lastLines() {
        return lastLines;
    }
}
