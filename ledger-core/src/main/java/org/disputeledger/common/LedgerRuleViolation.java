package org.disputeledger.common;

/**
 * A command that would make the ledger say something that cannot be true given what it already holds
 * (a payment above what is due, lifting a block that is not in force). Nothing is recorded.
 */
public class LedgerRuleViolation extends RuntimeException {

    private final RuleCode code;
    private final String field;

    public LedgerRuleViolation(RuleCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public RuleCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
