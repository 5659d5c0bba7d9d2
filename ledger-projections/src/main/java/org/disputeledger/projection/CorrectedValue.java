package org.disputeledger.projection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.Money;

/**
 * The value a corrected field gives a figure of a read model. A correction names its fields as text, and the ledger
 * accepts any text there; a value that does not read as what the field holds changes nothing, so each reading falls
 * back to the value recorded.
 */
public final class CorrectedValue {

    private CorrectedValue() {
    }

    /** A whole non-negative number (a count, or an amount in minor units). */
    public static Long count(String value, Long recorded) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return recorded;
        }
        return Long.parseLong(value.strip());
    }

    /** An ISO date. */
    public static LocalDate date(String value, LocalDate recorded) {
        if (value == null) {
            return recorded;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return recorded;
        }
    }

    /** An ISO 4217 currency code. */
    public static String currency(String value, String recorded) {
        if (value == null) {
            return recorded;
        }
        try {
            return Money.of(0, value.strip()).currency();
        } catch (InvalidValueException e) {
            return recorded;
        }
    }

    /** One of an enumeration's constants, by name. */
    public static <E extends Enum<E>> E constant(Class<E> type, String value, E recorded) {
        if (value == null) {
            return recorded;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return recorded;
        }
    }
}
