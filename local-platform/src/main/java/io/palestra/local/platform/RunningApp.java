package io.palestra.local.platform;

import io.palestra.local.process.ChildProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A started service or gateway process, with its last lines kept for when it dies. */
final class RunningApp {

    private final BootApp app;
    private final ChildProcess process;
    private final RecentLines recent;

    private RunningApp(BootApp app, ChildProcess process, RecentLines recent) {
        this.app = app;
        this.process = process;
        this.recent = recent;
    }

    static RunningApp start(BootApp app, Settings settings, Output output) {
        List<String> jvmOptions = new ArrayList<>(JvmOptions.SERVICE);
        jvmOptions.addAll(settings.serviceJavaOptions());
        RecentLines recent = new RecentLines();
        Path workingDirectory = settings.dataDirectory();
        ChildProcess process = ChildProcess.startJava(app.module(), jvmOptions,
                List.of("-jar", app.jar(settings.projectRoot()).toString()), app.environment(), workingDirectory,
                output.child(app.label(), recent));
        return new RunningApp(app, process, recent);
    }

    BootApp app() {
        return app;
    }

    String name() {
        return app.module();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    List<String> lastLines() {
        return recent.snapshot();
    }

    Readiness.Target readinessTarget() {
        return new Readiness.Target(app.module(), app.readiness(), process::isAlive, process::exitValue, recent);
    }

    /** SIGTERM, then a kill after {@code grace}; what the process says while it stops is still shown. */
    void stop(Duration grace) {
        process.stop(grace);
    }
}
