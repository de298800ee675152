package io.palestra.e2e;

import io.palestra.local.platform.RunningPlatform;
import io.palestra.local.platform.Service;
import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The members benchmark of docs/performance.md, not part of the test suite (the name does not end in IT). On a
 * built and installed tree: {@code ./mvnw -B verify -pl e2e-tests -Dit.test=MembersBenchmark -Dtest=NoSuch
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}. It starts the whole platform on fresh data, imports
 * 100,000 members into one organisation through the gateway (ten CSV files of 10,000 lines), then times the staff
 * search and filtered lists, straight at members-service and through the gateway, one request at a time. Figures go
 * to the console and to {@code target/members-benchmark.md}; nothing is asserted about time.
 */
class MembersBenchmark {

    private static final int MEMBERS = Integer.getInteger("benchmark.members", 100_000);
    private static final int FILE_LINES = 10_000;
    private static final int SAMPLES = Integer.getInteger("benchmark.samples", 300);
    private static final String[] FIRST = {"Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Jade", "Louise",
            "Alice", "Zoé", "Hélène", "Sarah", "Julie", "Claire", "Anaïs", "Lucas", "Hugo", "Louis", "Nathan", "Gabriel",
            "Jules", "Arthur", "Léo", "Raphaël", "Adam", "Paul", "Thomas", "Théo", "Mathis", "Noé", "Éric", "Marc",
            "Pierre", "Nicolas", "Julien", "Antoine", "Sophie", "Marie", "Anne", "François"};
    private static final String[] LAST = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
            "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
            "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre",
            "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand",
            "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
            "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour",
            "Meunier"};

    @Test
    void hundredThousandMembers() throws IOException {
        Map<String, String> figures = new LinkedHashMap<>();
        try (BenchmarkPlatform bench = BenchmarkPlatform.start("benchmark")) {
            RunningPlatform platform = bench.platform();
            Http gateway = bench.gateway();
            Http members = new Http(platform.serviceUrl(Service.MEMBERS));
            figures.put("platform startup", seconds(platform.startupTime().toNanos()));

            JsonNode chain = gateway.post("/api/v1/organizations", """
                    {"name": "Benchmark Fitness", "currency": "EUR", "timeZone": "Europe/Paris", "locale": "fr-FR",
                     "sites": [{"name": "Lyon", "timeZone": "Europe/Paris"}, {"name": "Paris", "timeZone": "Europe/Paris"},
                               {"name": "Nantes", "timeZone": "Europe/Paris"}]}""")
                    .token(bench.token("{\"roles\": [\"platform-admin\"], \"subject\": \"root\"}")).send().json();
            String organization = chain.get("id").asString();
            String lyon = chain.get("sites").get(0).get("id").asString();
            String manager = bench.token("{\"organizationId\": \"" + organization
                    + "\", \"roles\": [\"manager\"], \"subject\": \"bench\"}");

            List<Long> importTimes = new ArrayList<>();
            for (int file = 0; file < MEMBERS / FILE_LINES; file++) {
                byte[] csv = file(file * FILE_LINES, FILE_LINES);
                long started = System.nanoTime();
                Http.Response accepted = gateway.upload("POST", "/api/v1/members/imports", "file",
                        "members-" + file + ".csv", "text/csv", csv).token(manager).send();
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
                String location = accepted.header("Location").orElseThrow();
                JsonNode done = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                        .until(() -> gateway.get(location).token(manager).send().json(),
                                view -> !"running".equals(view.get("status").asString()));
                importTimes.add(System.nanoTime() - started);
                assertThat(done.get("status").asString()).isEqualTo("completed");
                assertThat(done.get("created").asInt()).as(done.toString()).isEqualTo(FILE_LINES);
                System.out.printf("import %d: %s%n", file, seconds(importTimes.get(importTimes.size() - 1)));
            }
            long lastImportEnd = System.nanoTime();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(
                    () -> gateway.get("/api/v1/members/counts").token(manager).send().json().get("active").asLong(),
                    count -> count == MEMBERS);
            figures.put("import of 10,000 lines (POST to completed, through the gateway), median of "
                    + importTimes.size(), seconds(percentile(importTimes, 50)));
            figures.put("import of 10,000 lines, slowest", seconds(percentile(importTimes, 100)));
            figures.put("member list caught up after the last import", seconds(System.nanoTime() - lastImportEnd));

            long exportStarted = System.nanoTime();
            Http.Response export = gateway.get("/api/v1/members/export?format=csv&status=any").token(manager).send();
            figures.put("CSV export of " + MEMBERS + " members through the gateway (" + export.bytes().length / 1024
                    + " KB)", seconds(System.nanoTime() - exportStarted));
            List<String> ids = export.body().lines().skip(1).limit(2_000)
                    .map(line -> line.substring(line.lastIndexOf(',') + 1)).toList();
            String yoga = gateway.post("/api/v1/organizations/" + organization + "/tags", "{\"name\": \"Yoga\"}")
                    .token(manager).send().header("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
                    .orElseThrow();
            for (String id : ids) {
                gateway.put("/api/v1/members/" + id + "/tags/" + yoga, "").token(manager).send();
            }

            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("search a common name prefix (q=mar)", "/api/v1/members?q=mar");
            queries.put("search first and last name (q=lea dubois)", "/api/v1/members?q=" + encode("lea dubois"));
            queries.put("search a rare name (q=meunier noe)", "/api/v1/members?q=" + encode("meunier noe"));
            queries.put("search a phone (q=0612004242)", "/api/v1/members?q=0612004242");
            queries.put("search a member code (q=004242)", "/api/v1/members?q=004242");
            queries.put("list, tag filter (2,000 tagged)", "/api/v1/members?tag=" + yoga);
            queries.put("list, one site, newest first", "/api/v1/members?siteId=" + lyon + "&sort=-created");
            queries.put("list, registered today, by last change", "/api/v1/members?registeredFrom="
                    + LocalDate.now() + "&sort=-lastChange");
            queries.put("list, third page by name", "/api/v1/members?limit=20&cursor=" + cursorOfPage(gateway,
                    manager, 3));
            queries.put("counts per status (all 100,000)", "/api/v1/members/counts");
            List<String> rows = new ArrayList<>();
            rows.add("| request | service p50 | service p95 | gateway p50 | gateway p95 |");
            rows.add("|---|---|---|---|---|");
            for (Map.Entry<String, String> query : queries.entrySet()) {
                List<Long> direct = timed(members, query.getValue(), manager);
                List<Long> through = timed(gateway, query.getValue(), manager);
                rows.add("| " + query.getKey() + " | " + millis(percentile(direct, 50)) + " | "
                        + millis(percentile(direct, 95)) + " | " + millis(percentile(through, 50)) + " | "
                        + millis(percentile(through, 95)) + " |");
            }
            List<String> report = new ArrayList<>();
            report.add("# Members benchmark, " + MEMBERS + " members, " + SAMPLES + " sequential requests each");
            report.add("");
            figures.forEach((name, value) -> report.add("- " + name + ": " + value));
            report.add("");
            report.addAll(rows);
            report.forEach(System.out::println);
            Files.write(Path.of("target", "members-benchmark.md"), report, StandardCharsets.UTF_8);
        }
    }

    /** Lines {@code first} .. {@code first + count - 1} of the benchmark's members, as a club's CSV. */
    private static byte[] file(int first, int count) {
        StringBuilder csv = new StringBuilder("prenom;nom;courriel;telephone;date de naissance;sexe;site\n");
        String[] sites = {"Lyon", "Paris", "Nantes"};
        for (int index = first; index < first + count; index++) {
            String firstName = FIRST[index % FIRST.length];
            String lastName = LAST[(index / FIRST.length) % LAST.length];
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays((index * 37L) % 20_000);
            csv.append(firstName).append(';').append(lastName).append(';')
                    .append(ascii(firstName)).append('.').append(ascii(lastName)).append('.').append(index)
                    .append("@example.org;")
                    .append(String.format(Locale.ROOT, "06%08d", 12_000_000 + index)).append(';')
                    .append(String.format(Locale.ROOT, "%02d/%02d/%d", birth.getDayOfMonth(), birth.getMonthValue(),
                            birth.getYear())).append(';')
                    .append(index % 2 == 0 ? "F" : "H").append(';').append(sites[index % sites.length]).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cursorOfPage(Http gateway, String token, int page) {
        String cursor = null;
        for (int index = 1; index < page; index++) {
            JsonNode answer = gateway.get("/api/v1/members?limit=20" + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(token).send().json();
            cursor = answer.get("nextCursor").asString();
        }
        return cursor;
    }

    private static List<Long> timed(Http http, String path, String token) {
        for (int warm = 0; warm < 30; warm++) {
            http.get(path).token(token).send();
        }
        List<Long> nanos = new ArrayList<>();
        for (int sample = 0; sample < SAMPLES; sample++) {
            long started = System.nanoTime();
            Http.Response answer = http.get(path).token(token).send();
            nanos.add(System.nanoTime() - started);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }
        return nanos;
    }

    private static long percentile(List<Long> values, int percentile) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1_000_000_000.0);
    }
}
