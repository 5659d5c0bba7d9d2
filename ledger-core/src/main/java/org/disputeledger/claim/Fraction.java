package org.disputeledger.claim;

import org.disputeledger.common.InvalidValueException;

/** An exact fraction such as 1/3, kept as said (not reduced) and never turned into a floating-point number. */
public record Fraction(long numerator, long denominator) {

    public Fraction {
        if (numerator < 0) {
            throw new InvalidValueException("fraction.numerator", "non-negative",
                    "fraction.numerator must not be negative");
        }
        if (denominator <= 0) {
            throw new InvalidValueException("fraction.denominator", "positive",
                    "fraction.denominator must be greater than zero");
        }
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(numerator, denominator);
    }

    /** Reads a fraction written as {@code numerator/denominator}, such as {@code 1/3}. */
    public static Fraction parse(String text) {
        InvalidValueException.requireText(text, "fraction");
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            throw new InvalidValueException("fraction", "fraction",
                    "a fraction is written as two whole numbers, such as 1/3");
        }
        return new Fraction(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    /** True when the fraction is more than the whole (such as 4/3). */
    public boolean exceedsOne() {
        return numerator > denominator;
    }
}
