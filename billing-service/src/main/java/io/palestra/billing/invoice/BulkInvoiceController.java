package io.palestra.billing.invoice;

import io.palestra.billing.invoice.BulkInvoicing.BulkRequest;
import io.palestra.billing.invoice.BulkInvoicing.BulkResult;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static io.palestra.billing.BillingRoles.MANAGERS;

/** Bulk invoices (factures en masse, seed 004), made by {@link BulkInvoicing}. */
@RestController
@Tag(name = "Invoices")
class BulkInvoiceController {

    private final BulkInvoicing bulk;

    BulkInvoiceController(BulkInvoicing bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/v1/invoices/bulk")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Invoice the same lines to each member of a list (factures en masse)",
            description = "Up to 500 members and 20 lines. The lines are priced once, as on a cart (400 or 422 "
                    + "refuse the whole batch); then each member gets an invoice (their household's holder pays), "
                    + "issued unless issue is false. One member refused does not stop the others: the answer says "
                    + "what happened to each. Sending the same batchId again creates nothing twice.")
    BulkResult bulk(@Valid @RequestBody BulkRequest request, Caller caller) {
        return bulk.run(request, caller);
    }
}
