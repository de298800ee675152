package io.palestra.billing.collection;

import io.palestra.billing.collection.PaymentLinks.Link;
import io.palestra.billing.invoice.InvoiceQueries.FindInvoice;
import io.palestra.billing.invoice.InvoiceQueries.InvoiceView;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.SELLERS;
import static io.palestra.billing.BillingRoles.READERS;

/**
 * Payment links (lien de paiement) and the provider's notices about them: the desk makes a link for an invoice, the
 * member opens it without an account and pays by card at the provider; the provider's signed webhook records the
 * payment. Locally the built-in sandbox stands for the provider's checkout page.
 */
@RestController
@Tag(name = "Payments")
class PaymentLinkController {

    private static final Logger log = LoggerFactory.getLogger(PaymentLinkController.class);

    private final PaymentLinks links;
    private final ProviderWebhooks webhooks;
    private final SandboxProvider sandbox;
    private final QueryGateway queries;
    private final Organizations organizations;
    private final Clock clock;
    private final String baseUrl;

    PaymentLinkController(PaymentLinks links, ProviderWebhooks webhooks, SandboxProvider sandbox,
                          QueryGateway queries,
                          Organizations organizations, Clock clock,
                          @Value("${palestra.billing.payment-link-base-url}") String baseUrl) {
        this.links = links;
        this.webhooks = webhooks;
        this.sandbox = sandbox;
        this.queries = queries;
        this.organizations = organizations;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** @param amount what the link asks for; absent: what is left to pay; @param validDays 1 to 30, default 7 */
    record LinkRequest(Money amount, Integer validDays) {
    }

    /** @param url what to send the member; @param status open, paid or expired */
    record LinkView(String token, String url, UUID invoiceId, String invoiceNumber, String seller, Money amount,
                    Instant expiresAt, String status, String lastFailure, Instant paidAt) {
    }

    /** @param card the card number typed on the sandbox's page (test numbers decide the outcome, see docs) */
    record CheckoutRequest(@NotNull @Size(min = 12, max = 23) String card) {
    }

    @PostMapping("/api/v1/invoices/{id}/payment-link")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Make a payment link for an issued invoice (lien de paiement), to send to the member",
            description = "The member opens it without an account and pays by card; the provider's notice records "
                    + "the payment. 422 invoice-not-issued, invoice-paid, amount-exceeds-balance.")
    ResponseEntity<LinkView> create(@PathVariable UUID id, @Valid @RequestBody(required = false) LinkRequest request,
                                    Caller caller) {
        InvoiceView invoice = invoice(caller.organization(), id).filter(found -> caller.sees(found.siteId()))
                .orElseThrow(() -> NotFoundException.of("invoice", id));
        Link link = links.create(caller.organization(), invoice, request == null ? null : request.amount(),
                request == null ? null : request.validDays(), caller.subject(), clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(link, invoice));
    }

    @GetMapping("/api/v1/invoices/{id}/payment-link")
    @PreAuthorize(READERS)
    @Operation(summary = "The invoice's latest payment link, and whether it was paid")
    LinkView latest(@PathVariable UUID id, Caller caller) {
        InvoiceView invoice = invoice(caller.organization(), id).filter(found -> caller.sees(found.siteId()))
                .orElseThrow(() -> NotFoundException.of("invoice", id));
        return links.latest(caller.organization(), id).map(link -> view(link, invoice))
                .orElseThrow(() -> NotFoundException.of("payment-link", id));
    }

    @GetMapping("/api/v1/payments/links/{token}")
    @Operation(summary = "What a payment link asks for (opened by the member, no account needed)")
    LinkView open(@PathVariable String token) {
        Link link = link(token);
        return view(link, invoice(link.organizationId(), link.invoiceId()).orElseThrow());
    }

    @PostMapping("/api/v1/payments/links/{token}/checkout")
    @Operation(summary = "Pay a payment link on the sandbox provider's page",
            description = "Stands for the provider's hosted checkout: the sandbox decides by the card's last four "
                    + "digits (docs/billing.md) and notifies billing through its signed webhook, as a real provider "
                    + "does. 422 link-expired, link-paid.")
    ResponseEntity<LinkView> checkout(@PathVariable String token, @Valid @RequestBody CheckoutRequest request) {
        sandbox.checkout(link(token), request.card());
        Link after = link(token);
        return ResponseEntity.accepted().body(view(after, invoice(after.organizationId(), after.invoiceId())
                .orElseThrow()));
    }

    @PostMapping(value = "/api/v1/payments/webhooks/{provider}", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "A payment provider's notice (webhook), signed",
            description = "Header Palestra-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">. Applied "
                    + "once whatever how often and in which order notices arrive. 401 invalid-signature.")
    ResponseEntity<?> webhook(@PathVariable String provider,
                              @RequestHeader(value = ProviderWebhooks.SIGNATURE, required = false) String signature,
                              @RequestBody byte[] body) {
        if (!webhooks.knows(provider.toLowerCase(Locale.ROOT))) {
            throw NotFoundException.of("payment-provider", provider);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (!webhooks.verified(text, signature)) {
            log.warn("Refused a {} notice: its signature is missing, wrong or too old", provider);
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "invalid-signature",
                    "The notice's signature is missing, wrong or too old.");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        webhooks.apply(provider.toLowerCase(Locale.ROOT), text);
        return ResponseEntity.noContent().build();
    }

    private Link link(String token) {
        return links.find(token).orElseThrow(() -> NotFoundException.of("payment-link", "with this token"));
    }

    private Optional<InvoiceView> invoice(UUID organizationId, UUID invoiceId) {
        return queries.query(new FindInvoice(organizationId, invoiceId, LocalDate.now(clock.withZone(
                organizations.zone(organizationId, null)))), ResponseTypes.optionalInstanceOf(InvoiceView.class))
                .join();
    }

    private LinkView view(Link link, InvoiceView invoice) {
        return new LinkView(link.token(), baseUrl + "/api/v1/payments/links/" + link.token(), link.invoiceId(),
                invoice.number(), invoice.seller() == null ? null : invoice.seller().name(), link.amount(),
                link.expiresAt(), link.status(clock.instant()), link.lastFailure(), link.paidAt());
    }
}
