package io.palestra.local.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a readiness endpoint once, with short timeouts so a process that hangs does not stall the wait. */
final class HealthProbe {

    /** What one request said: up or not, and what to tell the user if it stays so. */
    record Answer(boolean up, String detail) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    Answer ask(URI readiness) {
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            boolean up = response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
            return new Answer(up, "HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        } catch (IOException e) {
            return new Answer(false, "no answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "interrupted");
        }
    }

    private static String abbreviate(String body) {
        String line = body.replace('\n', ' ');
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
