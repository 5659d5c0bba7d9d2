package org.disputeledger.provision;

import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.Money;

/**
 * A fine of between {@code min} and {@code max} of the offender's stated revenue (exact fractions), and never less
 * than {@code floor} (minor units).
 */
public record TurnoverBand(Fraction min, Fraction max, Money floor) implements Penalty {

    public TurnoverBand {
        InvalidValueException.requireValue(min, "penalty.min");
        InvalidValueException.requireValue(max, "penalty.max");
        InvalidValueException.requireValue(floor, "penalty.floor");
        if (min.compareTo(max) > 0) {
            throw new InvalidValueException("penalty.max", "max-not-below-min",
                    "a turnover band's max must not be below its min");
        }
    }
}
