package org.disputeledger.proceeding.command;

import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.proceeding.ChallengeOutcome;

/**
 * Record a court's decision on a challenge to an order or demand, described in {@code challenged}; opens the
 * proceeding's stream. Appeals against fines are decided with DecideAppeal.
 */
public record DecideChallenge(String proceedingId, String jurisdiction, String court, ChallengeOutcome outcome,
                              String challenged, Envelope envelope) implements LedgerCommand {

    public DecideChallenge {
        InvalidValueException.requireText(proceedingId, "proceedingId");
        InvalidValueException.requireMaxLength(proceedingId, 200, "proceedingId");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        InvalidValueException.requireText(court, "court");
        InvalidValueException.requireMaxLength(court, 300, "court");
        InvalidValueException.requireValue(outcome, "outcome");
        InvalidValueException.requireText(challenged, "challenged");
        InvalidValueException.requireMaxLength(challenged, 1000, "challenged");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    @Override
    public String streamId() {
        return proceedingId;
    }
}
