package io.palestra.billing.promotion;

import io.palestra.billing.invoice.Discount;
import io.palestra.billing.promotion.PromotionDirectory.PromotionList;
import io.palestra.billing.promotion.PromotionDirectory.PromotionView;
import io.palestra.billing.promotion.PromotionMessages.ChangePromotion;
import io.palestra.billing.promotion.PromotionMessages.CreatePromotion;
import io.palestra.billing.promotion.PromotionMessages.RetirePromotion;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.axon.StoredAggregates;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.Versions;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.MANAGERS;
import static io.palestra.billing.BillingRoles.READERS;

/** Promotion codes (codes promo): what they take off, when, how many times and on which offers and items. */
@RestController
@RequestMapping("/api/v1/promotions")
@Tag(name = "Promotions")
class PromotionController {


    private final CommandGateway commands;
    private final PromotionDirectory directory;
    private final ReadYourWrites readYourWrites;
    private final StoredAggregates stored;
    private final Clock clock;

    PromotionController(CommandGateway commands, PromotionDirectory directory, ReadYourWrites readYourWrites,
                        StoredAggregates stored, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.readYourWrites = readYourWrites;
        this.stored = stored;
        this.clock = clock;
    }

    /**
     * @param code      what the member or the desk types, 3 to 40 letters, digits, - or _ (kept in upper case)
     * @param discount  an amount or a percent off, with the reason printed on the invoice (default: "Code X")
     * @param maxUses   how many carts can use it in all; absent: no limit
     * @param appliesTo pack plans and shop items it applies to (a discount on each such line); empty: the whole cart
     */
    record PromotionRequest(@NotNull @Size(max = 40) String code, @NotNull @Size(max = 200) String name,
                            @NotNull Discount discount, LocalDate validFrom, LocalDate validUntil, Integer maxUses,
                            List<UUID> appliesTo) {
    }

    record ChangeRequest(@NotNull @Size(max = 200) String name, LocalDate validFrom, LocalDate validUntil,
                         Integer maxUses) {
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Create a promotion code", description = "A code is unique in the organisation, whatever its "
            + "case (422 promotion-code-taken). Used on a cart with PUT /api/v1/invoices/{id}/promotion.")
    ResponseEntity<PromotionView> create(@Valid @RequestBody PromotionRequest request, Caller caller) {
        UUID promotionId = PromotionMessages.promotionOf(caller.organization(), request.code());
        if (stored.exists(promotionId)) {
            throw new RuleViolationException("promotion-code-taken", "Code "
                    + PromotionMessages.normalized(request.code()) + " exists already.");
        }
        commands.sendAndWait(new CreatePromotion(promotionId, caller.organization(), request.code(), request.name(),
                request.discount(), request.validFrom(), request.validUntil(), request.maxUses(), request.appliesTo(),
                caller.subject(), clock.instant()));
        PromotionView promotion = afterChange(caller, promotionId);
        return ResponseEntity.created(URI.create("/api/v1/promotions/" + promotionId))
                .eTag(Versions.etag(promotion.version())).body(promotion);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Promotion codes by code; q searches codes and names, validOn keeps those valid that day")
    PromotionList list(@RequestParam(required = false) String q, @RequestParam(required = false) LocalDate validOn,
                       @RequestParam(required = false, defaultValue = "false") boolean includeRetired,
                       @RequestParam(required = false, defaultValue = "200") int limit, Caller caller) {
        if (limit < 1 || limit > 1000) {
            throw InvalidInputException.of("limit", "must be between 1 and 1000");
        }
        return directory.list(caller.organization(), q, validOn, includeRetired, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A promotion code, with the carts and invoices using it")
    ResponseEntity<PromotionView> get(@PathVariable UUID id, Caller caller) {
        PromotionView promotion = visible(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(promotion.version())).body(promotion);
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change a code's name, dates or usage limit",
            description = "What it takes off and on what stay as announced: create another code for that. Carts "
                    + "already using it keep it.")
    PromotionView change(@PathVariable UUID id, @Valid @RequestBody ChangeRequest request, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new ChangePromotion(id, request.name(), request.validFrom(), request.validUntil(),
                request.maxUses(), caller.subject(), clock.instant()));
        return afterChange(caller, id);
    }

    @PostMapping("/{id}/retirement")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Stop a code: no cart can use it any more (422 promotion-retired)")
    PromotionView retire(@PathVariable UUID id, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new RetirePromotion(id, caller.subject(), clock.instant()));
        return afterChange(caller, id);
    }

    private PromotionView visible(Caller caller, UUID id) {
        return directory.one(caller.organization(), id).orElseThrow(() -> NotFoundException.of("promotion", id));
    }

    private PromotionView afterChange(Caller caller, UUID id) {
        readYourWrites.await(PromotionDirectory.GROUP, id.toString());
        return visible(caller, id);
    }
}
