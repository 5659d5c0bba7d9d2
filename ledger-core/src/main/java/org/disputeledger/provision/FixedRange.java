package org.disputeledger.provision;

import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.Money;

/** A fine of at least {@code min} and at most {@code max}, both in minor units of one currency. */
public record FixedRange(Money min, Money max) implements Penalty {

    public FixedRange {
        InvalidValueException.requireValue(min, "penalty.min");
        InvalidValueException.requireValue(max, "penalty.max");
        if (!min.sameCurrency(max)) {
            throw new InvalidValueException("penalty.max.currency", "same-currency",
                    "the bounds of a fine range must be in one currency");
        }
        if (min.exceeds(max)) {
            throw new InvalidValueException("penalty.max", "max-not-below-min",
                    "a fine range's max must not be below its min");
        }
    }
}
