package org.disputeledger.api.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.disputeledger.common.InvalidValueException;

/**
 * The versions of its stream a write may apply to, from an If-Match header: {@code *} (any version of a stream that
 * exists) or the stream's ETags, strong and quoted ({@code "3"}, the sequence number of its last event). A stream
 * that does not exist yet has no version, so it matches neither.
 */
public record IfMatch(boolean any, Set<Long> versions) {

    public static final String HEADER = "If-Match";

    private static final Pattern VERSION = Pattern.compile("\"(\\d{1,18})\"");

    public IfMatch {
        versions = Set.copyOf(versions);
    }

    /** Reads the header as sent; a value that is not {@code *} or a list of the ledger's ETags is refused. */
    public static IfMatch parse(String header) {
        String value = header.trim();
        if (value.equals("*")) {
            return new IfMatch(true, Set.of());
        }
        Set<Long> versions = new LinkedHashSet<>();
        for (String tag : value.split(",", -1)) {
            Matcher matcher = VERSION.matcher(tag.trim());
            if (!matcher.matches()) {
                throw new InvalidValueException(HEADER, "if-match",
                        "If-Match must be * or one or more ETags of the stream, such as \"3\"");
            }
            versions.add(Long.parseLong(matcher.group(1)));
        }
        return new IfMatch(false, versions);
    }

    /** Whether a stream at {@code version} (null: the stream does not exist) meets the precondition. */
    public boolean matches(Long version) {
        return version != null && (any || versions.contains(version));
    }

    /** The header's canonical form, as the command's metadata carries it. */
    @Override
    public String toString() {
        return any ? "*" : versions.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }
}
