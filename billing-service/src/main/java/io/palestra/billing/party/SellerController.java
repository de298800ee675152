package io.palestra.billing.party;

import io.palestra.billing.party.Parties.SellerDetails;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

import static io.palestra.billing.BillingRoles.MANAGERS;
import static io.palestra.billing.BillingRoles.READERS;

/** What the organisation prints as seller on its invoices: legal name, address, registration and VAT numbers. */
@RestController
@RequestMapping("/api/v1/invoices/seller")
@Tag(name = "Invoices")
class SellerController {

    private final Parties parties;

    SellerController(Parties parties) {
        this.parties = parties;
    }

    /**
     * @param address            one to five lines, as printed
     * @param registrationNumber SIRET (14 digits) in France
     * @param notice             the legal notice at the foot of every invoice, e.g. late-payment penalties or "TVA
     *                           non applicable, art. 293 B du CGI"
     */
    record SellerRequest(@NotBlank @Size(max = 200) String legalName, List<@NotBlank @Size(max = 200) String> address,
                         @Size(max = 40) String registrationNumber, @Size(max = 40) String vatNumber,
                         @Email @Size(max = 254) String email, @Size(max = 2000) String notice) {
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The organisation's seller details, as invoices issued from now on print them",
            description = "404 while none were given: invoices then print the site's name as seller.")
    SellerDetails get(Caller caller) {
        return parties.sellerDetails(caller.organization()).orElseThrow(() ->
                NotFoundException.of("seller-details", caller.organization()));
    }

    @PutMapping
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Set the organisation's seller details",
            description = "Invoices already issued keep the details they were issued with.")
    SellerDetails put(@Valid @RequestBody SellerRequest request, Caller caller) {
        List<InvalidField> problems = new ArrayList<>();
        if (request.address() == null || request.address().isEmpty() || request.address().size() > 5) {
            problems.add(new InvalidField("address", "one to five lines"));
        }
        if (request.registrationNumber() != null && !request.registrationNumber().replace(" ", "")
                .matches("[0-9A-Za-z]{5,20}")) {
            problems.add(new InvalidField("registrationNumber", "letters and digits, e.g. a SIRET of 14 digits"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SellerDetails details = new SellerDetails(request.legalName().strip(), request.address().stream()
                .map(String::strip).toList(), blankless(request.registrationNumber()), blankless(request.vatNumber()),
                blankless(request.email()), blankless(request.notice()));
        parties.keepSellerDetails(caller.organization(), details);
        return details;
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
