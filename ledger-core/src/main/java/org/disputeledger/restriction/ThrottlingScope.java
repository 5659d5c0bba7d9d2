package org.disputeledger.restriction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.disputeledger.common.InvalidValueException;

/**
 * Which connections a throttling slows down: the percentage (0 to 100) of mobile and of fixed-line connections
 * affected, each null when not known, and a description of what the percentages cannot say.
 */
public record ThrottlingScope(Integer mobilePercent, Integer fixedPercent, String description) {

    public ThrottlingScope {
        requirePercent(mobilePercent, "scope.mobilePercent");
        requirePercent(fixedPercent, "scope.fixedPercent");
        if (description != null && description.isBlank()) {
            description = null;
        }
        InvalidValueException.requireMaxLength(description, 2000, "scope.description");
    }

    /** A throttling whose extent nobody has stated. */
    public static ThrottlingScope unknown() {
        return new ThrottlingScope(null, null, null);
    }

    /** True when the scope says anything at all: a percentage or a description. */
    @JsonIgnore
    public boolean isStated() {
        return mobilePercent != null || fixedPercent != null || description != null;
    }

    private static void requirePercent(Integer percent, String field) {
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new InvalidValueException(field, "percent", field + " must lie between 0 and 100");
        }
    }
}
