package org.disputeledger.projection.timeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.disputeledger.common.InvalidValueException;

/**
 * The rules of a timeline, on the stored entries of one subject.
 * <ol>
 * <li>An entry counts when the ledger recorded it at or before {@code knownAt} and it took effect (its start) at or
 * before {@code at}; with {@code from} and {@code to}, its start lies between them (both included); with a
 * jurisdiction, the entry's jurisdiction (its own, or its stream's) is that one.
 * <li>Entries are in effective order (their start, whatever the precision), then in the order of the log (global
 * position). The effective time is the one recorded; a later correction is shown as a curation of the entry and
 * does not move it.
 * <li>A page holds at most {@code limit} entries after the cursor {@code after} (the start and position of the last
 * entry of the previous page).
 * </ol>
 */
public final class TimelineRules {

    /** The default and the largest number of entries of a page. */
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1000;

    static final Comparator<TimelineRow> IN_TIME_ORDER = Comparator
            .comparing((TimelineRow row) -> row.effective().start()).thenComparingLong(TimelineRow::position);

    private TimelineRules() {
    }

    /** The bounds of a timeline: the two points in time, an optional effective window and jurisdiction. */
    public record Window(Instant at, Instant knownAt, Instant from, Instant to, String jurisdiction) {
    }

    /** The position after which a page starts: the effective start and global position of an entry. */
    public record Cursor(Instant start, long position) {

        /** Written as {@code <ISO instant>~<position>}. */
        public String write() {
            return start + "~" + position;
        }

        /** Reads a cursor written by {@link #write()}; anything else is an invalid value of {@code field}. */
        public static Cursor read(String value, String field) {
            int tilde = value.lastIndexOf('~');
            try {
                if (tilde > 0) {
                    return new Cursor(Instant.parse(value.substring(0, tilde)),
                            Long.parseLong(value.substring(tilde + 1)));
                }
            } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
                throw invalidCursor(field);
            }
            throw invalidCursor(field);
        }

        private static InvalidValueException invalidCursor(String field) {
            return new InvalidValueException(field, "cursor",
                    field + " must be the cursor of a previous page, such as 2021-03-10T00:00:00Z~42");
        }
    }

    /** A limit of a page from its optional value: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
    public static int limit(Integer value, String field) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw new InvalidValueException(field, "range", field + " must lie between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    static boolean counts(TimelineRow row, Window window) {
        Instant start = row.effective().start();
        return !row.recordedAt().isAfter(window.knownAt()) && !start.isAfter(window.at())
                && (window.from() == null || !start.isBefore(window.from()))
                && (window.to() == null || !start.isAfter(window.to()))
                && (window.jurisdiction() == null || window.jurisdiction().equals(row.jurisdiction()));
    }

    static boolean isAfter(TimelineRow row, Cursor cursor) {
        int byStart = row.effective().start().compareTo(cursor.start());
        return byStart > 0 || (byStart == 0 && row.position() > cursor.position());
    }

    /** The rows of one page, and the cursor of the next page (null when none follows). */
    record Page(List<TimelineRow> rows, Cursor next) {
    }

    static Page page(List<TimelineRow> rows, Window window, Cursor after, int limit) {
        List<TimelineRow> counted = rows.stream().filter(row -> counts(row, window))
                .filter(row -> after == null || isAfter(row, after)).sorted(IN_TIME_ORDER).toList();
        if (counted.size() <= limit) {
            return new Page(counted, null);
        }
        List<TimelineRow> page = counted.subList(0, limit);
        TimelineRow last = page.get(limit - 1);
        return new Page(page, new Cursor(last.effective().start(), last.position()));
    }
}
