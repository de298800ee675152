-- When each aggregate must next act on its own (installments, pauses, ends, pass expiry): written in the same
-- transaction as the aggregate's events, polled by WakeupPoller.
CREATE TABLE wakeup (
    kind         VARCHAR(40) NOT NULL,
    aggregate_id UUID        NOT NULL,
    wake_at      TIMESTAMPTZ NOT NULL,
    failures     INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, aggregate_id)
);
CREATE INDEX wakeup_due ON wakeup (wake_at);
