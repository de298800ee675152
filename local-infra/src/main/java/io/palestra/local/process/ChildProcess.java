package io.palestra.local.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Java program run as a separate process, its output pumped line by line to a sink, stopped gently
 * (SIGTERM, so Spring and Kafka shut down cleanly) and forcibly only when it does not stop in time.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * Starts {@code java <jvmArgs> <program...>} with the JVM running this code.
     *
     * @param program   for example {@code ["-jar", "app.jar"]} or {@code ["-cp", cp, "main.Class", "arg"]}
     * @param output    receives every line the child prints, stdout and stderr merged
     */
    public static ChildProcess startJava(String name, List<String> jvmArgs, List<String> program,
                                         Map<String, String> environment, Path workingDirectory,
                                         Consumer<String> output) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.addAll(program);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Thread pump = new Thread(() -> pump(process, output), name + "-output");
            pump.setDaemon(true);
            pump.start();
            return new ChildProcess(name, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Runs a short Java program to its end and answers its exit code. */
    public static int runJava(String name, List<String> jvmArgs, List<String> program, Path workingDirectory,
                              Consumer<String> output, Duration timeout) {
        try (ChildProcess child = startJava(name, jvmArgs, program, Map.of(), workingDirectory, output)) {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout);
            }
            return child.process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The exit code, once the process has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /**
     * Asks the process to stop (SIGTERM), waits up to {@code grace}, then kills it. The signal goes through the
     * process handle: {@code Process.destroy()} would also close our end of its output at once, losing everything
     * the process says while it shuts down.
     */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.toHandle().destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once, as a crash or {@code kill -9} would. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    private static void pump(Process process, Consumer<String> output) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.accept(line);
            }
        } catch (IOException ignored) {
            // the process ended; nothing left to read
        }
    }
}
