package org.disputeledger.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.disputeledger.common.InvalidValueException;

/** The points in time of the read endpoints: {@code at} (effective time) and {@code knownAt} (recorded time). */
public final class PointInTime {

    private PointInTime() {
    }

    /** The range every point in time of a query lies in: the years 1 to 9999, UTC. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * An ISO date means the end of that day in UTC (facts effective that day count); an ISO instant is exact; no
     * value means now. A malformed value, or one outside the years 1 to 9999, is refused as an invalid value of the
     * field.
     */
    public static Instant parse(String value, String field, Instant now) {
        if (value == null || value.isBlank()) {
            return now;
        }
        return read(value, field, true);
    }

    /** A lower bound: an ISO date means the start of that day in UTC; an ISO instant is exact. */
    public static Instant startOf(String value, String field) {
        return read(value, field, false);
    }

    private static Instant read(String value, String field, boolean endOfDay) {
        Instant instant;
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                instant = endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "iso-date-or-instant",
                    field + " must be an ISO date such as 2021-03-15 or an ISO instant such as 2021-03-15T12:00:00Z");
        }
        // beyond these years a database timestamp overflows: the question has no answer, so it is refused
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidValueException(field, "time-range", field + " must lie in the years 1 to 9999");
        }
        return instant;
    }
}
