-- The payment methods each organisation adds to the built-in ones (code and label).
CREATE TABLE payment_method_config (
    organization_id UUID PRIMARY KEY,
    methods         JSONB NOT NULL
);
