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

    /**
     * An ISO date means the end of that day in UTC (facts effective that day count); an ISO instant is exact; no
     * value means now. A malformed value is refused as an invalid value of the field.
     */
    public static Instant parse(String value, String field, Instant now) {
        if (value == null || value.isBlank()) {
            return now;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "iso-date-or-instant",
                    field + " must be an ISO date such as 2021-03-15 or an ISO instant such as 2021-03-15T12:00:00Z");
        }
    }
}
