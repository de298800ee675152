package io.palestra.billing;

/**
 * Who may do what in billing, as {@code @PreAuthorize} expressions: the front desk collects, managers refund, cancel
 * and set prices, analysts read.
 */
public final class BillingRoles {

    /** Sell and collect: open carts, record payments, top up accounts, activate gift cards. */
    public static final String SELLERS = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'INTEGRATION')";
    /** Refund, cancel payments, issue credit notes, set the catalog, promotions and invoice details. */
    public static final String MANAGERS = "hasAnyRole('OWNER', 'MANAGER')";
    /** Read invoices, payments, accounts and catalogs. */
    public static final String READERS = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'INTEGRATION', 'ANALYST')";

    /** Export lists as files: they carry many members' data, so neither the desk nor integrations. */
    public static final String EXPORTERS = "hasAnyRole('OWNER', 'MANAGER', 'ANALYST')";

    private BillingRoles() {
    }
}
