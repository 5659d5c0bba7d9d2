package org.disputeledger.common;

/**
 * A value that can never be true in the ledger (a malformed date, an unknown currency, a negative amount):
 * the request is malformed, whatever the state of the ledger. Carries the offending field and the rule.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final String rule;

    public InvalidValueException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    /** Throws when the value is null or blank. */
    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "required", field + " is required and must not be blank");
        }
        return value;
    }

    public static <T> T requireValue(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "required", field + " is required");
        }
        return value;
    }

    /** Throws when the text is longer than the ledger stores for such a field. */
    public static String requireMaxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new InvalidValueException(field, "max-length", field + " must be at most " + max + " characters");
        }
        return value;
    }
}
