package org.disputeledger.common;

import java.util.Currency;

/** An amount of money in integer minor units (kopecks, cents) of an ISO 4217 currency. Never negative. */
public record Money(long minor, String currency) {

    public Money {
        if (minor < 0) {
            throw new InvalidValueException("amount.minor", "non-negative", "amount.minor must not be negative");
        }
        InvalidValueException.requireText(currency, "amount.currency");
        if (!currency.matches("[A-Z]{3}") || !isIso4217(currency)) {
            throw new InvalidValueException("amount.currency", "iso-4217",
                    "amount.currency must be an ISO 4217 code such as RUB or EUR");
        }
    }

    private static boolean isIso4217(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(minor - other.minor, currency);
    }

    public boolean exceeds(Money other) {
        requireSameCurrency(other);
        return minor > other.minor;
    }

    public boolean sameCurrency(Money other) {
        return currency.equals(other.currency);
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrency(other)) {
            throw new LedgerRuleViolation(RuleCode.CURRENCY_MISMATCH, "amount.currency",
                    "expected " + currency + " but got " + other.currency);
        }
    }
}
