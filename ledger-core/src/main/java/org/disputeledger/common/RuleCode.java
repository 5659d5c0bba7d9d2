package org.disputeledger.common;

/**
 * Stable codes of the rules a command can break; clients may branch on them, so a code is never renamed.
 * Each carries the rule in words, as it is shown in problem details.
 */
public enum RuleCode {
    REVERSAL_WITHOUT_ACTIVE_ANTECEDENT("A reversal must reference an existing antecedent of the same target that is still in force"),
    EFFECTIVE_BEFORE_ANTECEDENT("A reversal or follow-up cannot take effect before the fact it follows"),
    PAYMENT_EXCEEDS_AMOUNT_DUE("Payments never exceed the amount currently due, after appeal reductions"),
    FINE_OUTSIDE_PROVISION_RANGE("A fine's amount must lie in the range of the provision version in force on the offence date"),
    TURNOVER_FINE_OUTSIDE_BAND("A turnover fine must lie in the provision's band of the stated revenue and above its floor"),
    NO_PROVISION_VERSION_IN_FORCE("The provision had no version in force on the offence date"),
    REPEAT_FINE_WITHOUT_PRIOR_FINE("A repeat-offence fine must reference an earlier fine on the base provision against the same legal entity within the repeat window"),
    COMPLIANCE_EXCEEDS_ITEM_COUNT("A demand cannot be complied with beyond its item count"),
    DEMAND_CLOSED("Nothing follows a full compliance or a withdrawal of a demand"),
    CURRENCY_MISMATCH("Amounts of one fine are all in the fine's currency"),
    FINE_STATE_CONFLICT("The fine is not in a state that allows this step"),
    DUPLICATE_IDENTIFIER("The identifier is already used in this stream"),
    PROVISION_VERSION_CONFLICT("A provision has at most one version taking effect on a given date"),
    UNKNOWN_EVENT("A link or curation must name an event the ledger holds"),
    EVENT_ALREADY_RETRACTED("A retracted event cannot be corrected or retracted again"),
    DEADLINE_NOT_LATER("A deadline can only be extended to a later date"),
    STREAM_NOT_FOUND("The stream the command addresses does not exist");

    private final String rule;

    RuleCode(String rule) {
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
