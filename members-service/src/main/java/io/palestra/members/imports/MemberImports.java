package io.palestra.members.imports;

import io.palestra.members.imports.ImportFile.Line;
import io.palestra.members.imports.ImportViews.DryRun;
import io.palestra.members.imports.ImportViews.ImportView;
import io.palestra.members.imports.ImportViews.RowPage;
import io.palestra.members.imports.ImportViews.RowView;
import io.palestra.members.imports.RowCheck.Candidate;
import io.palestra.members.imports.RowCheck.Checked;
import io.palestra.members.member.ErasureMessages.AnonymizeMember;
import io.palestra.members.member.MemberMessages.RegisterMember;
import io.palestra.members.organization.OrganizationQueries.FindOrganization;
import io.palestra.members.organization.OrganizationQueries.OrganizationView;
import io.palestra.members.organization.OrganizationQueries.SiteView;
import io.palestra.platform.axon.Metadata;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.security.Caller;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CSV imports of members. A dry run reads the file and says, line by line, what would be created, what matches a
 * member already there (same e-mail or phone, an earlier line of the file, or an earlier import of the same person)
 * and what is invalid, changing nothing. A real run registers the new members in the background, a chunk of lines
 * per transaction together with the job's progress, so a crash resumes where the last chunk ended (any instance
 * resumes a job whose lease ran out) and nothing is registered twice: an imported person's member id is derived from
 * the line, so importing the same file again only matches. Undoing an import erases the members it created.
 */
@Component
class MemberImports implements SmartLifecycle {

    static final String IMPORT_ID = "importId";
    private static final Logger log = LoggerFactory.getLogger(MemberImports.class);
    private static final int CHUNK = 200;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<InvalidField>> PROBLEMS = new TypeReference<>() {
    };
    private static final String VIEW_COLUMNS = """
            import_id, file_name, site_id, status, total, next_line, created, matched, invalid, undone, kept,
            started_by, started_at, finished_at, undone_by, undone_at, failure""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final Duration resumeEvery;
    private ExecutorService jobs;
    private ScheduledExecutorService resumer;

    MemberImports(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, CommandGateway commands,
                  QueryGateway queries, Clock clock,
                  @Value("${palestra.members.imports.resume-every:1m}") Duration resumeEvery) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.resumeEvery = resumeEvery;
    }

    /** One import at a time per instance; abandoned ones are looked for at start and then regularly. */
    @Override
    public void start() {
        jobs = Executors.newSingleThreadExecutor(daemon("member-import"));
        resumer = Executors.newSingleThreadScheduledExecutor(daemon("member-import-resumer"));
        resumer.scheduleWithFixedDelay(() -> {
            try {
                resumeAbandoned();
            } catch (RuntimeException e) {
                log.warn("Could not look for abandoned imports", e);
            }
        }, 5_000, resumeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts after the rest of the service (Axon included), stops before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    @Override
    public void stop() {
        resumer.shutdownNow();
        jobs.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return jobs != null && !jobs.isShutdown();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    DryRun dryRun(Caller caller, byte[] content, UUID siteId) {
        UUID organization = caller.organization();
        List<Line> lines = ImportFile.read(content);
        RowCheck check = checker(organization, caller.siteIds().orElse(null), siteId);
        Map<String, UUID> seen = new HashMap<>();
        List<RowView> rows = new ArrayList<>();
        int create = 0;
        int match = 0;
        int invalid = 0;
        for (int first = 0; first < lines.size(); first += CHUNK) {
            List<Checked> chunk = lines.subList(first, Math.min(first + CHUNK, lines.size())).stream()
                    .map(check::check).toList();
            Known known = known(organization, null, chunk);
            for (Checked checked : chunk) {
                Line line = checked.line();
                if (!checked.valid()) {
                    rows.add(new RowView(line.number(), "invalid", null, null, null, checked.problems()));
                    invalid++;
                    continue;
                }
                Candidate candidate = checked.candidate();
                UUID id = candidate.memberId(organization);
                Optional<Match> found = Optional.ofNullable(seen.get("id:" + id))
                        .or(() -> Optional.ofNullable(seen.get("email:" + candidate.email())))
                        .or(() -> Optional.ofNullable(seen.get("phone:" + candidate.phone())))
                        .map(earlier -> new Match(earlier, null, "same-file"))
                        .or(() -> known.existing(organization, candidate));
                if (found.isPresent()) {
                    rows.add(new RowView(line.number(), "match", found.get().memberId(), found.get().memberCode(),
                            found.get().by(), List.of()));
                    match++;
                } else {
                    rows.add(new RowView(line.number(), "create", id, null, null, List.of()));
                    create++;
                    seen.put("id:" + id, id);
                }
                if (candidate.email() != null) {
                    seen.putIfAbsent("email:" + candidate.email(), found.map(Match::memberId).orElse(id));
                }
                if (candidate.phone() != null) {
                    seen.putIfAbsent("phone:" + candidate.phone(), found.map(Match::memberId).orElse(id));
                }
            }
        }
        return new DryRun(lines.size(), create, match, invalid, rows);
    }

    ImportView start(Caller caller, String fileName, byte[] content, UUID siteId) {
        UUID organization = caller.organization();
        List<Line> lines = ImportFile.read(content);
        checker(organization, caller.siteIds().orElse(null), siteId);
        UUID importId = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID[] allowed = caller.siteIds().map(sites -> sites.toArray(UUID[]::new)).orElse(null);
        jdbc.sql("""
                        INSERT INTO member_import (import_id, organization_id, site_id, allowed_sites, file_name,
                                                   content, status, total, started_by, started_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)""")
                .params(importId, organization, siteId, allowed, fileName, content, lines.size(), caller.subject(),
                        now.atOffset(ZoneOffset.UTC))
                .update();
        afterCommit(() -> submit(importId));
        return find(organization, importId).orElseThrow();
    }

    ImportView undo(Caller caller, UUID importId) {
        ImportView current = find(caller.organization(), importId)
                .orElseThrow(() -> NotFoundException.of("import", importId));
        if (!"completed".equals(current.status())) {
            throw new RuleViolationException("import-not-completed",
                    "Only a completed import can be undone; this one is " + current.status() + ".");
        }
        jdbc.sql("""
                        UPDATE member_import SET status = 'undoing', undone_by = ?, lease_until = NULL
                        WHERE import_id = ? AND status = 'completed'""")
                .params(caller.subject(), importId).update();
        afterCommit(() -> submit(importId));
        return find(caller.organization(), importId).orElseThrow();
    }

    Optional<ImportView> find(UUID organization, UUID importId) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM member_import WHERE organization_id = ? AND import_id = ?")
                .params(organization, importId).query((row, number) -> view(row)).optional();
    }

    List<ImportView> list(UUID organization, int limit) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS
                        + " FROM member_import WHERE organization_id = ? ORDER BY started_at DESC LIMIT ?")
                .params(organization, limit).query((row, number) -> view(row)).list();
    }

    RowPage rows(UUID organization, UUID importId, String outcome, int after, int limit) {
        find(organization, importId).orElseThrow(() -> NotFoundException.of("import", importId));
        List<RowView> rows = jdbc.sql("""
                        SELECT line, outcome, member_id, member_code, matched_by, problems FROM member_import_row
                        WHERE import_id = ? AND (?::text IS NULL OR outcome = ?) AND line > ?
                        ORDER BY line LIMIT ?""")
                .params(importId, outcome, outcome, after, limit + 1)
                .query((row, number) -> new RowView(row.getInt("line"), row.getString("outcome"),
                        row.getObject("member_id", UUID.class), row.getString("member_code"),
                        row.getString("matched_by"), row.getString("problems") == null ? List.of()
                        : JSON.readValue(row.getString("problems"), PROBLEMS)))
                .list();
        boolean more = rows.size() > limit;
        List<RowView> page = more ? rows.subList(0, limit) : rows;
        return new RowPage(page, more ? page.get(page.size() - 1).line() : null);
    }

    /** Runs the job of an import in the background, if no one else is running it. */
    void submit(UUID importId) {
        jobs.execute(() -> {
            try {
                run(importId);
            } catch (RuntimeException e) {
                // the lease runs out and the job is resumed later
                log.warn("Import {} stopped; it will be resumed", importId, e);
            }
        });
    }

    /** Imports whose job is not running anywhere (a crash, a restart): resumed. */
    void resumeAbandoned() {
        jdbc.sql("""
                        SELECT import_id FROM member_import WHERE status IN ('running', 'undoing')
                        AND (lease_until IS NULL OR lease_until < ?)""")
                .param(clock.instant().atOffset(ZoneOffset.UTC))
                .query(UUID.class).list()
                .forEach(this::submit);
    }

    private void run(UUID importId) {
        if (!claim(importId)) {
            return;
        }
        Job job = jdbc.sql("""
                        SELECT organization_id, site_id, allowed_sites, content, status, started_by, undone_by
                        FROM member_import WHERE import_id = ?""")
                .param(importId)
                .query((row, number) -> new Job(importId, row.getObject("organization_id", UUID.class),
                        row.getObject("site_id", UUID.class), sites(row), row.getBytes("content"),
                        row.getString("status"), row.getString("started_by"), row.getString("undone_by")))
                .single();
        if ("undoing".equals(job.status())) {
            undo(job);
        } else {
            register(job);
        }
    }

    private void register(Job job) {
        List<Line> lines;
        RowCheck check;
        try {
            lines = ImportFile.read(job.content());
            check = checker(job.organization(), job.allowedSites(), job.site());
        } catch (RuntimeException e) {
            jdbc.sql("UPDATE member_import SET status = 'failed', failure = ?, content = NULL, finished_at = ?,"
                            + " lease_until = NULL WHERE import_id = ?")
                    .params(e.getMessage(), now(), job.id()).update();
            return;
        }
        while (true) {
            int next = jdbc.sql("SELECT next_line FROM member_import WHERE import_id = ?").param(job.id())
                    .query(Integer.class).single();
            if (next >= lines.size()) {
                jdbc.sql("""
                                UPDATE member_import SET status = 'completed', content = NULL, finished_at = ?,
                                       lease_until = NULL
                                WHERE import_id = ? AND status = 'running'""")
                        .params(now(), job.id()).update();
                return;
            }
            List<Line> chunk = lines.subList(next, Math.min(next + CHUNK, lines.size()));
            try {
                transactions.executeWithoutResult(status -> registerAll(job, check, chunk, next));
            } catch (RuntimeException chunkFailed) {
                // one line the checks let through was refused: go line by line to find it and record why
                log.info("Import {}: a line of {}..{} was refused; going line by line", job.id(), next,
                        next + chunk.size(), chunkFailed);
                for (int index = 0; index < chunk.size(); index++) {
                    Line line = chunk.get(index);
                    int position = next + index;
                    try {
                        transactions.executeWithoutResult(status -> registerAll(job, check, List.of(line), position));
                    } catch (RuntimeException refused) {
                        transactions.executeWithoutResult(status -> record(job, List.of(new Outcome(line.number(),
                                "invalid", null, null, null, List.of(new InvalidField("line",
                                "the registration was refused: " + refused.getMessage())), null, null)),
                                position + 1));
                    }
                }
            }
        }
    }

    private void registerAll(Job job, RowCheck check, List<Line> chunk, int firstPosition) {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Match> inChunk = new HashMap<>();
        List<Checked> lines = chunk.stream().map(check::check).toList();
        Known known = known(job.organization(), job.id(), lines);
        for (Checked checked : lines) {
            Line line = checked.line();
            if (!checked.valid()) {
                outcomes.add(new Outcome(line.number(), "invalid", null, null, null, checked.problems(), null, null));
                continue;
            }
            Candidate candidate = checked.candidate();
            String emailKey = key(candidate.email());
            String phoneKey = key(candidate.phone());
            Optional<Match> found = Optional.ofNullable(emailKey == null ? null : inChunk.get(emailKey))
                    .or(() -> Optional.ofNullable(phoneKey == null ? null : inChunk.get(phoneKey)))
                    .or(() -> known.sameImport(emailKey, phoneKey))
                    .or(() -> known.existing(job.organization(), candidate));
            Match result;
            String outcome;
            if (found.isPresent()) {
                result = found.get();
                outcome = "matched";
            } else {
                UUID memberId = candidate.memberId(job.organization());
                String code = commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterMember(memberId,
                                job.organization(), candidate.siteId(), candidate.firstName(), candidate.lastName(),
                                candidate.email(), candidate.phone(), candidate.birthDate(), candidate.gender(),
                                candidate.country(), clock.instant().truncatedTo(ChronoUnit.MICROS)))
                        .andMetaData(metadata(job, job.startedBy())));
                result = new Match(memberId, code, null);
                outcome = "created";
            }
            Match sameFile = new Match(result.memberId(), result.memberCode(), "same-file");
            if (emailKey != null) {
                inChunk.putIfAbsent(emailKey, sameFile);
            }
            if (phoneKey != null) {
                inChunk.putIfAbsent(phoneKey, sameFile);
            }
            outcomes.add(new Outcome(line.number(), outcome, result.memberId(), result.memberCode(), result.by(),
                    List.of(), emailKey, phoneKey));
        }
        record(job, outcomes, firstPosition + chunk.size());
    }

    private void record(Job job, List<Outcome> outcomes, int nextLine) {
        batches.batchUpdate("""
                        INSERT INTO member_import_row (import_id, line, outcome, member_id, member_code, matched_by,
                                                       problems, email_key, phone_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (import_id, line) DO NOTHING""",
                outcomes.stream().map(outcome -> new Object[] {job.id(), outcome.line(), outcome.outcome(),
                        outcome.memberId(), outcome.memberCode(), outcome.matchedBy(),
                        outcome.problems().isEmpty() ? null : JSON.writeValueAsString(outcome.problems()),
                        outcome.emailKey(), outcome.phoneKey()}).toList());
        Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(Outcome::outcome,
                Collectors.counting()));
        jdbc.sql("""
                        UPDATE member_import SET next_line = ?, created = created + ?, matched = matched + ?,
                               invalid = invalid + ?, lease_until = ?
                        WHERE import_id = ?""")
                .params(nextLine, counts.getOrDefault("created", 0L), counts.getOrDefault("matched", 0L),
                        counts.getOrDefault("invalid", 0L), clock.instant().plus(LEASE).atOffset(ZoneOffset.UTC),
                        job.id())
                .update();
    }

    private void undo(Job job) {
        while (true) {
            List<Outcome> created = jdbc.sql("""
                            SELECT line, member_id, member_code FROM member_import_row
                            WHERE import_id = ? AND outcome = 'created' ORDER BY line LIMIT 100""")
                    .param(job.id())
                    .query((row, number) -> new Outcome(row.getInt("line"), "created",
                            row.getObject("member_id", UUID.class), row.getString("member_code"), null, List.of(),
                            null, null))
                    .list();
            if (created.isEmpty()) {
                jdbc.sql("UPDATE member_import SET status = 'undone', undone_at = ?, lease_until = NULL"
                                + " WHERE import_id = ? AND status = 'undoing'")
                        .params(now(), job.id()).update();
                return;
            }
            for (Outcome row : created) {
                String outcome = "undone";
                String problem = null;
                try {
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(new AnonymizeMember(row.memberId(),
                            row.memberCode(), job.undoneBy())).andMetaData(metadata(job, job.undoneBy())));
                } catch (RuntimeException refused) {
                    outcome = "kept";
                    problem = JSON.writeValueAsString(List.of(new InvalidField("member",
                            "was not erased: " + refused.getMessage())));
                }
                jdbc.sql("UPDATE member_import_row SET outcome = ?, problems = ? WHERE import_id = ? AND line = ?")
                        .params(outcome, problem, job.id(), row.line()).update();
                jdbc.sql("UPDATE member_import SET " + outcome + " = " + outcome + " + 1, lease_until = ?"
                                + " WHERE import_id = ?")
                        .params(clock.instant().plus(LEASE).atOffset(ZoneOffset.UTC), job.id()).update();
            }
        }
    }

    private boolean claim(UUID importId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE member_import SET lease_until = ?
                        WHERE import_id = ? AND status IN ('running', 'undoing')
                        AND (lease_until IS NULL OR lease_until < ?)""")
                .params(now.plus(LEASE).atOffset(ZoneOffset.UTC), importId, now.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    private RowCheck checker(UUID organization, Set<UUID> allowedSites, UUID defaultSite) {
        OrganizationView found = queries.query(new FindOrganization(organization),
                        ResponseTypes.optionalInstanceOf(OrganizationView.class)).join()
                .orElseThrow(() -> NotFoundException.of("organization", organization));
        Map<String, UUID> sites = found.sites().stream()
                .filter(site -> allowedSites == null || allowedSites.contains(site.id()))
                .collect(Collectors.toMap(site -> ImportFile.fold(site.name()), SiteView::id, (one, other) -> one));
        if (defaultSite != null && !sites.containsValue(defaultSite)) {
            throw new RuleViolationException("unknown-site", "Site " + defaultSite + " is not one of your sites.");
        }
        String region = Locale.forLanguageTag(found.locale()).getCountry();
        return new RowCheck(sites, defaultSite, region.isEmpty() ? null : region);
    }

    /**
     * What a chunk of lines may match, read in a few queries: members with their e-mails or phones (the earliest
     * registered first), members imported before as one of these lines, and earlier lines of the same import.
     */
    private Known known(UUID organization, UUID importId, List<Checked> lines) {
        List<Candidate> candidates = lines.stream().filter(Checked::valid).map(Checked::candidate).toList();
        Known known = new Known();
        String[] emails = candidates.stream().map(Candidate::email).filter(Objects::nonNull)
                .map(email -> email.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        String[] phones = candidates.stream().map(Candidate::phone).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        if (emails.length > 0) {
            jdbc.sql("""
                            SELECT lower(email), member_id, member_code FROM member_view WHERE organization_id = ?
                            AND lower(email) = ANY (?) AND status = 'active' ORDER BY registered_at""")
                    .params(organization, emails)
                    .query(row -> {
                        known.byEmail.putIfAbsent(row.getString(1), new Match(row.getObject(2, UUID.class),
                                row.getString(3), "email"));
                    });
        }
        if (phones.length > 0) {
            jdbc.sql("""
                            SELECT phone, member_id, member_code FROM member_view WHERE organization_id = ?
                            AND phone = ANY (?) AND status = 'active' ORDER BY registered_at""")
                    .params(organization, phones)
                    .query(row -> {
                        known.byPhone.putIfAbsent(row.getString(1), new Match(row.getObject(2, UUID.class),
                                row.getString(3), "phone"));
                    });
        }
        UUID[] ids = candidates.stream().map(candidate -> candidate.memberId(organization)).toArray(UUID[]::new);
        if (ids.length > 0) {
            jdbc.sql("""
                            SELECT c.member_id, c.code FROM member_code c
                            WHERE c.organization_id = ? AND c.member_id = ANY (?) AND EXISTS (
                                SELECT 1 FROM domainevententry e WHERE e.aggregateidentifier = c.member_id::text)""")
                    .params(organization, ids)
                    .query(row -> {
                        UUID id = row.getObject(1, UUID.class);
                        known.imported.put(id, new Match(id, row.getString(2), "earlier-import"));
                    });
        }
        String[] keys = candidates.stream().flatMap(candidate -> Stream.of(key(candidate.email()),
                key(candidate.phone()))).filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (importId != null && keys.length > 0) {
            jdbc.sql("""
                            SELECT email_key, phone_key, member_id, member_code FROM member_import_row
                            WHERE import_id = ? AND (email_key = ANY (?) OR phone_key = ANY (?))
                            AND outcome IN ('created', 'matched') ORDER BY line""")
                    .params(importId, keys, keys)
                    .query(row -> {
                        Match match = new Match(row.getObject(3, UUID.class), row.getString(4), "same-file");
                        Optional.ofNullable(row.getString(1)).ifPresent(key -> known.sameFile.putIfAbsent(key, match));
                        Optional.ofNullable(row.getString(2)).ifPresent(key -> known.sameFile.putIfAbsent(key, match));
                    });
        }
        return known;
    }

    /** What a chunk's lines may match (see {@link #known}). */
    private static final class Known {

        private final Map<String, Match> byEmail = new HashMap<>();
        private final Map<String, Match> byPhone = new HashMap<>();
        private final Map<UUID, Match> imported = new HashMap<>();
        private final Map<String, Match> sameFile = new HashMap<>();

        /** A member already there with the candidate's e-mail or phone, or imported before as this line. */
        Optional<Match> existing(UUID organization, Candidate candidate) {
            return Optional.ofNullable(candidate.email() == null ? null
                            : byEmail.get(candidate.email().toLowerCase(Locale.ROOT)))
                    .or(() -> Optional.ofNullable(candidate.phone() == null ? null : byPhone.get(candidate.phone())))
                    .or(() -> Optional.ofNullable(imported.get(candidate.memberId(organization))));
        }

        /** An earlier line of the same import with this e-mail or phone. */
        Optional<Match> sameImport(String emailKey, String phoneKey) {
            return Optional.ofNullable(emailKey == null ? null : sameFile.get(emailKey))
                    .or(() -> Optional.ofNullable(phoneKey == null ? null : sameFile.get(phoneKey)));
        }
    }

    private static Map<String, Object> metadata(Job job, String actingUser) {
        return Map.of(Metadata.ACTING_USER, actingUser, Metadata.ORGANIZATION_ID, job.organization().toString(),
                Metadata.CORRELATION_ID, job.id().toString(), IMPORT_ID, job.id().toString());
    }

    private static String key(String value) {
        if (value == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<UUID> sites(ResultSet row) throws SQLException {
        java.sql.Array array = row.getArray("allowed_sites");
        return array == null ? null : Set.of((UUID[]) array.getArray());
    }

    private static ImportView view(ResultSet row) throws SQLException {
        return new ImportView(row.getObject("import_id", UUID.class), row.getString("file_name"),
                row.getObject("site_id", UUID.class), row.getString("status"), row.getInt("total"),
                Math.min(row.getInt("next_line"), row.getInt("total")), row.getInt("created"), row.getInt("matched"),
                row.getInt("invalid"), row.getInt("undone"), row.getInt("kept"), row.getString("started_by"),
                instant(row, "started_at"), instant(row, "finished_at"), row.getString("undone_by"),
                instant(row, "undone_at"), row.getString("failure"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private record Match(UUID memberId, String memberCode, String by) {
    }


    private record Outcome(int line, String outcome, UUID memberId, String memberCode, String matchedBy,
                           List<InvalidField> problems, String emailKey, String phoneKey) {
    }

    private record Job(UUID id, UUID organization, UUID site, Set<UUID> allowedSites, byte[] content, String status,
                       String startedBy, String undoneBy) {
    }
}
