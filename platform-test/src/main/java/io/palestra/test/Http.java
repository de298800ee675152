package io.palestra.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
        return new Request("GET", path, (byte[]) null);
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
        return new Request("DELETE", path, (byte[]) null);
    }

    /** A multipart/form-data request carrying one file in the part {@code part}, as a browser uploads it. */
    public Request upload(String method, String path, String part, String fileName, String contentType,
                          byte[] content) {
        String boundary = "palestra-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Request(method, path, body.toByteArray())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    /** One request being built; {@link #send()} sends it. */
    public final class Request {

        private final String method;
        private final String path;
        private final byte[] body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Request(String method, String path, String body) {
            this(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        private Request(String method, String path, byte[] body) {
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
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            try {
                HttpResponse<byte[]> response = CLIENT.send(request.build(),
                        HttpResponse.BodyHandlers.ofByteArray());
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

        private final HttpResponse<byte[]> response;

        private Response(HttpResponse<byte[]> response) {
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        /** The body as UTF-8 text. */
        public String body() {
            return response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
        }

        /** The body as it came, e.g. an image. */
        public byte[] bytes() {
            return response.body() == null ? new byte[0] : response.body();
        }

        /** The body as JSON (a missing node when the body is empty). */
        public JsonNode json() {
            String text = body();
            return text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
        }

        @Override
        public String toString() {
            String type = header("Content-Type").orElse("");
            boolean text = type.isEmpty() || type.contains("json") || type.startsWith("text/");
            return response.request().method() + " " + response.uri() + " -> " + status() + " "
                    + (text ? body() : "(" + bytes().length + " bytes of " + type + ")");
        }
    }
}
