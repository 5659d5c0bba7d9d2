package org.disputeledger.provision;

import java.math.BigInteger;
import org.disputeledger.common.InvalidValueException;

/** An exact share such as 1/20 of a revenue: a non-negative numerator over a positive denominator, never rounded. */
public record Fraction(long numerator, long denominator) {

    public Fraction {
        if (denominator <= 0) {
            throw new InvalidValueException("fraction.denominator", "positive",
                    "a fraction's denominator must be positive");
        }
        if (numerator < 0) {
            throw new InvalidValueException("fraction.numerator", "non-negative",
                    "a fraction's numerator must not be negative");
        }
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(numerator, denominator);
    }

    /** This share taken {@code times} times, as for a bundle of rulings. */
    public Fraction times(long times) {
        return new Fraction(Math.multiplyExact(numerator, times), denominator);
    }

    /** Compares the two shares exactly: negative, zero or positive as this one is smaller, equal or larger. */
    public int compareTo(Fraction other) {
        BigInteger mine = BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(other.denominator));
        BigInteger theirs = BigInteger.valueOf(other.numerator).multiply(BigInteger.valueOf(denominator));
        return mine.compareTo(theirs);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
