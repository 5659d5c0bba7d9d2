package org.disputeledger.claim.command;

import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.Slug;

/** Checks shared by the claim commands. */
final class CommandValues {

    static final int MAX_ID = 100;
    static final int MAX_NAME = 300;

    private CommandValues() {
    }

    static String requireId(String value, String field) {
        InvalidValueException.requireText(value, field);
        return InvalidValueException.requireMaxLength(value, MAX_ID, field);
    }

    static String requireName(String value, String field) {
        InvalidValueException.requireText(value, field);
        return InvalidValueException.requireMaxLength(value, MAX_NAME, field);
    }

    static String optionalText(String value, int max, String field) {
        if (value != null && value.isBlank()) {
            throw new InvalidValueException(field, "not-blank", field + " must not be blank when given");
        }
        return InvalidValueException.requireMaxLength(value, max, field);
    }

    static String optionalSlug(String value, String field) {
        return value == null ? null : Slug.require(value, field);
    }

    static Long nonNegative(Long value, String field) {
        if (value != null && value < 0) {
            throw new InvalidValueException(field, "non-negative", field + " must not be negative");
        }
        return value;
    }
}
