package io.palestra.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Palestra service as the gateway sees it: a real HTTP server that answers JSON, serves a readiness probe and an
 * OpenAPI document, answers a problem on paths ending in {@code /problem} and what a test set on other paths, echoes
 * the correlation id, and records every request it received.
 */
final class ServiceStub {

    /** One request as the service received it; header names are case-insensitive. */
    record Received(String method, String path, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }
    }

    static final String CONFLICT_PROBLEM = "{\"type\":\"urn:palestra:problem:conflict\",\"title\":\"Conflict\","
            + "\"status\":409,\"detail\":\"The session is full\",\"code\":\"session-full\"}";

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> heldPaths = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private record Answer(int status, String contentType, String json) {
    }

    private ServiceStub(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static ServiceStub start(String name) {
        ServiceStub stub = new ServiceStub(name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stub.server.stop(0), name + "-stub-stop"));
        return stub;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> requestsTo(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Makes requests to {@code path} wait for an answer until the returned hold is closed. */
    AutoCloseable hold(String path) {
        CountDownLatch release = new CountDownLatch(1);
        heldPaths.put(path, release);
        return release::countDown;
    }

    /** Answers requests to {@code path} with this status and JSON from now on. */
    void willAnswer(String path, int status, String contentType, String json) {
        answers.put(path, new Answer(status, contentType, json));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        try {
            body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException abortedByTheGateway) {
            exchange.close();
            return;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((header, values) -> headers.put(header, String.join(",", values)));
        received.add(new Received(exchange.getRequestMethod(), path, headers, body));
        awaitRelease(path);
        Answer set = answers.get(path);
        if (set != null) {
            send(exchange, set.status(), set.contentType(), set.json());
        } else if (path.equals("/actuator/health/readiness")) {
            send(exchange, 200, "application/json", "{\"status\":\"UP\"}");
        } else if (path.equals("/v3/api-docs")) {
            send(exchange, 200, "application/json", "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name
                    + "\",\"version\":\"v1\"},\"paths\":{}}");
        } else if (path.endsWith("/problem")) {
            send(exchange, 409, "application/problem+json", CONFLICT_PROBLEM);
        } else {
            send(exchange, 200, "application/json",
                    "{\"service\":\"" + name + "\",\"path\":\"" + path + "\",\"bodyLength\":" + body.length() + "}");
        }
    }

    private void awaitRelease(String path) {
        CountDownLatch release = heldPaths.get(path);
        if (release == null) {
            return;
        }
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // As the services do, so that the gateway must not answer the id twice.
        String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        if (correlationId != null) {
            exchange.getResponseHeaders().set("X-Correlation-Id", correlationId);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        } catch (IOException gatewayGaveUp) {
            // The gateway stopped waiting (a timeout test): nobody is left to answer.
        }
    }
}
