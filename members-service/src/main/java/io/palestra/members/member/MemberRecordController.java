package io.palestra.members.member;

import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.RecordMessages.ChangeFrontDeskInstructions;
import io.palestra.members.member.RecordMessages.RecordMedicalCertificate;
import io.palestra.members.member.RecordMessages.RemoveMedicalCertificate;
import io.palestra.members.member.RecordMessages.ReplaceAddresses;
import io.palestra.members.member.RecordMessages.ReplaceEmergencyContacts;
import io.palestra.members.member.RecordRequests.AddressesRequest;
import io.palestra.members.member.RecordRequests.EmergencyContactRequest;
import io.palestra.members.member.RecordRequests.EmergencyContactsRequest;
import io.palestra.members.member.RecordRequests.FrontDeskRequest;
import io.palestra.members.member.RecordRequests.MedicalCertificateRequest;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Keeping a member record up to date: identity, contacts, addresses, emergency contacts, front desk, certificate. */
@RestController
@RequestMapping("/api/v1/members/{id}")
@Tag(name = "Members")
class MemberRecordController {

    private final CommandGateway commands;
    private final MemberAccess members;
    private final Clock clock;

    MemberRecordController(CommandGateway commands, MemberAccess members, Clock clock) {
        this.commands = commands;
        this.members = members;
        this.clock = clock;
    }

    @PatchMapping(consumes = {"application/merge-patch+json", "application/json"})
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Change identity and contact fields (JSON merge patch: null clears a field)")
    ResponseEntity<MemberView> update(@PathVariable UUID id, @RequestBody JsonNode patch,
                                      @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                      Caller caller) {
        MemberView member = members.visible(caller, id);
        commands.sendAndWait(MemberPatch.read(patch, id, members.phoneRegion(caller, member),
                Versions.expected(ifMatch), clock));
        return members.afterChange(caller, id);
    }

    @PutMapping("/addresses")
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Replace the member's postal addresses (the first is the main one)")
    ResponseEntity<MemberView> addresses(@PathVariable UUID id, @Valid @RequestBody AddressesRequest request,
                                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                         Caller caller) {
        members.visible(caller, id);
        commands.sendAndWait(new ReplaceAddresses(id,
                request.addresses().stream().map(RecordRequests.AddressRequest::toAddress).toList(),
                Versions.expected(ifMatch)));
        return members.afterChange(caller, id);
    }

    @PutMapping("/emergency-contacts")
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Replace whom to call in an emergency")
    ResponseEntity<MemberView> emergencyContacts(@PathVariable UUID id,
                                                 @Valid @RequestBody EmergencyContactsRequest request,
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                 Caller caller) {
        MemberView member = members.visible(caller, id);
        String region = members.phoneRegion(caller, member);
        List<EmergencyContact> contacts = new ArrayList<>();
        List<InvalidField> problems = new ArrayList<>();
        for (int index = 0; index < request.contacts().size(); index++) {
            EmergencyContactRequest contact = request.contacts().get(index);
            ContactDetails.Result phone = ContactDetails.phone(contact.phone(), region);
            int position = index;
            phone.problem().ifPresent(problem -> problems.add(
                    new InvalidField("contacts[" + position + "].phone", problem.message())));
            contacts.add(new EmergencyContact(contact.name().strip(),
                    RecordRequests.blankToNull(contact.relationship()), phone.value().orElse(null)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        commands.sendAndWait(new ReplaceEmergencyContacts(id, contacts, Versions.expected(ifMatch)));
        return members.afterChange(caller, id);
    }

    @PutMapping("/front-desk")
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Set what the front desk sees at check-in: a welcome message and an alert")
    ResponseEntity<MemberView> frontDesk(@PathVariable UUID id, @Valid @RequestBody FrontDeskRequest request,
                                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                         Caller caller) {
        members.visible(caller, id);
        commands.sendAndWait(new ChangeFrontDeskInstructions(id, RecordRequests.blankToNull(request.welcomeMessage()),
                RecordRequests.blankToNull(request.alert()), Versions.expected(ifMatch)));
        return members.afterChange(caller, id);
    }

    @PutMapping("/medical-certificate")
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Record the member's medical certificate and the last day it is valid")
    ResponseEntity<MemberView> medicalCertificate(@PathVariable UUID id,
                                                  @Valid @RequestBody MedicalCertificateRequest request,
                                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                  Caller caller) {
        members.visible(caller, id);
        commands.sendAndWait(new RecordMedicalCertificate(id, request.validUntil(), Versions.expected(ifMatch)));
        return members.afterChange(caller, id);
    }

    @DeleteMapping("/medical-certificate")
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Remove the member's medical certificate")
    ResponseEntity<MemberView> removeMedicalCertificate(@PathVariable UUID id,
                                                        @RequestHeader(value = "If-Match", required = false)
                                                        String ifMatch, Caller caller) {
        members.visible(caller, id);
        commands.sendAndWait(new RemoveMedicalCertificate(id, Versions.expected(ifMatch)));
        return members.afterChange(caller, id);
    }
}
