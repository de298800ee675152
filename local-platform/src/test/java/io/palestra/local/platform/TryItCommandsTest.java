package io.palestra.local.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Pastes the banner's commands into bash against a stand-in gateway, to prove they work as printed. */
class TryItCommandsTest {

    private static final Pattern ORGANIZATION = Pattern.compile("\"organizationId\":\"([^\"]+)\"");

    private final String organizationId = UUID.randomUUID().toString();
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private HttpServer gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    @Test
    void listMembersAsTheManagerOfANewOrganisation() throws Exception {
        assumeTrue(found("curl"), "curl is needed to run the commands");
        startGateway();

        String answer = bash(String.join("\n", TryItCommands.forGateway(
                "localhost:" + gateway.getAddress().getPort())));

        assertThat(seen.get("organization-created-by")).isEqualTo("Bearer admin-token");
        assertThat(seen.get("organization-request")).contains("\"name\":\"Demo Club\"", "\"sites\":[{");
        assertThat(seen.get("members-listed-by")).isEqualTo("Bearer manager-token-of-" + organizationId);
        assertThat(answer).isEqualTo("{\"content\":[]}");
    }

    private void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/dev/token", exchange -> {
            String request = body(exchange);
            Matcher organization = ORGANIZATION.matcher(request);
            String token = request.contains("platform-admin") ? "admin-token"
                    : organization.find() && request.contains("manager")
                    ? "manager-token-of-" + organization.group(1) : "refused";
            answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        });
        gateway.createContext("/api/v1/organizations", exchange -> {
            seen.put("organization-created-by", exchange.getRequestHeaders().getFirst("Authorization"));
            seen.put("organization-request", body(exchange));
            answer(exchange, 201, "{\"id\":\"" + organizationId + "\",\"name\":\"Demo Club\",\"currency\":\"EUR\","
                    + "\"sites\":[{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Central\"}],\"version\":1}");
        });
        gateway.createContext("/api/v1/members", exchange -> {
            seen.put("members-listed-by", exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, 200, "{\"content\":[]}");
        });
        gateway.start();
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String bash(String script) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output.strip();
    }

    private static boolean found(String command) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void areOneCommandPerLine() {
        List<String> commands = TryItCommands.forGateway("localhost:8080");

        assertThat(commands).hasSize(4).noneMatch(command -> command.contains("\n"));
        assertThat(commands.get(3)).startsWith("curl -s localhost:8080/api/v1/members");
    }
}
