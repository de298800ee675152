package io.palestra.subscription.catalog;

import io.palestra.platform.money.Money;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.Versions;
import io.palestra.subscription.catalog.PlanMessages.ChangePlanPrice;
import io.palestra.subscription.catalog.PlanMessages.DefinePlan;
import io.palestra.subscription.catalog.PlanMessages.PublishPlan;
import io.palestra.subscription.catalog.PlanMessages.RetirePlan;
import io.palestra.subscription.catalog.PlanMessages.RevisePlan;
import io.palestra.subscription.catalog.PlanQueries.FindPlan;
import io.palestra.subscription.catalog.PlanQueries.ListPlans;
import io.palestra.subscription.catalog.PlanQueries.PlanList;
import io.palestra.subscription.catalog.PlanQueries.PlanView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** The offer catalog: membership plans and packs of class or appointment credits, drafted, published, retired. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans")
class PlanController {

    private static final String EDITORS = "hasAnyRole('OWNER', 'MANAGER')";
    private static final String READERS =
            "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'COACH', 'INTEGRATION', 'ANALYST')";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    PlanController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    record DefinePlanRequest(@NotNull PlanKind kind, @NotNull PlanTerms terms) {
    }

    record RevisePlanRequest(@NotNull PlanTerms terms) {
    }

    record PriceChangeRequest(@NotNull Money price, Map<String, Money> categoryPrices,
                              Boolean existingSubscribersToo) {
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    @Operation(summary = "Draft an offer: a membership plan, a class pack or an appointment pack",
            description = "Prices in the organisation's currency; sites among its sites (none: every site). A "
                    + "membership needs a period; a pack needs validityDays or validUntil, and an activation.")
    ResponseEntity<PlanView> define(@Valid @RequestBody DefinePlanRequest request, Caller caller) {
        UUID planId = UUID.randomUUID();
        commands.sendAndWait(new DefinePlan(planId, caller.organization(), request.kind(), request.terms()));
        PlanView plan = afterChange(caller, planId);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + planId)).eTag(Versions.etag(plan.version()))
                .body(plan);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The catalog, by name; filter by kind, status (draft, published, retired) and site")
    PlanList list(@RequestParam(required = false) String kind,
                  @RequestParam(required = false) @Pattern(regexp = "draft|published|retired",
                          message = "must be draft, published or retired") String status,
                  @RequestParam(required = false) UUID siteId, Caller caller) {
        PlanKind wanted;
        try {
            wanted = kind == null ? null : PlanKind.of(kind);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("kind", e.getMessage());
        }
        return queries.query(new ListPlans(caller.organization(), wanted, status, siteId), PlanList.class).join();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "An offer with its terms")
    ResponseEntity<PlanView> get(@PathVariable UUID id, Caller caller) {
        PlanView plan = visible(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(plan);
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Revise a draft's terms (If-Match honoured)")
    ResponseEntity<PlanView> revise(@PathVariable UUID id, @Valid @RequestBody RevisePlanRequest request,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    Caller caller) {
        return change(caller, id, new RevisePlan(id, request.terms(), Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/publication")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Put a draft on sale, at its terms")
    ResponseEntity<PlanView> publish(@PathVariable UUID id, Caller caller) {
        return change(caller, id, new PublishPlan(id, clock.instant()));
    }

    @PostMapping("/{id}/price-change")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Change a published offer's prices for new sales",
            description = "Existing subscribers keep the price they subscribed at, unless existingSubscribersToo: "
                    + "then their next installments use the new prices. categoryPrices replaces them whole.")
    ResponseEntity<PlanView> changePrice(@PathVariable UUID id, @Valid @RequestBody PriceChangeRequest request,
                                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                         Caller caller) {
        return change(caller, id, new ChangePlanPrice(id, request.price(), request.categoryPrices() == null ? Map.of()
                : request.categoryPrices(), Boolean.TRUE.equals(request.existingSubscribersToo()),
                Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/retirement")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Stop selling an offer; what was sold stays valid")
    ResponseEntity<PlanView> retire(@PathVariable UUID id, Caller caller) {
        return change(caller, id, new RetirePlan(id, clock.instant()));
    }

    private PlanView visible(Caller caller, UUID id) {
        return queries.query(new FindPlan(caller.organization(), id), ResponseTypes.optionalInstanceOf(PlanView.class))
                .join().orElseThrow(() -> NotFoundException.of("plan", id));
    }

    /** Sends a command about an offer the caller sees, and answers with the offer as it then is. */
    private ResponseEntity<PlanView> change(Caller caller, UUID id, Object command) {
        visible(caller, id);
        commands.sendAndWait(command);
        return answer(caller, id);
    }

    private ResponseEntity<PlanView> answer(Caller caller, UUID id) {
        PlanView plan = afterChange(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(plan);
    }

    private PlanView afterChange(Caller caller, UUID id) {
        readYourWrites.await(PlanDirectory.GROUP, id.toString());
        return visible(caller, id);
    }
}
