package io.palestra.subscription.pass;

import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.Versions;
import io.palestra.subscription.member.Members;
import io.palestra.subscription.pass.PassMessages.AdjustCredits;
import io.palestra.subscription.pass.PassMessages.CancelPass;
import io.palestra.subscription.pass.PassMessages.DeductCredits;
import io.palestra.subscription.pass.PassMessages.ExtendPass;
import io.palestra.subscription.pass.PassMessages.IssuePass;
import io.palestra.subscription.pass.PassQueries.FindPass;
import io.palestra.subscription.pass.PassQueries.Ledger;
import io.palestra.subscription.pass.PassQueries.ListPasses;
import io.palestra.subscription.pass.PassQueries.PassLedger;
import io.palestra.subscription.pass.PassQueries.PassList;
import io.palestra.subscription.pass.PassQueries.PassView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Passes (class and appointment cards): issue, read with their ledger, deduct, adjust, extend, cancel. */
@RestController
@RequestMapping("/api/v1/passes")
@Tag(name = "Passes")
class PassController {

    private static final String DESK = "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK')";
    private static final String MANAGERS = "hasAnyRole('OWNER', 'MANAGER')";
    private static final String READERS =
            "hasAnyRole('OWNER', 'MANAGER', 'FRONT_DESK', 'COACH', 'INTEGRATION', 'ANALYST')";
    private static final Set<String> STATUSES = Set.of("active", "used-up", "upcoming", "awaiting-first-use",
            "expired", "cancelled");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final Members members;
    private final Clock clock;

    PassController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, Members members,
                   Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.members = members;
        this.clock = clock;
    }

    record IssueRequest(@NotNull UUID memberId, @NotNull UUID planId, @NotNull @Size(max = 100) String saleReference,
                        LocalDate validFrom) {
    }

    record DeductRequest(@NotNull Integer credits, @NotNull @Size(max = 500) String reason, LocalDate attendedOn) {
    }

    record AdjustRequest(@NotNull Integer credits, @NotNull @Size(max = 500) String reason) {
    }

    record ExtendRequest(@NotNull LocalDate validUntil, @NotNull @Size(max = 500) String reason) {
    }

    record CancelRequest(@NotNull @Size(max = 500) String reason) {
    }

    @PostMapping
    @PreAuthorize(DESK)
    @Operation(summary = "Issue a pass for a sale of a class or appointment pack",
            description = "Packs sold through billing's cart are issued on their own when the invoice is issued; "
                    + "this is for a sale recorded elsewhere, with its reference. validFrom is required for a pack "
                    + "that starts on a chosen date.")
    ResponseEntity<PassView> issue(@Valid @RequestBody IssueRequest request, Caller caller) {
        UUID passId = UUID.randomUUID();
        commands.sendAndWait(new IssuePass(passId, caller.organization(), members.current(request.memberId()),
                request.planId(), request.saleReference(), request.validFrom(), caller.subject(), clock.instant()));
        PassView pass = afterChange(caller, passId);
        return ResponseEntity.created(URI.create("/api/v1/passes/" + passId)).eTag(Versions.etag(pass.version()))
                .body(pass);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Passes, by nearest expiry; a member's include the household's shared passes",
            description = "status: active, used-up (0 credits left), upcoming, awaiting-first-use, expired, "
                    + "cancelled.")
    PassList list(@RequestParam(required = false) UUID memberId, @RequestParam(required = false) String status,
                  Caller caller) {
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidInputException.of("status", "must be one of " + String.join(", ", STATUSES));
        }
        UUID member = memberId == null ? null : members.current(memberId);
        return queries.query(new ListPasses(caller.organization(), member, member == null ? List.of()
                : List.copyOf(members.household(member)), status), PassList.class).join();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A pass: credits left of how many (3/5), validity, status")
    ResponseEntity<PassView> get(@PathVariable UUID id, Caller caller) {
        PassView pass = visible(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(pass.version())).body(pass);
    }

    @GetMapping("/{id}/ledger")
    @PreAuthorize(READERS)
    @Operation(summary = "Every movement of the pass's credits, with its cause",
            description = "Each entry moves credits from one account to another: sold, pass (the balance), bookings, "
                    + "attendance, adjustments, expired, cancelled; with the balance after, the booking or the "
                    + "reason, who and when.")
    Ledger ledger(@PathVariable UUID id, Caller caller) {
        return queries.query(new PassLedger(caller.organization(), id), ResponseTypes.optionalInstanceOf(
                Ledger.class)).join().orElseThrow(() -> NotFoundException.of("pass", id));
    }

    @PostMapping("/{id}/deductions")
    @PreAuthorize(DESK)
    @Operation(summary = "Deduct credits for an attendance without a booking (décompter)")
    ResponseEntity<PassView> deduct(@PathVariable UUID id, @Valid @RequestBody DeductRequest request,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    Caller caller) {
        return change(caller, id, new DeductCredits(id, request.credits(), request.reason(), request.attendedOn(),
                caller.subject(), clock.instant(), Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/adjustments")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Add (positive) or take (negative) credits, with a reason; never below zero")
    ResponseEntity<PassView> adjust(@PathVariable UUID id, @Valid @RequestBody AdjustRequest request,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    Caller caller) {
        return change(caller, id, new AdjustCredits(id, request.credits(), request.reason(), caller.subject(),
                clock.instant(), Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/extension")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Move the last valid day later")
    ResponseEntity<PassView> extend(@PathVariable UUID id, @Valid @RequestBody ExtendRequest request,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    Caller caller) {
        return change(caller, id, new ExtendPass(id, request.validUntil(), request.reason(), caller.subject(),
                clock.instant(), Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Cancel the pass (with its sale): its remaining credits are cancelled")
    ResponseEntity<PassView> cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    Caller caller) {
        return change(caller, id, new CancelPass(id, request.reason(), caller.subject(), clock.instant(),
                Versions.expected(ifMatch)));
    }

    private PassView visible(Caller caller, UUID id) {
        return queries.query(new FindPass(caller.organization(), id), ResponseTypes.optionalInstanceOf(
                PassView.class)).join().orElseThrow(() -> NotFoundException.of("pass", id));
    }

    /** Sends a command about a resource the caller sees, and answers with the resource as it then is. */
    private ResponseEntity<PassView> change(Caller caller, UUID id, Object command) {
        visible(caller, id);
        commands.sendAndWait(command);
        return answer(caller, id);
    }

    private ResponseEntity<PassView> answer(Caller caller, UUID id) {
        PassView pass = afterChange(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(pass.version())).body(pass);
    }

    private PassView afterChange(Caller caller, UUID id) {
        readYourWrites.await(PassDirectory.GROUP, id.toString());
        return visible(caller, id);
    }
}
