package io.palestra.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small HTTP client for API tests, as an integrator would call the platform: JSON in, status, headers and JSON
 * out, no exceptions on 4xx or 5xx.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Request get(String path) {
        return new Request("GET", path, null);
    }

    public Request post(String path, String body) {
        return new Request("POST", path, body).header("Content-Type", "application/json");
    }

    public Request put(String path, String body) {
        return new Request("PUT", path, body).header("Content-Type", "application/json");
    }

    public Request patch(String path, String body) {
        return new Request("PATCH", path, body).header("Content-Type", "application/json");
    }

    public Request delete(String path) {
        return new Request("DELETE", path, null);
    }

    /** One request being built; {@link #send()} sends it. */
    public final class Request {

        private final String method;
        private final String path;
        private final String body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Request(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What came back. */
    public static final class Response {

        private final HttpResponse<String> response;

        private Response(HttpResponse<String> response) {
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String body() {
            return response.body();
        }

        /** The body as JSON (a missing node when the body is empty). */
        public JsonNode json() {
            return response.body() == null || response.body().isBlank()
                    ? JSON.missingNode() : JSON.readTree(response.body());
        }

        @Override
        public String toString() {
            return response.request().method() + " " + response.uri() + " -> " + status() + " " + body();
        }
    }
}
