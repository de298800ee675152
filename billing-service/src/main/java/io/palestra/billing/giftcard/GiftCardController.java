package io.palestra.billing.giftcard;

import io.palestra.billing.giftcard.GiftCardDirectory.GiftCardList;
import io.palestra.billing.giftcard.GiftCardDirectory.GiftCardView;
import io.palestra.billing.giftcard.GiftCardMessages.ActivateGiftCard;
import io.palestra.billing.giftcard.GiftCardMessages.SendGiftCard;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.organization.Organizations;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.SELLERS;
import static io.palestra.billing.BillingRoles.READERS;

/**
 * Gift cards (cartes cadeaux): sold as an invoice line of kind {@code gift-card}, one card per unit, each with a
 * generated code; put once on a member's account, where it pays invoices (method wallet).
 */
@RestController
@RequestMapping("/api/v1/gift-cards")
@Tag(name = "Gift cards")
class GiftCardController {

    private static final Set<String> STATUSES = Set.of("unused", "used", "expired", "cancelled");

    private final CommandGateway commands;
    private final GiftCardDirectory directory;
    private final ReadYourWrites readYourWrites;
    private final Organizations organizations;
    private final Clock clock;

    GiftCardController(CommandGateway commands, GiftCardDirectory directory, ReadYourWrites readYourWrites,
                       Organizations organizations, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.readYourWrites = readYourWrites;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** @param memberId whose account the card goes on; @param siteId where (the desk's site) */
    record ActivationRequest(@NotNull @Size(max = 40) String code, @NotNull UUID memberId, @NotNull UUID siteId) {
    }

    /** @param recipientEmail where to send it; absent: to the buyer */
    record SendingRequest(@Size(max = 254) String recipientEmail) {
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Gift cards, latest first: by code, by status (unused, used, expired, cancelled), by the "
            + "invoice that sold them or by buyer", description = "With code, the one card with that code (its "
            + "balance: what it can still put on an account).")
    GiftCardList list(@RequestParam(required = false) String code, @RequestParam(required = false) String status,
                      @RequestParam(required = false) UUID invoiceId, @RequestParam(required = false) UUID buyerId,
                      @RequestParam(required = false, defaultValue = "100") int limit, Caller caller) {
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidInputException.of("status", "must be unused, used, expired or cancelled");
        }
        if (limit < 1 || limit > 500) {
            throw InvalidInputException.of("limit", "must be between 1 and 500");
        }
        if (code != null) {
            return new GiftCardList(directory.byCode(caller.organization(), code, today(caller)).stream().toList());
        }
        return directory.list(caller.organization(), status, invoiceId, buyerId, today(caller), limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A gift card")
    GiftCardView get(@PathVariable UUID id, Caller caller) {
        return visible(caller, id);
    }

    @PostMapping("/activation")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Put a gift card on a member's account (activer une carte cadeau)",
            description = "Its whole amount is credited to the account once (cause gift-card), where it pays invoices "
                    + "with method wallet. 404 for an unknown code; 422 gift-card-used, gift-card-expired, "
                    + "gift-card-cancelled.")
    GiftCardView activate(@Valid @RequestBody ActivationRequest request, Caller caller) {
        UUID siteId = organizations.managedSite(caller, request.siteId());
        GiftCardView card = directory.byCode(caller.organization(), request.code(), today(caller))
                .orElseThrow(() -> NotFoundException.of("gift-card", request.code().strip()));
        commands.sendAndWait(new ActivateGiftCard(card.giftCardId(), request.memberId(), siteId, today(caller),
                caller.subject(), clock.instant()));
        return afterChange(caller, card.giftCardId());
    }

    @PostMapping("/{id}/sending")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Send an unused gift card again by e-mail (renvoyer)",
            description = "Publishes GiftCardSent for the mailer. 422 gift-card-used, gift-card-expired, "
                    + "gift-card-cancelled.")
    ResponseEntity<GiftCardView> send(@PathVariable UUID id, @Valid @RequestBody(required = false)
                                      SendingRequest request, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new SendGiftCard(id, request == null ? null : request.recipientEmail(), today(caller),
                caller.subject(), clock.instant()));
        return ResponseEntity.accepted().body(afterChange(caller, id));
    }

    private LocalDate today(Caller caller) {
        return organizations.today(caller.organization(), null, clock);
    }

    private GiftCardView visible(Caller caller, UUID id) {
        return directory.one(caller.organization(), id, today(caller))
                .orElseThrow(() -> NotFoundException.of("gift-card", id));
    }

    private GiftCardView afterChange(Caller caller, UUID id) {
        readYourWrites.await(GiftCardDirectory.GROUP, id.toString());
        return visible(caller, id);
    }
}
