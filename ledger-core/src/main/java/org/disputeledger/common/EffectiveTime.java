package org.disputeledger.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a fact took effect in the world, with the precision it is known to. Dates are calendar dates in UTC;
 * an instant is given only with {@link Precision#INSTANT}. A month or year is written as its first day.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EffectiveTime(LocalDate date, Instant instant, Precision precision) {

    public EffectiveTime {
        InvalidValueException.requireValue(precision, "effective.precision");
        if (precision == Precision.INSTANT) {
            InvalidValueException.requireValue(instant, "effective.instant");
            LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
            if (date != null && !date.equals(day)) {
                throw new InvalidValueException("effective.date", "instant-date-mismatch",
                        "effective.date must be the UTC date of effective.instant");
            }
            date = day;
        } else {
            if (instant != null) {
                throw new InvalidValueException("effective.instant", "instant-needs-instant-precision",
                        "effective.instant is allowed only with precision INSTANT");
            }
            InvalidValueException.requireValue(date, "effective.date");
            if (precision == Precision.MONTH && date.getDayOfMonth() != 1) {
                throw new InvalidValueException("effective.date", "month-precision-first-day",
                        "with precision MONTH the date must be the first day of the month");
            }
            if (precision == Precision.YEAR && date.getDayOfYear() != 1) {
                throw new InvalidValueException("effective.date", "year-precision-first-day",
                        "with precision YEAR the date must be the first of January");
            }
        }
        if (date.getYear() < 1900 || date.getYear() > 2999) {
            throw new InvalidValueException("effective.date", "date-range", "effective.date must lie between 1900 and 2999");
        }
    }

    public static EffectiveTime day(LocalDate date) {
        return new EffectiveTime(date, null, Precision.DAY);
    }

    public static EffectiveTime day(String isoDate) {
        return day(LocalDate.parse(isoDate));
    }

    public static EffectiveTime at(Instant instant) {
        return new EffectiveTime(null, instant, Precision.INSTANT);
    }

    /** How far an approximate date may be off, either way. */
    public static final int APPROXIMATE_DAYS = 31;

    /** The instant used to order facts in time: the instant, or the start of the (first) day given. */
    @JsonIgnore
    public Instant start() {
        return instant != null ? instant : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The earliest instant the fact may have taken effect, given its precision. */
    @JsonIgnore
    public Instant earliest() {
        return precision == Precision.APPROXIMATE
                ? date.minusDays(APPROXIMATE_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant()
                : start();
    }

    /** The last instant the fact may have taken effect, given its precision (exclusive end of its period). */
    @JsonIgnore
    public Instant latest() {
        LocalDate end = switch (precision) {
            case INSTANT -> null;
            case DAY -> date.plusDays(1);
            case MONTH -> date.plusMonths(1);
            case YEAR -> date.plusYears(1);
            case APPROXIMATE -> date.plusDays(APPROXIMATE_DAYS + 1L);
        };
        return end == null ? instant : end.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * True when this fact certainly took effect before the other: even at the latest this one may have
     * happened, the other had not yet begun. Facts whose periods overlap are not certainly ordered.
     */
    public boolean isCertainlyBefore(EffectiveTime other) {
        Instant mine = latest();
        boolean exclusiveEnd = precision != Precision.INSTANT;
        return exclusiveEnd ? !mine.isAfter(other.earliest()) : mine.isBefore(other.earliest());
    }
}
