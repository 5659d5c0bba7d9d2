package org.disputeledger.api.demo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disputeledger.common.Source;

/**
 * The sources of a seed row: its url, and the publishers the summary names in the parentheses that close it, such
 * as "(Meduza, 2020-02-13)" or "(pl.sputniknews, 2018-04-23; Meduza)". Parentheses inside the sentence, and
 * remarks such as "(day unverified)" or "(background knowledge, unverified)", name no publisher. A row with no
 * source is refused, except unverified background knowledge, which says so as its publisher.
 */
final class SeedSources {

    static final String BACKGROUND_KNOWLEDGE = "background knowledge (no source named)";
    private static final Pattern CLOSING_PARENTHESES = Pattern.compile("\\(([^()]*)\\)\\.?\\s*$");
    private static final Pattern REMARK = Pattern.compile("unverified|background knowledge");
    private static final Pattern DATED = Pattern.compile("^(.*),\\s*(\\d{4}-\\d{2}-\\d{2})$");

    private SeedSources() {
    }

    static List<Source> of(SeedRow row) {
        List<Source> sources = new ArrayList<>();
        if (row.sourceUrl() != null) {
            sources.add(Source.url(row.sourceUrl()));
        }
        Matcher parentheses = CLOSING_PARENTHESES.matcher(row.summary());
        if (parentheses.find()) {
            for (String part : parentheses.group(1).split(";")) {
                if (REMARK.matcher(part).find()) {
                    continue;
                }
                Source source = publisher(part.trim());
                if (source != null) {
                    sources.add(source);
                }
            }
        }
        if (sources.isEmpty()) {
            if (!"unverified".equals(row.confidence())) {
                throw new SeedRowRefused(row.id() + " names no source: no url and no publisher in its summary");
            }
            sources.add(new Source(null, BACKGROUND_KNOWLEDGE, null));
        }
        return sources;
    }

    private static Source publisher(String text) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher dated = DATED.matcher(text);
        if (dated.matches()) {
            try {
                return new Source(null, dated.group(1).trim(), LocalDate.parse(dated.group(2)));
            } catch (DateTimeParseException e) {
                return new Source(null, text, null);
            }
        }
        return new Source(null, text, null);
    }
}
