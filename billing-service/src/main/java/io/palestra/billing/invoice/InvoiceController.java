package io.palestra.billing.invoice;

import io.palestra.billing.invoice.InvoiceMessages.AddLine;
import io.palestra.billing.invoice.InvoiceMessages.CancelPayment;
import io.palestra.billing.invoice.InvoiceMessages.CollectNow;
import io.palestra.billing.invoice.InvoiceMessages.GiveDiscount;
import io.palestra.billing.invoice.InvoiceMessages.IssueCreditNote;
import io.palestra.billing.invoice.InvoiceMessages.IssueInvoice;
import io.palestra.billing.invoice.InvoiceMessages.OpenInvoice;
import io.palestra.billing.invoice.InvoiceMessages.RecordPayment;
import io.palestra.billing.invoice.InvoiceMessages.RecordRefund;
import io.palestra.billing.invoice.InvoiceMessages.RemoveLine;
import io.palestra.billing.invoice.InvoiceQueries.FindInvoice;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceList;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.EXPORTERS;
import static io.palestra.billing.BillingRoles.SELLERS;
import static io.palestra.billing.BillingRoles.MANAGERS;
import static io.palestra.billing.BillingRoles.READERS;

/**
 * Invoices: the cart (a draft taking lines and discounts), its issue under a gapless number, payments by one method or
 * several and their cancellation, and the invoices of a member or of the organisation.
 */
@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices")
class InvoiceController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Organizations organizations;
    private final InvoiceDesk desk;
    private final InvoiceParties parties;
    private final InvoiceDocument document;
    private final InvoiceLists lists;
    private final PaymentMethods methods;
    private final Clock clock;

    InvoiceController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites,
                      Organizations organizations, InvoiceDesk desk, InvoiceParties parties,
                      InvoiceDocument document, InvoiceLists lists, PaymentMethods methods, Clock clock) {
        this.methods = methods;
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.organizations = organizations;
        this.desk = desk;
        this.parties = parties;
        this.document = document;
        this.lists = lists;
        this.clock = clock;
    }

    /** @param memberId who the cart is for; a household member's is billed to the household's holder */
    record CartRequest(@NotNull UUID siteId, @NotNull UUID memberId) {
    }

    /**
     * @param reference   the offer (a pack's plan) or shop item sold
     * @param unitPrice   VAT included; for an offer, the catalog's price is used
     * @param vatRate     percent, e.g. 20.0; for an offer, the catalog's
     * @param startsOn    a pack's first day, when it starts on a chosen date
     * @param beneficiaryId the household member it is for, when not the buyer
     */
    record LineRequest(@NotNull @Schema(example = "class-pack") String kind, UUID reference,
                       @Size(max = 300) String description, Integer quantity, Money unitPrice,
                       @Schema(type = "string", example = "20.0") BigDecimal vatRate, Discount discount,
                       LocalDate startsOn, UUID beneficiaryId) {
    }

    record IssueRequest(LocalDate invoiceDate, LocalDate dueOn) {
    }

    /**
     * @param method        cash, card-terminal, cheque, transfer, direct-debit, card, wallet, gift-card, scholarship,
     *                      other, or a name
     * @param scholarshipId the financial aid paying, for method scholarship
     */
    record PaymentRequest(@NotNull @Size(max = 40) String method, @NotNull Money amount,
                          @Size(max = 200) String reference, UUID scholarshipId) {
    }

    record CancelPaymentRequest(@NotNull @Size(min = 1, max = 500) String reason) {
    }

    @PostMapping
    @PreAuthorize(SELLERS)
    @Operation(summary = "Open a cart (a draft invoice) for a member at a site",
            description = "Lines and discounts are added to it until it is issued. A member of a household is billed "
                    + "to its holder (memberId reads the holder, beneficiaryId the member, and each line is for the "
                    + "member unless it names another beneficiary).")
    ResponseEntity<InvoiceView> open(@Valid @RequestBody CartRequest request, Caller caller) {
        UUID siteId = organizations.managedSite(caller, request.siteId());
        UUID invoiceId = UUID.randomUUID();
        UUID payer = parties.payer(caller.organization(), request.memberId());
        commands.sendAndWait(new OpenInvoice(invoiceId, caller.organization(), siteId, payer,
                payer.equals(request.memberId()) ? null : request.memberId(), caller.subject(), clock.instant()));
        InvoiceView invoice = afterChange(caller, invoiceId);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + invoiceId))
                .eTag(Versions.etag(invoice.version())).body(invoice);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Invoices, latest first: a member's, by number, by status, by invoice date, by site",
            description = "status: draft, issued, partially-paid, paid, overdue (the overdue list), cancelled. number "
                    + "matches part of a number. The failed-payment list is GET /api/v1/payments/failed.")
    InvoiceList list(@RequestParam(required = false) UUID memberId, @RequestParam(required = false) String number,
                     @RequestParam(required = false) String status, @RequestParam(required = false) UUID siteId,
                     @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                     @RequestParam(required = false, defaultValue = "100") int limit, Caller caller) {
        return lists.list(caller, lists.filter(caller, siteId, memberId, number, status, from, to, false), limit);
    }

    @GetMapping("/export")
    @PreAuthorize(EXPORTERS)
    @Operation(summary = "Export the filtered invoice list (e.g. status=overdue) as CSV or XLSX",
            description = "The list's filters apply; every matching invoice, latest first, streamed.")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) UUID memberId,
                                                 @RequestParam(required = false) String number,
                                                 @RequestParam(required = false) String status,
                                                 @RequestParam(required = false) UUID siteId,
                                                 @RequestParam(required = false) LocalDate from,
                                                 @RequestParam(required = false) LocalDate to,
                                                 @RequestParam(defaultValue = "csv") String format, Caller caller) {
        return lists.export(caller, "invoices", lists.filter(caller, siteId, memberId, number, status, from, to,
                false), format);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "An invoice: its lines, totals with the VAT per rate, payments and what is left to pay")
    ResponseEntity<InvoiceView> get(@PathVariable UUID id, Caller caller) {
        InvoiceView invoice = visible(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(invoice.version())).body(invoice);
    }

    @GetMapping("/{id}/pdf")
    @PreAuthorize(READERS)
    @Operation(summary = "An issued invoice as a PDF: the same document every time it is downloaded",
            description = "The seller and buyer it was issued with, its lines, the VAT per rate and the totals; "
                    + "payments are not part of it. 422 invoice-not-issued for a cart.")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, Caller caller) {
        InvoiceView invoice = visible(caller, id);
        byte[] pdf = document.pdf(invoice);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + invoice.number() + ".pdf\"")
                .eTag("\"" + invoice.number() + "\"").body(pdf);
    }

    @PostMapping("/{id}/lines")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Add a line to a cart: a class or appointment pack of the catalog, a single session, a shop "
            + "item or any other sale",
            description = "A pack is priced from subscription-service's catalog (its price and VAT rate; "
                    + "422 unknown-offer, offer-retired, offer-not-valid-at-site). Memberships are sold by "
                    + "subscribing in subscription-service (422 sold-by-subscribing). A shop item with a product as "
                    + "reference takes its name, price and VAT rate (422 unknown-product, product-retired, "
                    + "out-of-stock). 422 invoice-issued once "
                    + "issued.")
    ResponseEntity<InvoiceView> addLine(@PathVariable UUID id, @Valid @RequestBody LineRequest request,
                                        Caller caller) {
        InvoiceView invoice = visible(caller, id);
        InvoiceLine line = desk.priced(caller.organization(), invoice.siteId(), new InvoiceLine(UUID.randomUUID(),
                request.kind(), request.reference(), request.description(), request.quantity() == null ? 1
                : request.quantity(), request.unitPrice(), request.vatRate(), request.discount(), request.startsOn(),
                request.beneficiaryId() == null ? invoice.beneficiaryId() : request.beneficiaryId()));
        commands.sendAndWait(new AddLine(id, line, caller.subject(), clock.instant()));
        InvoiceView after = afterChange(caller, id);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(after.version())).body(after);
    }

    @DeleteMapping("/{id}/lines/{lineId}")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Remove a line from a cart (the bin icon)")
    InvoiceView removeLine(@PathVariable UUID id, @PathVariable UUID lineId, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new RemoveLine(id, lineId, caller.subject(), clock.instant()));
        return afterChange(caller, id);
    }

    @PutMapping("/{id}/discount")
    @PreAuthorize(SELLERS)
    @Operation(summary = "A discount on the whole cart: an amount or a percent, with its reason",
            description = "Shared between the lines in proportion for the VAT breakdown (see docs/billing.md).")
    InvoiceView discount(@PathVariable UUID id, @Valid @RequestBody Discount discount, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new GiveDiscount(id, null, discount, caller.subject(), clock.instant()));
        return afterChange(caller, id);
    }

    @DeleteMapping("/{id}/discount")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Remove the whole-cart discount")
    InvoiceView removeDiscount(@PathVariable UUID id, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new GiveDiscount(id, null, null, caller.subject(), clock.instant()));
        return afterChange(caller, id);
    }

    @PutMapping("/{id}/lines/{lineId}/discount")
    @PreAuthorize(SELLERS)
    @Operation(summary = "A discount on one line: an amount or a percent, with its reason")
    InvoiceView lineDiscount(@PathVariable UUID id, @PathVariable UUID lineId, @Valid @RequestBody Discount discount,
                             Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new GiveDiscount(id, lineId, discount, caller.subject(), clock.instant()));
        return afterChange(caller, id);
    }

    record PromotionRequest(@NotNull @Size(max = 40) String code) {
    }

    @PutMapping("/{id}/promotion")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Use a promotion code on a cart (saisir une promotion)",
            description = "Its discount goes on each line selling what the code applies to and not discounted yet, "
                    + "or on the whole cart for a code that applies to everything. The cart counts as one use of the "
                    + "code until the code is removed. 422 unknown-promotion, promotion-retired, "
                    + "promotion-not-started, promotion-expired, promotion-used-up, promotion-not-applicable, "
                    + "promotion-already-applied.")
    InvoiceView promotion(@PathVariable UUID id, @Valid @RequestBody PromotionRequest request, Caller caller) {
        desk.applyPromotion(caller.organization(), visible(caller, id), request.code(), today(caller),
                caller.subject(), clock.instant());
        return afterChange(caller, id);
    }

    @DeleteMapping("/{id}/promotion")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Take the promotion code off a cart, and its discounts with it")
    InvoiceView removePromotion(@PathVariable UUID id, Caller caller) {
        desk.removePromotion(visible(caller, id), caller.subject(), clock.instant());
        return afterChange(caller, id);
    }

    @PostMapping("/{id}/issue")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Issue the cart: it gets the organisation's next number and never changes again",
            description = "Numbers are gapless and in issuing order per organisation (F-000001, F-000002...). "
                    + "invoiceDate may be earlier than today, for a sale recorded late (never later); dueOn "
                    + "defaults to the invoice date. 422 invoice-empty.")
    InvoiceView issue(@PathVariable UUID id, @Valid @RequestBody(required = false) IssueRequest request,
                      Caller caller) {
        visible(caller, id);
        IssueRequest asked = request == null ? new IssueRequest(null, null) : request;
        commands.sendAndWait(new IssueInvoice(id, asked.invoiceDate(), asked.dueOn(), caller.subject(),
                clock.instant()));
        return afterChange(caller, id);
    }

    @PostMapping("/{id}/payments")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Record a payment (encaisser): one method at a time, as many as it takes",
            description = "A payment beyond what is left to pay settles the invoice and the rest is credited to the "
                    + "member's account (credited). Method wallet pays from the member's account, at most what is "
                    + "left to pay and what the account holds (422 amount-exceeds-balance, insufficient-balance). "
                    + "Method scholarship pays with the financial aid scholarshipId, for eligible purchases (422 "
                    + "scholarship-exceeded, scholarship-expired, scholarship-not-applicable...). "
                    + "422 invoice-not-issued, invoice-paid, wrong-currency.")
    ResponseEntity<InvoiceView> pay(@PathVariable UUID id, @Valid @RequestBody PaymentRequest request,
                                    Caller caller) {
        methods.require(caller.organization(), request.method(), "method");
        String reference = request.reference();
        if (PaymentMethods.SCHOLARSHIP.equals(request.method())) {
            if (request.scholarshipId() == null) {
                throw InvalidInputException.of("scholarshipId", "is needed to pay with financial aid");
            }
            reference = request.scholarshipId().toString();
        }
        desk.pay(caller.organization(), visible(caller, id), new RecordPayment(id, UUID.randomUUID(),
                request.method(), request.amount(), reference, caller.subject(), clock.instant()), today(caller));
        InvoiceView after = afterChange(caller, id);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(after.version())).body(after);
    }

    /** @param paymentReference a new mandate or card reference the member gave, or none to use the same */
    record CollectRequest(@Size(max = 100) String paymentReference) {
    }

    @PostMapping("/{id}/collection")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Try collecting an installment's invoice now (relancer), by its direct debit or card",
            description = "Without waiting for the dunning plan's next attempt, with a new mandate or card when given. "
                    + "The attempt's outcome arrives a moment later (the invoice's collection, InvoicePaid or "
                    + "PaymentFailed). 422 nothing-to-collect, not-collected-automatically, collection-in-progress.")
    ResponseEntity<InvoiceView> collect(@PathVariable UUID id, @Valid @RequestBody(required = false)
                                        CollectRequest request, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new CollectNow(id, request == null ? null : request.paymentReference(),
                caller.subject(), clock.instant()));
        return ResponseEntity.accepted().body(afterChange(caller, id));
    }

    /** @param lineIds the lines to credit; none: every line not credited yet (the invoice is cancelled) */
    record CreditNoteRequest(List<UUID> lineIds, @NotNull @Size(min = 1, max = 500) String reason) {
    }

    /** @param method how the money goes back: as it was paid (card-terminal, transfer, cash...) or wallet */
    record RefundRequest(@NotNull @Size(max = 40) String method, @NotNull Money amount, @Size(max = 500) String reason) {
    }

    @PostMapping("/{id}/credit-notes")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Issue a credit note (avoir) for some lines, or for the whole invoice (cancelling it)",
            description = "The only way to correct what was issued. It takes the organisation's next credit note number "
                    + "(AV-000001...) and gives back the lines' totals with their share of an invoice discount; "
                    + "what was paid beyond what is now due can then be refunded (refundable). A credited pack "
                    + "cancels the passes it sold. 422 invoice-credited, line-credited. Managers only.")
    ResponseEntity<InvoiceView> creditNote(@PathVariable UUID id, @Valid @RequestBody CreditNoteRequest request,
                                           Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new IssueCreditNote(id, UUID.randomUUID(), request.lineIds(), request.reason(),
                caller.subject(), clock.instant()));
        InvoiceView after = afterChange(caller, id);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(after.version())).body(after);
    }

    @PostMapping("/{id}/refunds")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Refund (rembourser) what was paid beyond what is due after credit notes",
            description = "At most the invoice's refundable amount (422 refund-exceeds). Managers only.")
    ResponseEntity<InvoiceView> refund(@PathVariable UUID id, @Valid @RequestBody RefundRequest request,
                                       Caller caller) {
        visible(caller, id);
        methods.require(caller.organization(), request.method(), "method");
        commands.sendAndWait(new RecordRefund(id, UUID.randomUUID(), request.method(), request.amount(),
                request.reason(), caller.subject(), clock.instant()));
        InvoiceView after = afterChange(caller, id);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(after.version())).body(after);
    }

    @PostMapping("/{id}/payments/{paymentId}/cancellation")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Cancel a payment (annuler), with why: what it paid is due again",
            description = "The invoice stays issued; to undo the sale itself, issue a credit note. A wallet payment "
                    + "goes back to the member's account; the credit a payment left on the account is taken back "
                    + "(422 credit-spent when the account no longer holds it). Managers only.")
    InvoiceView cancelPayment(@PathVariable UUID id, @PathVariable UUID paymentId,
                              @Valid @RequestBody CancelPaymentRequest request, Caller caller) {
        desk.cancelPayment(caller.organization(), visible(caller, id), new CancelPayment(id, paymentId,
                request.reason(), caller.subject(), clock.instant()));
        return afterChange(caller, id);
    }

    private LocalDate today(Caller caller) {
        return organizations.today(caller.organization(), null, clock);
    }

    private InvoiceView visible(Caller caller, UUID id) {
        InvoiceView invoice = queries.query(new FindInvoice(caller.organization(), id, today(caller)),
                ResponseTypes.optionalInstanceOf(InvoiceView.class)).join()
                .orElseThrow(() -> NotFoundException.of("invoice", id));
        if (!caller.sees(invoice.siteId())) {
            throw NotFoundException.of("invoice", id);
        }
        return invoice;
    }

    private InvoiceView afterChange(Caller caller, UUID id) {
        readYourWrites.await(InvoiceDirectory.GROUP, id.toString());
        return visible(caller, id);
    }
}
