package io.palestra.platform.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.palestra.platform.errors.InvalidInputException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A list as a file, CSV (UTF-8) or XLSX, written row by row as it is read: neither the service's memory nor the
 * file's size limit depends on how many rows there are. Booleans and numbers stay typed in XLSX.
 */
public final class TableExport {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final int FLUSH_EVERY = 500;

    private TableExport() {
    }

    /** Feeds every row of the file, in order, to the writer it is given. */
    @FunctionalInterface
    public interface Rows {
        void each(Consumer<List<Object>> row);
    }

    /** A page of a list: at most {@code limit} items, after the first {@code offset}, in the list's order. */
    @FunctionalInterface
    public interface Page<T> {
        List<T> read(int limit, int offset);
    }

    /**
     * The rows of a list read page by page, {@code pageSize} items at a time until a page comes back short, so that
     * neither memory nor a query's size depends on the list's length.
     *
     * @param keep which items are written (e.g. those of the sites the caller sees); the others still count towards
     *             their page's size
     * @param row  an item as the values of its row
     */
    public static <T> Rows paged(int pageSize, Page<T> page, Predicate<T> keep, Function<T, List<Object>> row) {
        return rows -> {
            for (int offset = 0; ; offset += pageSize) {
                List<T> items = page.read(pageSize, offset);
                items.stream().filter(keep).forEach(item -> rows.accept(row.apply(item)));
                if (items.size() < pageSize) {
                    return;
                }
            }
        };
    }

    /**
     * The answer streaming {@code rows} under {@code header}.
     *
     * @param format   csv or xlsx (anything else is a 400 on {@code format})
     * @param baseName the file's name before its date and extension, e.g. {@code members}
     * @param today    the date in the file's name
     */
    public static ResponseEntity<StreamingResponseBody> of(String format, String baseName, LocalDate today,
                                                           List<String> header, Rows rows) {
        requireFormat(format);
        String sheet = Character.toUpperCase(baseName.charAt(0)) + baseName.substring(1);
        StreamingResponseBody body = "csv".equals(format) ? output -> csv(output, header, rows)
                : output -> xlsx(output, sheet, header, rows);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + baseName + "-" + today + "." + format + "\"")
                .contentType("csv".equals(format) ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
                .body(body);
    }

    /** @throws InvalidInputException unless {@code format} is csv or xlsx */
    public static void requireFormat(String format) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw InvalidInputException.of("format", "must be csv or xlsx");
        }
    }

    private static void csv(OutputStream output, List<String> header, Rows rows) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(writer);
        csv.writeRecord(header);
        rows.each(values -> csv.writeRecord(values.stream().map(value -> value == null ? "" : String.valueOf(value))
                .toList()));
        csv.flush();
    }

    private static void xlsx(OutputStream output, String sheetName, List<String> header, Rows rows)
            throws IOException {
        Workbook workbook = new Workbook(output, "Palestra", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int column = 0; column < header.size(); column++) {
            sheet.value(0, column, header.get(column));
        }
        sheet.style(0).bold().set();
        int[] next = {1};
        rows.each(values -> {
            int line = next[0]++;
            for (int column = 0; column < values.size(); column++) {
                Object value = values.get(column);
                if (value instanceof Boolean flag) {
                    sheet.value(line, column, flag);
                } else if (value instanceof Number number) {
                    sheet.value(line, column, number);
                } else if (value != null) {
                    sheet.value(line, column, String.valueOf(value));
                }
            }
            if (line % FLUSH_EVERY == 0) {
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
}
