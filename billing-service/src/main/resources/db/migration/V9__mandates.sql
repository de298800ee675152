-- Direct-debit mandates (projection "mandate-directory"): staff read them masked; collections find them by reference.
CREATE TABLE mandate_view (
    mandate_id      UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    member_id       UUID         NOT NULL,
    reference       VARCHAR(35)  NOT NULL,
    iban            VARCHAR(34)  NOT NULL,
    bic             VARCHAR(11),
    holder          VARCHAR(200),
    signed_on       DATE         NOT NULL,
    recorded_by     VARCHAR(200),
    recorded_at     TIMESTAMPTZ  NOT NULL,
    revoked_by      VARCHAR(200),
    revoked_at      TIMESTAMPTZ,
    revoke_reason   VARCHAR(500)
);
CREATE INDEX mandate_view_member ON mandate_view (organization_id, member_id);
CREATE INDEX mandate_view_reference ON mandate_view (organization_id, reference);

-- When staff last asked each member to sign a mandate.
CREATE TABLE mandate_request_view (
    organization_id UUID         NOT NULL,
    member_id       UUID         NOT NULL,
    requested_by    VARCHAR(200),
    requested_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (organization_id, member_id)
);
