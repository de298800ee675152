package io.palestra.members.member;

import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The query parameters that filter the member list, its counts and its exports. */
@ParameterObject
record MemberListParams(
        @Parameter(description = "beginning of any word of the name, e-mail, phone (with or without its national 0) "
                + "or member code, whatever the accents and case")
        @Size(max = 200) String q,
        @Parameter(description = "one of the caller's sites (default: all of them)") UUID siteId,
        @Parameter(description = "active (default), blacklisted (active, barred from booking online today), "
                + "anonymized, merged or any")
        @Pattern(regexp = "active|blacklisted|anonymized|merged|any",
                message = "must be active, blacklisted, anonymized, merged or any") String status,
        @Parameter(description = "tag ids (repeat the parameter); a category matches its sub-categories")
        @Size(max = 20) List<UUID> tag,
        @Parameter(description = "any (default): filed under one of the tags; all: under every one")
        @Pattern(regexp = "any|all", message = "must be any or all") String tagMatch,
        @Parameter(description = "opted in to this marketing preference") UUID preferenceId,
        @Parameter(description = "has (true) or has not (false) an active membership") Boolean activeMembership,
        @Parameter(description = "registered on or after this day") LocalDate registeredFrom,
        @Parameter(description = "registered on or before this day") LocalDate registeredTo,
        @Parameter(description = "last administrative change on or after this day") LocalDate changedFrom,
        @Parameter(description = "last administrative change on or before this day") LocalDate changedTo) {

    /** The filter these parameters describe, within what the caller may see. */
    MemberFilter filter(Caller caller) {
        Set<UUID> sites = caller.siteIds().map(HashSet::new).orElse(null);
        if (siteId != null) {
            sites = sites == null || sites.contains(siteId) ? Set.of(siteId) : Set.of();
        }
        String effectiveStatus = status == null ? "active" : status;
        return new MemberFilter(sites == null ? null : new HashSet<>(sites), q == null || q.isBlank() ? null : q,
                "any".equals(effectiveStatus) ? null : effectiveStatus, tag, "all".equals(tagMatch), preferenceId,
                activeMembership, registeredFrom, registeredTo, changedFrom, changedTo);
    }
}
