package io.palestra.platform.personal;

import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * This service's part of a member's personal data export. Not routed by the gateway: the gateway calls it on every
 * service and answers {@code GET /api/v1/members/{id}/personal-data} with all the parts together.
 */
@RestController
@RequestMapping("/api/v1/personal-data/members")
@Tag(name = "Personal data")
class PersonalDataExportController {

    private final String service;
    private final List<PersonalDataContributor> contributors;
    private final Clock clock;

    PersonalDataExportController(String service, List<PersonalDataContributor> contributors, Clock clock) {
        this.service = service;
        this.contributors = List.copyOf(contributors);
        this.clock = clock;
    }

    @GetMapping("/{memberId}")
    @PreAuthorize("hasAnyRole('OWNER', 'MANAGER')")
    @Operation(summary = "Everything this service holds about a member of the caller's organisation, by section",
            description = "Owners and managers. Clients ask the gateway's GET /api/v1/members/{id}/personal-data, "
                    + "which gathers this answer from every service.")
    PersonalDataExport export(@PathVariable UUID memberId, Caller caller) {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (PersonalDataContributor contributor : contributors) {
            sections.put(contributor.section(), contributor.export(caller, memberId));
        }
        return new PersonalDataExport(service, memberId, clock.instant(), sections);
    }
}
