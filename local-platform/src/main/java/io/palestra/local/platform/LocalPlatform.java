package io.palestra.local.platform;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;

/**
 * Runs the whole platform on one machine, without Docker: {@code java -jar palestra-local.jar [--fresh]}. Tests start
 * it the same way through {@link #start(Settings)}.
 */
public final class LocalPlatform {

    static final int STARTUP_FAILED = 1;
    static final int BAD_USAGE = 2;

    private LocalPlatform() {
    }

    /**
     * Starts everything and returns once every process is ready. Close the answer to stop it all; a shutdown hook
     * does so too if the JVM exits first.
     *
     * @throws StartupFailure when something could not start for a known reason, which the message gives; any other
     *                        exception is unexpected. Either way whatever did start has been stopped again.
     */
    public static RunningPlatform start(Settings settings) {
        long begin = System.nanoTime();
        Output output = new Output(settings.output(), settings.colors());
        RunningPlatform platform = new RunningPlatform(settings, output);
        try {
            new Startup(settings, platform, output).run();
        } catch (RuntimeException e) {
            platform.startupEnded(null);
            platform.close();
            throw e;
        }
        platform.startupEnded(Durations.since(begin));
        return platform;
    }

    public static void main(String[] args) {
        CommandLine.Invocation invocation;
        try {
            invocation = CommandLine.parse(Arrays.asList(args), System.getenv(),
                    () -> ProjectRoot.locate(System.getenv(), ProjectRoot.launcherLocation()));
        } catch (UsageException e) {
            System.err.println("palestra: " + e.getMessage() + "\n\n" + CommandLine.USAGE);
            System.exit(BAD_USAGE);
            return;
        } catch (IllegalStateException e) {
            System.err.println("palestra: " + e.getMessage());
            System.exit(STARTUP_FAILED);
            return;
        }
        if (invocation.help()) {
            System.out.print(CommandLine.USAGE);
            return;
        }
        run(invocation.settings().withOutput(System.out::println, System.console() != null));
    }

    private static void run(Settings settings) {
        Output output = new Output(settings.output(), settings.colors());
        RunningPlatform platform;
        try {
            platform = start(settings);
        } catch (StartupCancelled cancelled) {
            return;
        } catch (RuntimeException e) {
            report(output, e);
            System.exit(STARTUP_FAILED);
            return;
        }
        Banner.print(platform, sinceLaunch(), output);
        new CrashWatch(platform, output).watchUntilClosed();
    }

    private static void report(Output output, RuntimeException failure) {
        if (failure instanceof StartupFailure && !((StartupFailure) failure).lastLines().isEmpty()) {
            StartupFailure died = (StartupFailure) failure;
            output.raw("---- the last lines of " + died.process() + " ----");
            died.lastLines().forEach(output::raw);
            output.raw("----");
        }
        output.say("Palestra could not start: " + failure.getMessage());
        if (!(failure instanceof StartupFailure)) {
            failure.printStackTrace();
        }
    }

    /** From the launcher JVM's own start, so the figure includes what the user waits for. */
    private static Duration sinceLaunch() {
        return Duration.ofMillis(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
