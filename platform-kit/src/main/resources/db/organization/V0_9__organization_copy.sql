-- What a service knows of organisations and their sites, from members-service's events (OrganizationCopy).
-- Shared by the services that opt in with classpath:db/organization.
CREATE TABLE organization_copy (
    organization_id UUID PRIMARY KEY,
    currency        CHAR(3)     NOT NULL,
    time_zone       VARCHAR(60) NOT NULL
);

CREATE TABLE site_copy (
    site_id         UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    name            VARCHAR(200) NOT NULL,
    time_zone       VARCHAR(60)  NOT NULL
);
CREATE INDEX site_copy_organization ON site_copy (organization_id);
