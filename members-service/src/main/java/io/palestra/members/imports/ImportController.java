package io.palestra.members.imports;

import io.palestra.members.imports.ImportViews.DryRun;
import io.palestra.members.imports.ImportViews.ImportView;
import io.palestra.members.imports.ImportViews.RowPage;
import io.palestra.members.member.MemberRoles;
import io.palestra.platform.errors.ContentTooLargeException;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Importing members from a CSV file (owner, manager): dry run, real run with progress, undo. */
@RestController
@RequestMapping("/api/v1/members/imports")
@Tag(name = "Member imports")
@Validated
@PreAuthorize(MemberRoles.MANAGERS)
class ImportController {

    private final MemberImports imports;
    private final long maxBytes;

    ImportController(MemberImports imports,
                     @Value("${palestra.members.imports.max-size:10MB}") DataSize maxSize) {
        this.imports = imports;
        this.maxBytes = maxSize.toBytes();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, params = "dryRun=true")
    @Operation(summary = "Dry run: what importing this CSV file would do, line by line; changes nothing",
            description = "Multipart part \"file\": UTF-8 CSV, comma or semicolon, with a header naming first_name "
                    + "and last_name (or prenom, nom) and optionally email, phone, birth_date, gender, country, site. "
                    + "siteId: where lines without a site column go.")
    DryRun dryRun(@RequestPart("file") MultipartFile file, @RequestParam(required = false) UUID siteId,
                  Caller caller) throws IOException {
        return imports.dryRun(caller, content(file), siteId);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV file of members; runs in the background (202), follow it at Location",
            description = "Lines matching a member already there (e-mail, phone, an earlier line, an earlier import "
                    + "of the same person) register no one: importing a file twice creates nothing the second time.")
    ResponseEntity<ImportView> start(@RequestPart("file") MultipartFile file,
                                     @RequestParam(required = false) UUID siteId, Caller caller) throws IOException {
        String name = file.getOriginalFilename() == null ? "members.csv" : file.getOriginalFilename();
        ImportView started = imports.start(caller, name.length() > 255 ? name.substring(0, 255) : name,
                content(file), siteId);
        return ResponseEntity.accepted().location(URI.create("/api/v1/members/imports/" + started.id()))
                .body(started);
    }

    @GetMapping
    @Operation(summary = "The organisation's imports, newest first")
    List<ImportView> list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, Caller caller) {
        return imports.list(caller.organization(), limit);
    }

    @GetMapping("/{importId}")
    @Operation(summary = "An import and its progress")
    ImportView get(@PathVariable UUID importId, Caller caller) {
        return imports.find(caller.organization(), importId)
                .orElseThrow(() -> NotFoundException.of("import", importId));
    }

    @GetMapping("/{importId}/rows")
    @Operation(summary = "What became of each line of an import; after: the last line of the previous page")
    RowPage rows(@PathVariable UUID importId,
                 @RequestParam(required = false) @Pattern(regexp = "created|matched|invalid|undone|kept",
                         message = "must be created, matched, invalid, undone or kept") String outcome,
                 @RequestParam(defaultValue = "0") @Min(0) int after,
                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit, Caller caller) {
        return imports.rows(caller.organization(), importId, outcome, after, limit);
    }

    @PostMapping("/{importId}/undo")
    @Operation(summary = "Undo a completed import: the members it created are erased (202, follow at Location)",
            description = "Members it matched are left alone; a created member merged since is kept.")
    ResponseEntity<ImportView> undo(@PathVariable UUID importId, Caller caller) {
        ImportView undoing = imports.undo(caller, importId);
        return ResponseEntity.accepted().location(URI.create("/api/v1/members/imports/" + importId)).body(undoing);
    }

    private byte[] content(MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw InvalidInputException.of("file", "must not be empty");
        }
        if (file.getSize() > maxBytes) {
            throw new ContentTooLargeException("An import file is at most " + DataSize.ofBytes(maxBytes).toMegabytes()
                    + " MB; this one is " + file.getSize() + " bytes. Split it.");
        }
        return file.getBytes();
    }
}
