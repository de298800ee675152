-- Kafka inbox: one row per event a consumer has handled, written in the same transaction as the effect, so that a
-- redelivered record changes nothing.
CREATE TABLE inbox_handled_event (
    consumer   VARCHAR(200) NOT NULL,
    event_id   VARCHAR(255) NOT NULL,
    topic      VARCHAR(255) NOT NULL,
    handled_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency keys of POST requests: the first successful answer, kept for replay, committed in the same transaction
-- as the command it answered.
CREATE TABLE idempotency_record (
    scope           VARCHAR(300) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          INTEGER      NOT NULL,
    content_type    VARCHAR(255),
    headers         TEXT         NOT NULL,
    body            BYTEA        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
