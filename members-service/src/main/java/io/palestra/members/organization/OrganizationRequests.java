package io.palestra.members.organization;

import io.palestra.members.organization.OrganizationMessages.SiteAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The JSON bodies the organisation endpoints accept. */
final class OrganizationRequests {

    private OrganizationRequests() {
    }

    record CreateOrganizationRequest(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @NotBlank @Size(max = 64) String timeZone,
            @NotBlank @Size(max = 35) String locale,
            @NotEmpty @Size(max = 500) List<@Valid SiteRequest> sites) {
    }

    record SiteRequest(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 64) String timeZone,
            @Valid AddressRequest address) {
    }

    record AddressRequest(
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR")
            String country) {

        SiteAddress toAddress() {
            return new SiteAddress(line1.strip(), blankToNull(line2), blankToNull(postalCode), city.strip(),
                    blankToNull(region), country);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    record RenameSiteRequest(@NotBlank @Size(max = 120) String name) {
    }
}
