package org.disputeledger.provision;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.RuleCode;
import org.disputeledger.provision.command.EnactProvisionVersion;
import org.disputeledger.provision.event.ProvisionVersionEnacted;

/** One legal provision of a jurisdiction and its versions over time; its first version opens the stream. */
class LegalProvision {

    @AggregateIdentifier
    private String provisionId;
    private String code;
    private ProvisionHistory history = ProvisionHistory.EMPTY;

    LegalProvision() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EnactProvisionVersion command) {
        requireSameCode(command.code());
        requireNoVersionFrom(command.effectiveFrom());
        apply(new ProvisionVersionEnacted(command.streamId(), command.jurisdiction(), command.code(),
                command.subject(), command.effectiveFrom(), command.penalty(), command.repeatOf(),
                command.repeatWindowDays(), command.enactingAct(), command.envelope()));
    }

    /** Two spellings of a code can share a stream; the first one recorded is the provision's name. */
    private void requireSameCode(String otherCode) {
        if (code != null && !code.equals(otherCode)) {
            throw new LedgerRuleViolation(RuleCode.PROVISION_VERSION_CONFLICT, "code",
                    "stream " + provisionId + " holds provision \"" + code + "\", not \"" + otherCode + "\"");
        }
    }

    private void requireNoVersionFrom(LocalDate effectiveFrom) {
        if (history.hasVersionFrom(effectiveFrom)) {
            throw new LedgerRuleViolation(RuleCode.PROVISION_VERSION_CONFLICT, "effectiveFrom",
                    "provision \"" + code + "\" already has a version taking effect on " + effectiveFrom);
        }
    }

    @EventSourcingHandler
    void on(ProvisionVersionEnacted event) {
        provisionId = event.provisionId();
        code = event.code();
        history = history.with(event);
    }
}
