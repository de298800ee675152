package io.palestra.billing.mandate;

import io.palestra.billing.mandate.MandateDirectory.MandateView;
import io.palestra.billing.mandate.MandateDirectory.MemberMandatesView;
import io.palestra.billing.mandate.MandateMessages.RecordMandate;
import io.palestra.billing.mandate.MandateMessages.RequestMandate;
import io.palestra.billing.mandate.MandateMessages.RevokeMandate;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.READERS;
import static io.palestra.billing.BillingRoles.SELLERS;

/**
 * A member's SEPA direct-debit mandates: recorded at the desk from the signed form, asked for by e-mail, revoked. A
 * recorded mandate is published, so subscription-service gives its reference to the member's direct-debit
 * subscriptions that were waiting for one ("needs mandate"); a revoked one takes it back.
 */
@RestController
@RequestMapping("/api/v1/accounts/{memberId}")
@Tag(name = "Accounts")
class MandateController {

    private final CommandGateway commands;
    private final MandateDirectory mandates;
    private final ReadYourWrites readYourWrites;
    private final Organizations organizations;
    private final Clock clock;

    MandateController(CommandGateway commands, MandateDirectory mandates, ReadYourWrites readYourWrites,
                      Organizations organizations, Clock clock) {
        this.commands = commands;
        this.mandates = mandates;
        this.readYourWrites = readYourWrites;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * @param reference the reference (RUM) printed on a paper form; absent: billing makes one, e.g.
     *                  {@code RUM-2026-7KQ4M2XP}
     * @param holder    the account holder's name, when not the member
     */
    record MandateRequest(@NotNull @Size(max = 50) @Schema(example = "FR76 3000 6000 0112 3456 7890 189") String iban,
                          @Size(max = 15) String bic, @Size(max = 200) String holder, @Size(max = 35) String reference,
                          @NotNull LocalDate signedOn) {
    }

    record RevocationRequest(@NotNull @Size(min = 1, max = 500) String reason) {
    }

    /** @param siteId the site asking, whose details the e-mail may show */
    record SignatureRequest(UUID siteId) {
    }

    @GetMapping("/mandates")
    @PreAuthorize(READERS)
    @Operation(summary = "A member's direct-debit mandates, latest first, and when one was last asked for",
            description = "The IBAN is masked but for its country, check digits and last four characters.")
    MemberMandatesView list(@PathVariable UUID memberId, Caller caller) {
        return mandates.of(caller.organization(), memberId);
    }

    @PostMapping("/mandates")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Record a signed SEPA direct-debit mandate (mandat de prélèvement)",
            description = "The IBAN is checked (country, length, format, check digits) and so is the BIC when "
                    + "given; 400 otherwise, or for a signature date in the future. 422 mandate-reference-used when "
                    + "another mandate of the member has the reference. The member's direct-debit subscriptions "
                    + "waiting for a mandate take its reference.")
    ResponseEntity<MandateView> record(@PathVariable UUID memberId, @Valid @RequestBody MandateRequest request,
                                       Caller caller) {
        UUID organization = caller.organization();
        UUID holder = MandateMessages.mandatesOf(organization, memberId);
        UUID mandateId = UUID.randomUUID();
        commands.sendAndWait(new RecordMandate(holder, organization, memberId, mandateId, request.iban(),
                request.bic(), request.holder(), request.reference(), request.signedOn(),
                organizations.today(organization, null, clock), caller.subject(), clock.instant()));
        readYourWrites.await(MandateDirectory.GROUP, holder.toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(mandates.find(organization, memberId, mandateId)
                .orElseThrow());
    }

    @PostMapping("/mandates/{mandateId}/revocation")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Revoke a mandate: its subscriptions need a new one",
            description = "404 for another member's mandate; 422 mandate-revoked when it already is.")
    MandateView revoke(@PathVariable UUID memberId, @PathVariable UUID mandateId,
                       @Valid @RequestBody RevocationRequest request, Caller caller) {
        UUID organization = caller.organization();
        UUID holder = MandateMessages.mandatesOf(organization, memberId);
        mandates.find(organization, memberId, mandateId).orElseThrow(() -> NotFoundException.of("mandate",
                mandateId));
        commands.sendAndWait(new RevokeMandate(holder, mandateId, request.reason(), caller.subject(),
                clock.instant()));
        readYourWrites.await(MandateDirectory.GROUP, holder.toString());
        return mandates.find(organization, memberId, mandateId).orElseThrow();
    }

    @PostMapping("/mandate-requests")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Ask the member by e-mail to sign a direct-debit mandate (demander un mandat)",
            description = "Published as MandateRequested for the mailer; answered 202 with when it was asked.")
    ResponseEntity<MemberMandatesView> request(@PathVariable UUID memberId,
                                               @Valid @RequestBody(required = false) SignatureRequest request,
                                               Caller caller) {
        UUID organization = caller.organization();
        UUID siteId = request == null || request.siteId() == null ? null
                : organizations.managedSite(caller, request.siteId());
        UUID holder = MandateMessages.mandatesOf(organization, memberId);
        commands.sendAndWait(new RequestMandate(holder, organization, memberId, siteId, caller.subject(),
                clock.instant()));
        readYourWrites.await(MandateDirectory.GROUP, holder.toString());
        return ResponseEntity.accepted().body(mandates.of(organization, memberId));
    }
}
