package io.palestra.local.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Turns the command line and the environment into {@link Settings}; options win over variables. */
final class CommandLine {

    /** What the user asked for: help, or a platform to run. */
    record Invocation(boolean help, Settings settings) {
    }

    private CommandLine() {
    }

    static Invocation parse(List<String> args, Map<String, String> environment, Supplier<Path> projectRoot)
            throws UsageException {
        if (args.contains("--help") || args.contains("-h")) {
            return new Invocation(true, null);
        }
        Path root = projectRoot.get();
        Settings settings = EnvironmentSettings.read(Settings.defaults(root), environment);
        List<String> split = splitEqualSigns(args);
        for (int i = 0; i < split.size(); i++) {
            String option = split.get(i);
            switch (option) {
                case "--fresh" -> settings = settings.withFreshData(true);
                case "--without-gateway" -> settings = settings.withGateway(false);
                case "--data-dir" -> settings = settings.withDataDirectory(
                        root.resolve(value(split, ++i, option, "a directory")));
                case "--gateway-port" -> settings = settings.withPorts(settings.ports().withGateway(
                        port(value(split, ++i, option, "a port number"), option)));
                default -> throw new UsageException("Unknown option '" + option + "'");
            }
        }
        return new Invocation(false, settings);
    }

    static int port(String text, String source) throws UsageException {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException(source + " needs a port number between 1 and 65535, got '" + text + "'");
    }

    private static String value(List<String> args, int index, String option, String what) throws UsageException {
        if (index >= args.size() || args.get(index).isBlank() || args.get(index).startsWith("--")) {
            throw new UsageException(option + " needs " + what);
        }
        return args.get(index);
    }

    /** Accepts {@code --data-dir=/tmp/p} as well as {@code --data-dir /tmp/p}. */
    private static List<String> splitEqualSigns(List<String> args) {
        List<String> split = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                split.add(arg.substring(0, equals));
                split.add(arg.substring(equals + 1));
            } else {
                split.add(arg);
            }
        }
        return split;
    }

    static final String USAGE = """
            Usage: ./palestra [options]
              Runs the whole Palestra platform on this machine: PostgreSQL, a Kafka broker, the development token
              issuer, the four services and the gateway. Ctrl-C stops everything; data is kept for the next run.

            Options:
              --fresh              wipe the platform's data (PostgreSQL and Kafka) before starting, without asking
              --data-dir <dir>     where data and logs live (default: .palestra in the project; relative paths are
                                   taken from the project directory)
              --gateway-port <n>   the gateway's port (default 8080)
              --without-gateway    start everything but the gateway, to work on the services alone
              --help               this text

            Environment:
              PALESTRA_POSTGRES_URL        an external PostgreSQL server, e.g. jdbc:postgresql://db:5432/
                                           (then no embedded one; --fresh drops Palestra's four databases on it)
              PALESTRA_POSTGRES_USER       its user (default postgres)
              PALESTRA_POSTGRES_PASSWORD   its password (default postgres)
              PALESTRA_KAFKA_BOOTSTRAP     an external Kafka broker, e.g. kafka:9092 (then no embedded one)
              PALESTRA_DATA_DIR            as --data-dir
              PALESTRA_GATEWAY_PORT        as --gateway-port
              PALESTRA_POSTGRES_PORT       the embedded PostgreSQL's port (default 15432)
              PALESTRA_KAFKA_PORT          the embedded broker's port (default 19092; its controller takes the next)
              PALESTRA_ISSUER_PORT         the development token issuer's port (default 8089)
              PALESTRA_MEMBERS_PORT, PALESTRA_SUBSCRIPTIONS_PORT, PALESTRA_BOOKINGS_PORT, PALESTRA_BILLING_PORT
                                           the services' ports (default 8081 to 8084)
              PALESTRA_SERVICE_JAVA_OPTS   extra JVM options for every service and the gateway, e.g. -Xmx512m
              PALESTRA_HOME                the project directory, when the launcher jar is not in it
            """;
}
