package io.palestra.members.member;

import io.palestra.members.member.MemberQueries.MemberPage;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.MemberQueries.SearchMembers;
import io.palestra.members.member.MemberQueries.TagRef;
import io.palestra.members.organization.OrganizationQueries.FindOrganization;
import io.palestra.members.organization.OrganizationQueries.OrganizationView;
import io.palestra.members.organization.OrganizationQueries.SiteView;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.PageCursor;
import io.palestra.platform.web.TableExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The member list as a file, with the list's filters and sort: CSV (UTF-8) or XLSX. Written page by page as it is
 * read, so neither the service nor the file's size depends on how many members there are.
 */
@RestController
@Tag(name = "Members")
class MemberExportController {

    private static final int PAGE = 500;
    private static final List<String> HEADER = List.of("member_code", "first_name", "last_name", "email", "phone",
            "birth_date", "age", "gender", "country", "language", "site", "status", "blacklisted", "tags",
            "medical_certificate", "medical_certificate_valid_until", "registered_at", "last_administrative_change_at",
            "member_id");

    private final QueryGateway queries;

    MemberExportController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/members/export")
    @PreAuthorize(MemberRoles.MANAGERS)
    @Operation(summary = "Export the filtered member list as CSV or XLSX",
            description = "The list's filters and sort apply; every matching member, streamed. One row per member: "
                    + "code, name, contacts, birth date and age, gender, country, language, site, status, blacklisted "
                    + "today, tags, medical certificate, registration and last administrative change.")
    ResponseEntity<StreamingResponseBody> export(@Valid MemberListParams filters,
                                                 @RequestParam(defaultValue = "csv") String format,
                                                 @RequestParam(defaultValue = "name") String sort, Caller caller) {
        TableExport.requireFormat(format);
        MemberSort order = MemberController.sortOf(sort);
        UUID organization = caller.organization();
        MemberFilter filter = filters.filter(caller);
        Map<UUID, String> sites = queries.query(new FindOrganization(organization),
                        ResponseTypes.optionalInstanceOf(OrganizationView.class)).join()
                .map(found -> found.sites().stream().collect(Collectors.toMap(SiteView::id, SiteView::name)))
                .orElse(Map.of());
        Function<MemberView, List<Object>> row = member -> List.of(member.memberCode(), text(member.firstName()),
                text(member.lastName()), text(member.email()), text(member.phone()), text(member.birthDate()),
                member.age() == null ? "" : member.age(), member.gender().value(), text(member.country()),
                text(member.language()),
                sites.getOrDefault(member.siteId(), ""), member.status(), member.blacklisted(),
                member.tags().stream().map(MemberExportController::tagName).collect(Collectors.joining(", ")),
                member.medicalCertificate().status(), text(member.medicalCertificate().validUntil()),
                member.registeredAt().toString(), member.lastAdministrativeChangeAt().toString(),
                member.id().toString());
        return TableExport.of(format, "members", LocalDate.now(), HEADER,
                rows -> eachMember(organization, filter, order, member -> rows.accept(row.apply(member))));
    }

    private void eachMember(UUID organization, MemberFilter filter, MemberSort sort, Consumer<MemberView> action) {
        PageCursor after = null;
        String next;
        do {
            MemberPage page = queries.query(new SearchMembers(organization, filter, sort, PAGE, after),
                    MemberPage.class).join();
            page.items().forEach(action);
            next = page.nextCursor();
            after = next == null ? null : PageCursor.decode(next);
        } while (next != null);
    }

    private static String tagName(TagRef tag) {
        return tag.categoryName() == null ? tag.name() : tag.categoryName() + " / " + tag.name();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
