package org.disputeledger.accountaction.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disputeledger.common.InvalidValueException;

/** Checks shared by the platform-action commands. */
final class CommandValues {

    static final int MAX_ID = 100;
    static final int MAX_NAME = 300;
    static final int MAX_ITEMS = 1000;

    private CommandValues() {
    }

    static String requireId(String value, String field) {
        InvalidValueException.requireText(value, field);
        return InvalidValueException.requireMaxLength(value, MAX_ID, field);
    }

    static String optionalText(String value, int max, String field) {
        if (value != null && value.isBlank()) {
            throw new InvalidValueException(field, "not-blank", field + " must not be blank when given");
        }
        return InvalidValueException.requireMaxLength(value, max, field);
    }

    /** A list of names, each present and not blank; an absent list is an empty one. */
    static List<String> names(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_ITEMS) {
            throw new InvalidValueException(field, "max-items", "at most " + MAX_ITEMS + " " + field);
        }
        List<String> names = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String element = field + "[" + i + "]";
            InvalidValueException.requireText(values.get(i), element);
            names.add(InvalidValueException.requireMaxLength(values.get(i), MAX_NAME, element));
        }
        return List.copyOf(names);
    }

    /** Counts by name, none negative; an absent map is an empty one. */
    static Map<String, Long> counts(Map<String, Long> values, String field) {
        if (values == null) {
            return Map.of();
        }
        for (var entry : values.entrySet()) {
            InvalidValueException.requireText(entry.getKey(), field);
            InvalidValueException.requireMaxLength(entry.getKey(), MAX_ID, field);
            if (entry.getValue() == null || entry.getValue() < 0) {
                throw new InvalidValueException(field + "." + entry.getKey(), "non-negative",
                        field + " counts must be present and not negative");
            }
        }
        return Map.copyOf(values);
    }
}
