package io.palestra.members.member;

import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.RecordRequests.TransferRequest;
import io.palestra.members.member.TransferMessages.TransferMember;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Moving a member to another site of the organisation; what happened before stays in their history. */
@RestController
@Tag(name = "Members")
class MemberTransferController {

    private final CommandGateway commands;
    private final MemberAccess members;

    MemberTransferController(CommandGateway commands, MemberAccess members) {
        this.commands = commands;
        this.members = members;
    }

    @PostMapping("/api/v1/members/{id}/transfer")
    @PreAuthorize(MemberRoles.MANAGERS)
    @Operation(summary = "Make another site of the organisation the member's home site",
            description = "A caller restricted to some sites must see both the member's site and the new one.")
    ResponseEntity<MemberView> transfer(@PathVariable UUID id, @Valid @RequestBody TransferRequest request,
                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                        Caller caller) {
        members.visible(caller, id);
        if (!caller.sees(request.siteId())) {
            throw new RuleViolationException("unknown-site", "Site " + request.siteId() + " is not one of your sites.");
        }
        commands.sendAndWait(new TransferMember(id, request.siteId(), caller.subject(), Versions.expected(ifMatch)));
        return members.afterChange(caller, id);
    }
}
