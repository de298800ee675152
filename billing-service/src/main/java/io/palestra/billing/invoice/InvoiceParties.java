package io.palestra.billing.invoice;

import java.util.UUID;

/** The seller and buyer details an invoice is issued with, and who pays for a member (a household's holder). */
public interface InvoiceParties {

    /** The organisation's details for invoices, or the site's name while none were given. */
    Party seller(UUID organizationId, UUID siteId);

    /** The member as billing last heard of them (names, address), or only their id once erased. */
    Party buyer(UUID organizationId, UUID memberId);

    /** Who pays for {@code memberId}: the holder of their household, or themselves. */
    UUID payer(UUID organizationId, UUID memberId);
}
