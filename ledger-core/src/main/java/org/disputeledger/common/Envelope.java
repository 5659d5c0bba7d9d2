package org.disputeledger.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every fact carries besides its own fields: when it took effect, who says so, how sure the ledger is,
 * the earlier events it links to, a one-line summary and free-form details (alternatives, qualifiers).
 * The recorded time, the recorder and the idempotency key are set by the ledger in the message, never here.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Envelope(EffectiveTime effective, List<Source> sources, Confidence confidence, List<Link> links,
                       String summary, Map<String, String> details) {

    public static final int MAX_SOURCES = 20;
    public static final int MAX_LINKS = 50;
    public static final int MAX_DETAILS = 50;

    public Envelope {
        InvalidValueException.requireValue(effective, "effective");
        InvalidValueException.requireValue(confidence, "confidence");
        if (sources == null || sources.isEmpty()) {
            throw new InvalidValueException("sources", "source-required", "at least one source is required");
        }
        if (sources.size() > MAX_SOURCES) {
            throw new InvalidValueException("sources", "max-items", "at most " + MAX_SOURCES + " sources");
        }
        sources = List.copyOf(sources);
        links = links == null ? List.of() : List.copyOf(links);
        if (links.size() > MAX_LINKS) {
            throw new InvalidValueException("links", "max-items", "at most " + MAX_LINKS + " links");
        }
        InvalidValueException.requireMaxLength(summary, 2000, "summary");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
        if (details.size() > MAX_DETAILS) {
            throw new InvalidValueException("details", "max-items", "at most " + MAX_DETAILS + " details");
        }
        details.forEach((k, v) -> {
            InvalidValueException.requireText(k, "details");
            InvalidValueException.requireMaxLength(k, 100, "details");
            InvalidValueException.requireValue(v, "details." + k);
            InvalidValueException.requireMaxLength(v, 1000, "details." + k);
        });
    }

    public static Envelope of(EffectiveTime effective, Source source, Confidence confidence) {
        return new Envelope(effective, List.of(source), confidence, List.of(), null, Map.of());
    }

    public Envelope withLinks(List<Link> newLinks) {
        return new Envelope(effective, sources, confidence, newLinks, summary, details);
    }
}
