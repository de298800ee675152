-- What booking-service knows of members (members-service's events and profiles): enough to name them on rosters,
-- follow merges and erasure, and refuse online bookings inside blacklist periods.
CREATE TABLE member_copy (
    member_id       UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    member_code     VARCHAR(50),
    first_name      VARCHAR(200),
    last_name       VARCHAR(200),
    merged_into     UUID,
    anonymized      BOOLEAN     NOT NULL DEFAULT false
);
CREATE INDEX member_copy_merged_into ON member_copy (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE blacklist_period (
    period_id       UUID PRIMARY KEY,
    member_id       UUID NOT NULL,
    organization_id UUID NOT NULL,
    from_day        DATE NOT NULL,
    until_day       DATE
);
CREATE INDEX blacklist_period_member ON blacklist_period (member_id);

-- Class sessions as staff read them (projection "session-directory").
CREATE TABLE session_view (
    session_id            UUID PRIMARY KEY,
    organization_id       UUID         NOT NULL,
    site_id               UUID         NOT NULL,
    activity_type         VARCHAR(100) NOT NULL,
    coach_id              UUID,
    room                  VARCHAR(200),
    starts_at             TIMESTAMPTZ  NOT NULL,
    ends_at               TIMESTAMPTZ  NOT NULL,
    capacity              INT          NOT NULL,
    credits               INT          NOT NULL,
    waitlist              VARCHAR(10)  NOT NULL,
    opens_days_before     INT,
    closes_minutes_before INT,
    late_cancel_minutes   INT,
    status                VARCHAR(20)  NOT NULL,
    version               BIGINT       NOT NULL
);
CREATE INDEX session_view_timetable ON session_view (organization_id, starts_at);

-- Every booking of every session, waiting ones included, as the roster and the member's history show them. A row
-- keeps the sequence of the session's last event applied to it (version); waitlist_order orders the line.
CREATE TABLE booking_view (
    booking_id      UUID PRIMARY KEY,
    session_id      UUID         NOT NULL,
    organization_id UUID         NOT NULL,
    site_id         UUID         NOT NULL,
    member_id       UUID         NOT NULL,
    activity_type   VARCHAR(100) NOT NULL,
    starts_at       TIMESTAMPTZ  NOT NULL,
    channel         VARCHAR(20),
    status          VARCHAR(20)  NOT NULL,
    waitlist_order  BIGINT,
    reason          VARCHAR(500),
    paid_by         VARCHAR(20),
    payer_id        UUID,
    credits         INT,
    recredit        BOOLEAN,
    late            BOOLEAN,
    booked_by       VARCHAR(200),
    booked_at       TIMESTAMPTZ  NOT NULL,
    decided_at      TIMESTAMPTZ,
    cancelled_by    VARCHAR(200),
    cancelled_at    TIMESTAMPTZ,
    version         BIGINT       NOT NULL
);
CREATE INDEX booking_view_session ON booking_view (session_id, status);
CREATE INDEX booking_view_member ON booking_view (organization_id, member_id, starts_at);
