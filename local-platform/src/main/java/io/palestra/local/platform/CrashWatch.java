package io.palestra.local.platform;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Tells the developer when a process dies after startup, with its last lines, instead of leaving them to find out
 * from failing requests. The rest of the platform keeps running: the process can be fixed and the platform restarted.
 */
final class CrashWatch {

    private final RunningPlatform platform;
    private final Output output;
    private final Set<String> reported = new HashSet<>();

    CrashWatch(RunningPlatform platform, Output output) {
        this.platform = platform;
        this.output = output;
    }

    void watchUntilClosed() {
        while (!platform.isClosing()) {
            for (RunningApp app : platform.apps()) {
                if (!app.isAlive() && !platform.isClosing() && reported.add(app.name())) {
                    output.raw("---- last lines of " + app.name() + " ----");
                    app.lastLines().forEach(output::raw);
                    output.say(app.name() + " stopped unexpectedly with exit code " + app.exitValue()
                            + "; the rest of the platform keeps running. Ctrl-C stops everything.");
                }
            }
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
