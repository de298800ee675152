package io.palestra.members.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.palestra.platform.errors.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file of members as clubs have them: UTF-8 (a BOM is fine), comma- or semicolon-separated (the separator of
 * the header line wins), a header naming the columns in English or French, whatever the case and accents (the
 * platform's own export reads back). First and last name columns are required; unknown columns are ignored.
 */
final class ImportFile {

    static final int MAX_ROWS = 50_000;

    enum Column {
        FIRST_NAME("first_name", "firstname", "first name", "prenom"),
        LAST_NAME("last_name", "lastname", "last name", "nom", "nom de famille"),
        EMAIL("email", "e-mail", "mail", "courriel", "adresse e-mail", "adresse email"),
        PHONE("phone", "telephone", "mobile", "portable", "tel", "numero de telephone"),
        BIRTH_DATE("birth_date", "birthdate", "date of birth", "date_naissance", "date de naissance", "naissance"),
        GENDER("gender", "sexe", "genre", "civilite"),
        COUNTRY("country", "pays"),
        SITE("site", "club", "etablissement");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        static Optional<Column> named(String header) {
            String folded = fold(header);
            for (Column column : values()) {
                if (column.names.contains(folded)) {
                    return Optional.of(column);
                }
            }
            return Optional.empty();
        }
    }

    /** One data line: its number in the file (the header is line 1) and its values by column. */
    record Line(int number, Map<Column, String> values) {

        String get(Column column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private ImportFile() {
    }

    static List<Line> read(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw InvalidInputException.of("file", "is not a CSV text file");
        }
        int endOfHeader = text.indexOf('\n');
        String headerLine = endOfHeader < 0 ? text : text.substring(0, endOfHeader);
        char separator = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
        List<CsvRecord> records;
        try {
            records = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true).allowExtraFields(true)
                    .allowMissingFields(true).ofCsvRecord(text).stream()
                    .limit(MAX_ROWS + 2L).toList();
        } catch (RuntimeException e) {
            throw InvalidInputException.of("file", "cannot be read as CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw InvalidInputException.of("file", "is empty");
        }
        if (records.size() > MAX_ROWS + 1) {
            throw InvalidInputException.of("file", "has more than " + MAX_ROWS + " rows; split it");
        }
        Map<Integer, Column> columns = new HashMap<>();
        List<String> header = records.get(0).getFields();
        for (int index = 0; index < header.size(); index++) {
            int position = index;
            Column.named(header.get(index)).ifPresent(column -> {
                if (!columns.containsValue(column)) {
                    columns.put(position, column);
                }
            });
        }
        if (!columns.containsValue(Column.FIRST_NAME) || !columns.containsValue(Column.LAST_NAME)) {
            throw InvalidInputException.of("file", "needs a header line with first_name and last_name columns "
                    + "(or prenom and nom); it has " + header);
        }
        List<Line> lines = new ArrayList<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            Map<Column, String> values = new EnumMap<>(Column.class);
            columns.forEach((index, column) -> {
                if (index < record.getFieldCount()) {
                    values.put(column, record.getField(index));
                }
            });
            lines.add(new Line((int) record.getStartingLineNumber(), values));
        }
        return lines;
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static int count(String text, char wanted) {
        return (int) text.chars().filter(character -> character == wanted).count();
    }
}
