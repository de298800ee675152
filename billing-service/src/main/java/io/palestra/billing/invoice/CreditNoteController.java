package io.palestra.billing.invoice;

import io.palestra.billing.invoice.InvoiceQueries.CreditNoteList;
import io.palestra.billing.invoice.InvoiceQueries.CreditNoteView;
import io.palestra.billing.invoice.InvoiceQueries.FindCreditNote;
import io.palestra.billing.invoice.InvoiceQueries.ListCreditNotes;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.TableExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.EXPORTERS;
import static io.palestra.billing.BillingRoles.READERS;

/** Credit notes (avoirs) on their own: a member's, or found by their number or their invoice's. */
@RestController
@RequestMapping("/api/v1/credit-notes")
@Tag(name = "Invoices")
class CreditNoteController {

    private static final List<String> EXPORT_HEADER = List.of("creditNoteId", "number", "invoiceId",
            "invoiceNumber", "memberId", "siteId", "currency", "total", "whole", "reason", "issuedBy", "issuedAt");

    private final QueryGateway queries;
    private final Organizations organizations;
    private final Clock clock;

    CreditNoteController(QueryGateway queries, Organizations organizations, Clock clock) {
        this.queries = queries;
        this.organizations = organizations;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Credit notes, latest first: a member's, or matching a credit note or invoice number")
    CreditNoteList list(@RequestParam(required = false) UUID memberId, @RequestParam(required = false) String number,
                        @RequestParam(required = false, defaultValue = "100") int limit, Caller caller) {
        if (limit < 1 || limit > InvoiceLists.MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + InvoiceLists.MAX_LIMIT);
        }
        return visible(caller, queries.query(new ListCreditNotes(caller.organization(), memberId, number, limit, 0),
                CreditNoteList.class).join());
    }

    @GetMapping("/export")
    @PreAuthorize(EXPORTERS)
    @Operation(summary = "Export the filtered credit notes as CSV or XLSX", description = "The list's filters apply; "
            + "every matching credit note, latest first, streamed.")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) UUID memberId,
                                                 @RequestParam(required = false) String number,
                                                 @RequestParam(defaultValue = "csv") String format, Caller caller) {
        TableExport.requireFormat(format);
        return TableExport.of(format, "credit-notes", organizations.today(caller.organization(), null, clock),
                EXPORT_HEADER, TableExport.paged(InvoiceLists.MAX_LIMIT, (limit, offset) -> queries.query(
                        new ListCreditNotes(caller.organization(), memberId, number, limit, offset),
                        CreditNoteList.class).join().items(), note -> caller.sees(note.siteId()),
                        note -> Arrays.asList(note.creditNoteId(), note.number(), note.invoiceId(),
                                note.invoiceNumber(), note.memberId(), note.siteId(), note.totals().total().currency(),
                                note.totals().total().amount(), note.whole(), note.reason(), note.issuedBy(),
                                note.issuedAt())));
    }

    private static CreditNoteList visible(Caller caller, CreditNoteList notes) {
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
