package io.palestra.members.member;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.palestra.members.member.MemberQueries.MemberPage;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.MemberQueries.SearchMembers;
import io.palestra.members.member.MemberQueries.TagRef;
import io.palestra.members.organization.OrganizationQueries.FindOrganization;
import io.palestra.members.organization.OrganizationQueries.OrganizationView;
import io.palestra.members.organization.OrganizationQueries.SiteView;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
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
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw InvalidInputException.of("format", "must be csv or xlsx");
        }
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
        StreamingResponseBody body = "csv".equals(format)
                ? output -> csv(output, rows -> eachMember(organization, filter, order, member ->
                rows.accept(row.apply(member))))
                : output -> xlsx(output, rows -> eachMember(organization, filter, order, member ->
                rows.accept(row.apply(member))));
        String name = "members-" + LocalDate.now() + "." + format;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType("csv".equals(format) ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
                .body(body);
    }

    private void eachMember(UUID organization, MemberFilter filter, MemberSort sort, Consumer<MemberView> action) {
        MemberCursor after = null;
        String next;
        do {
            MemberPage page = queries.query(new SearchMembers(organization, filter, sort, PAGE, after),
                    MemberPage.class).join();
            page.items().forEach(action);
            next = page.nextCursor();
            after = next == null ? null : MemberCursor.decode(next);
        } while (next != null);
    }

    private static void csv(OutputStream output, Consumer<Consumer<List<Object>>> rows) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(writer);
        csv.writeRecord(HEADER);
        rows.accept(values -> csv.writeRecord(values.stream().map(String::valueOf).toList()));
        csv.flush();
    }

    private static void xlsx(OutputStream output, Consumer<Consumer<List<Object>>> rows) throws IOException {
        Workbook workbook = new Workbook(output, "Palestra", "1.0");
        Worksheet sheet = workbook.newWorksheet("Members");
        for (int column = 0; column < HEADER.size(); column++) {
            sheet.value(0, column, HEADER.get(column));
        }
        sheet.style(0).bold().set();
        int[] next = {1};
        rows.accept(values -> {
            int line = next[0]++;
            for (int column = 0; column < values.size(); column++) {
                Object value = values.get(column);
                if (value instanceof Boolean flag) {
                    sheet.value(line, column, flag);
                } else if (value instanceof Number number) {
                    sheet.value(line, column, number);
                } else {
                    sheet.value(line, column, String.valueOf(value));
                }
            }
            if (line % PAGE == 0) {
                flush(sheet);
            }
        });
        workbook.finish();
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tagName(TagRef tag) {
        return tag.categoryName() == null ? tag.name() : tag.categoryName() + " / " + tag.name();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
