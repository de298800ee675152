package io.palestra.members.member;

import io.palestra.members.member.ErasureMessages.AnonymizeMember;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** GDPR erasure: a manager erases a member's personal data for good, confirming with the member's code. */
@RestController
@RequestMapping("/api/v1/members/{id}/anonymization")
@Tag(name = "Members")
class MemberErasureController {

    private final CommandGateway commands;
    private final MemberAccess members;

    MemberErasureController(CommandGateway commands, MemberAccess members) {
        this.commands = commands;
        this.members = members;
    }

    record AnonymizationRequest(@NotBlank String confirmation) {
    }

    @PostMapping
    @PreAuthorize(MemberRoles.MANAGERS)
    @Operation(summary = "Erase the member's personal data for good (GDPR); confirmation repeats the member code",
            description = "Irreversible. Names, contacts, addresses, notes and the rest of the personal record "
                    + "disappear from every read model, become unreadable in the event store (the member's key is "
                    + "destroyed) and are erased from the profiles topic (tombstone); other services scrub their "
                    + "copies on MemberAnonymized. Bookings, invoices and counts stay, tied to the member id.")
    ResponseEntity<MemberView> anonymize(@PathVariable UUID id, @Valid @RequestBody AnonymizationRequest request,
                                         Caller caller) {
        members.visible(caller, id);
        commands.sendAndWait(new AnonymizeMember(id, request.confirmation().strip(), caller.subject()));
        return members.afterChange(caller, id);
    }
}
