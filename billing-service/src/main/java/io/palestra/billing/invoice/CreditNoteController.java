package io.palestra.billing.invoice;

import io.palestra.billing.invoice.InvoiceQueries.CreditNoteList;
import io.palestra.billing.invoice.InvoiceQueries.CreditNoteView;
import io.palestra.billing.invoice.InvoiceQueries.FindCreditNote;
import io.palestra.billing.invoice.InvoiceQueries.ListCreditNotes;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

import static io.palestra.billing.BillingRoles.READERS;

/** Credit notes (avoirs) on their own: a member's, or found by their number or their invoice's. */
@RestController
@RequestMapping("/api/v1/credit-notes")
@Tag(name = "Invoices")
class CreditNoteController {

    private static final int MAX_LIMIT = 500;

    private final QueryGateway queries;

    CreditNoteController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Credit notes, latest first: a member's, or matching a credit note or invoice number")
    CreditNoteList list(@RequestParam(required = false) UUID memberId, @RequestParam(required = false) String number,
                        @RequestParam(required = false, defaultValue = "100") int limit, Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        CreditNoteList notes = queries.query(new ListCreditNotes(caller.organization(), memberId, number, limit),
                CreditNoteList.class).join();
        return new CreditNoteList(notes.items().stream().filter(note -> caller.sees(note.siteId())).toList());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A credit note: its number, the invoice it corrects, the lines and amounts it gives back")
    CreditNoteView get(@PathVariable UUID id, Caller caller) {
        return queries.query(new FindCreditNote(caller.organization(), id),
                        ResponseTypes.optionalInstanceOf(CreditNoteView.class)).join()
                .filter(note -> caller.sees(note.siteId()))
                .orElseThrow(() -> NotFoundException.of("credit-note", id));
    }
}
