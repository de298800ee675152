-- What an organisation prints as seller on its invoices (legal name, address, SIRET, VAT number, legal notice).
CREATE TABLE seller_details (
    organization_id     UUID PRIMARY KEY,
    legal_name          VARCHAR(200) NOT NULL,
    address             JSONB        NOT NULL,
    registration_number VARCHAR(40),
    vat_number          VARCHAR(40),
    email               VARCHAR(254),
    notice              VARCHAR(2000)
);

-- Members as billing prints them on invoices, from the compacted palestra.members.profiles topic; a tombstone deletes
-- the row (issued invoices keep the buyer they were issued with: invoices are kept ten years by law).
CREATE TABLE buyer_copy (
    member_id       UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    member_code     VARCHAR(40),
    first_name      VARCHAR(200),
    last_name       VARCHAR(200),
    email           VARCHAR(254),
    address         JSONB        NOT NULL
);

-- Who pays for whom: each member of a household and its holder (from HouseholdChanged).
CREATE TABLE household_copy (
    member_id       UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    household_id    UUID NOT NULL,
    holder_id       UUID NOT NULL
);
CREATE INDEX household_copy_household ON household_copy (household_id);

-- The seller and buyer an issued invoice was issued with.
ALTER TABLE invoice_view ADD COLUMN seller JSONB, ADD COLUMN buyer JSONB, ADD COLUMN beneficiary_id UUID;
