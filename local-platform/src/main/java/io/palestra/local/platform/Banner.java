package io.palestra.local.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the developer sees once everything is ready: where to go, and commands to paste to try the API. */
final class Banner {

    private static final String RULE = "=".repeat(100);

    private Banner() {
    }

    static void print(RunningPlatform platform, Duration sinceLaunch, Output output) {
        lines(platform, sinceLaunch).forEach(output::raw);
    }

    static List<String> lines(RunningPlatform platform, Duration sinceLaunch) {
        Settings settings = platform.settings();
        List<String> lines = new ArrayList<>();
        lines.add(RULE);
        lines.add(" Palestra is ready, " + Durations.format(sinceLaunch) + " after launch");
        if (settings.gateway()) {
            lines.add("   Gateway      " + platform.gatewayUrl());
            lines.add("   Swagger UI   " + platform.gatewayUrl() + "/swagger-ui.html");
        } else {
            for (Service service : Service.values()) {
                lines.add("   " + pad(service.module()) + platform.serviceUrl(service) + "   (no gateway)");
            }
        }
        lines.add("   Token issuer " + platform.issuerUrl());
        lines.add("   Data         " + platform.dataDirectory() + "   (kept across restarts; --fresh wipes it)");
        lines.add("   JSON logs    " + platform.dataDirectory().resolve("logs"));
        if (settings.gateway()) {
            lines.add("");
            lines.add(" Try it in bash: create an organisation as platform admin, then list its members as manager:");
            lines.addAll(TryItCommands.forGateway(hostAndPort(platform.gatewayUrl())));
        }
        lines.add("");
        lines.add(" Ctrl-C stops everything.");
        lines.add(RULE);
        return lines;
    }

    private static String hostAndPort(String url) {
        return url.substring("http://".length());
    }

    private static String pad(String text) {
        return text + " ".repeat(Math.max(1, 22 - text.length()));
    }
}
