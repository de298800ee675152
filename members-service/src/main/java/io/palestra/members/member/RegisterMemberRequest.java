package io.palestra.members.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** The JSON body of a registration, as the front desk or an integration sends it. */
record RegisterMemberRequest(
        @NotNull UUID siteId,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(max = 254) String email,
        @Size(max = 40) String phone,
        @Past LocalDate birthDate,
        Gender gender,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String country) {
}
