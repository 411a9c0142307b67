package org.citygrid.evaluation.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.citygrid.evaluation.internal.Report;
import org.dhatim.fastexcel.Workbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A report as a file: CSV (UTF-8 with BOM, for Excel) or XLSX (fastexcel), with Chinese column headers. */
@Component
class ReportFiles {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Locale HEADERS = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    ReportFiles(MessageSource messages) {
        this.messages = messages;
    }

    ResponseEntity<byte[]> file(Report report, String format) {
        var view = ReportViews.of(report);
        var keys = columns(report);
        var headers = keys.stream().map(k -> messages.getMessage("evaluation.figure." + k, null, k, HEADERS)).toList();
        var name = "evaluation-" + report.subject().name().toLowerCase(Locale.ROOT)
                + (report.variant() == null ? "" : "-" + report.variant().toLowerCase(Locale.ROOT)) + "-"
                + report.from() + "-" + report.to();
        if (format.equals("csv")) {
            return respond(csv(headers, keys, view.rows()), MediaType.parseMediaType("text/csv;charset=UTF-8"),
                    name + ".csv");
        }
        return respond(xlsx(headers, keys, view.rows(), report.subject().name()), XLSX, name + ".xlsx");
    }

    static List<String> columns(Report report) {
        var keys = new ArrayList<String>();
        keys.add("rank");
        keys.add(ReportViews.keyName(report.subject()));
        keys.add("name");
        keys.addAll(report.figures());
        keys.addAll(List.of("score", "grade", "insufficientSample"));
        return keys;
    }

    private static ResponseEntity<byte[]> respond(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static byte[] csv(List<String> headers, List<String> keys, List<Map<String, Object>> rows) {
        var out = new StringBuilder("\uFEFF");
        out.append(String.join(",", headers.stream().map(ReportFiles::quoted).toList())).append("\r\n");
        for (var row : rows) {
            out.append(String.join(",", keys.stream().map(k -> quoted(text(row.get(k)))).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : v.toString();
    }

    /** RFC 4180 quoting, and a leading quote against spreadsheet formulas in names. */
    private static String quoted(String s) {
        var safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?") ? "'" + s : s;
        return safe.matches("[^,\"\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static byte[] xlsx(List<String> headers, List<String> keys, List<Map<String, Object>> rows,
                               String sheet) {
        var bytes = new ByteArrayOutputStream();
        try {
            var wb = new Workbook(bytes, "CityGrid", "1.0");
            var ws = wb.newWorksheet(sheet);
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c, headers.get(c));
                ws.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < keys.size(); c++) {
                    var v = rows.get(r).get(keys.get(c));
                    if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (v instanceof Boolean b) {
                        ws.value(r + 1, c, b);
                    } else if (v != null) {
                        ws.value(r + 1, c, v.toString());
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
