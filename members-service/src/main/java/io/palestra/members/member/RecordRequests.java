package io.palestra.members.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The JSON bodies of the member record endpoints. */
final class RecordRequests {

    private RecordRequests() {
    }

    record AddressesRequest(@NotNull @Size(max = 10) List<@Valid @NotNull AddressRequest> addresses) {
    }

    record AddressRequest(
            @NotBlank @Size(max = 30) String label,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR")
            String country) {

        MemberAddress toAddress() {
            return new MemberAddress(label.strip(), line1.strip(), blankToNull(line2), blankToNull(postalCode),
                    city.strip(), blankToNull(region), country);
        }
    }

    record EmergencyContactsRequest(@NotNull @Size(max = 5) List<@Valid @NotNull EmergencyContactRequest> contacts) {
    }

    record EmergencyContactRequest(@NotBlank @Size(max = 120) String name, @Size(max = 60) String relationship,
                                   @NotBlank @Size(max = 40) String phone) {
    }

    record FrontDeskRequest(@Size(max = 500) String welcomeMessage, @Size(max = 500) String alert) {
    }

    record MedicalCertificateRequest(@NotNull LocalDate validUntil) {
    }

    record BlacklistPeriodRequest(@NotNull LocalDate from, LocalDate until, @Size(max = 500) String reason) {
    }

    record TransferRequest(@NotNull UUID siteId) {
    }

    record NoteRequest(@NotBlank @Size(max = 5000) String text) {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
