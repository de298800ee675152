package io.palestra.platform.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** The {@code idempotency_record} table. Every method runs in the caller's transaction. */
class IdempotencyStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Duration retention;

    IdempotencyStore(JdbcClient jdbc, JsonMapper json, Duration retention) {
        this.jdbc = jdbc;
        this.json = json;
        this.retention = retention;
    }

    /**
     * Claims the key for this request. Blocks while another transaction holds the same key, then answers false if
     * that one committed.
     */
    boolean claim(String scope, String key, String requestHash) {
        jdbc.sql("DELETE FROM idempotency_record WHERE scope = ? AND idempotency_key = ? AND created_at < ?")
                .params(scope, key, expiry()).update();
        return jdbc.sql("""
                        INSERT INTO idempotency_record (scope, idempotency_key, request_hash, status, headers, body)
                        VALUES (?, ?, ?, 0, '{}', '') ON CONFLICT DO NOTHING""")
                .params(scope, key, requestHash).update() == 1;
    }

    Optional<StoredAnswer> find(String scope, String key) {
        return jdbc.sql("""
                        SELECT request_hash, status, content_type, headers, body FROM idempotency_record
                        WHERE scope = ? AND idempotency_key = ?""")
                .params(scope, key)
                .query((row, number) -> new StoredAnswer(row.getString(1), row.getInt(2), row.getString(3),
                        json.readValue(row.getString(4), HEADERS), row.getBytes(5)))
                .optional();
    }

    void complete(String scope, String key, StoredAnswer answer) {
        jdbc.sql("""
                        UPDATE idempotency_record SET status = ?, content_type = ?, headers = ?, body = ?
                        WHERE scope = ? AND idempotency_key = ?""")
                .params(answer.status(), answer.contentType(), json.writeValueAsString(answer.headers()),
                        answer.body(), scope, key)
                .update();
    }

    int purgeExpired() {
        return jdbc.sql("DELETE FROM idempotency_record WHERE created_at < ?").param(expiry()).update();
    }

    private OffsetDateTime expiry() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
    }
}
