package org.disputeledger.api.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the demo data set: RFC 4180 CSV with a header row, as in seed-timeline.csv. */
final class SeedCsv {

    private static final List<String> HEADER = List.of("id", "platform", "legal_entity", "jurisdiction",
            "effective_date", "effective_precision", "event_type", "authority", "legal_basis", "amount_minor",
            "currency", "count", "scope", "references", "summary", "source_url", "confidence");

    private SeedCsv() {
    }

    static List<SeedRow> read(InputStream in) throws IOException {
        List<List<String>> records = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (records.isEmpty() || !records.get(0).equals(HEADER)) {
            throw new IOException("the data set must start with the header " + HEADER);
        }
        List<SeedRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if (r.size() != HEADER.size()) {
                throw new IOException("line " + (i + 1) + " has " + r.size() + " fields, expected " + HEADER.size());
            }
            rows.add(new SeedRow(r.get(0), blankToNull(r.get(1)), blankToNull(r.get(2)), r.get(3),
                    LocalDate.parse(r.get(4)), r.get(5), r.get(6), blankToNull(r.get(7)), blankToNull(r.get(8)),
                    toLong(r.get(9)), blankToNull(r.get(10)), toLong(r.get(11)), attributes(r.get(12)),
                    references(r.get(13)), r.get(14), blankToNull(r.get(15)), r.get(16)));
        }
        return rows;
    }

    private static Map<String, String> attributes(String scope) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String pair : scope.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                attributes.put(pair.trim(), "true");
            } else {
                attributes.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return attributes;
    }

    private static List<String> references(String value) {
        return value.isBlank() ? List.of() : Arrays.stream(value.split(";")).map(String::trim).toList();
    }

    private static Long toLong(String value) {
        return value.isBlank() ? null : Long.valueOf(value.trim());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Splits CSV text into records of fields, honouring quotes, doubled quotes and line breaks inside quotes. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
