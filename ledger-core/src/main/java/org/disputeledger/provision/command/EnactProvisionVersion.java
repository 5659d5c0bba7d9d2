package org.disputeledger.provision.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Slug;
import org.disputeledger.provision.Penalty;
import org.disputeledger.provision.ProvisionRegister;

/**
 * Record a version of a legal provision taking effect on a date; the provision's stream is named after its
 * jurisdiction and code and is opened by its first version.
 */
public record EnactProvisionVersion(String jurisdiction, String code, String subject, LocalDate effectiveFrom,
                                    Penalty penalty, String repeatOf, Integer repeatWindowDays, String enactingAct,
                                    Envelope envelope) implements LedgerCommand {

    /** A repeat offence is one within a year of the earlier fine unless the provision says otherwise. */
    public static final int DEFAULT_REPEAT_WINDOW_DAYS = 365;

    public EnactProvisionVersion {
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        requireCode(code, "code");
        InvalidValueException.requireMaxLength(subject, 100, "subject");
        InvalidValueException.requireValue(effectiveFrom, "effectiveFrom");
        if (repeatOf != null) {
            requireCode(repeatOf, "repeatOf");
            if (Slug.of(repeatOf).equals(Slug.of(code))) {
                throw new InvalidValueException("repeatOf", "other-provision",
                        "repeatOf must name the base provision, not the provision itself");
            }
            repeatWindowDays = repeatWindowDays == null ? DEFAULT_REPEAT_WINDOW_DAYS : repeatWindowDays;
            if (repeatWindowDays < 1) {
                throw new InvalidValueException("repeatWindowDays", "positive", "repeatWindowDays must be positive");
            }
        } else if (repeatWindowDays != null) {
            throw new InvalidValueException("repeatWindowDays", "needs-repeat-of",
                    "repeatWindowDays is allowed only for a repeat offence, with repeatOf");
        }
        InvalidValueException.requireMaxLength(enactingAct, 200, "enactingAct");
        InvalidValueException.requireValue(envelope, "envelope");
    }

    private static void requireCode(String code, String field) {
        InvalidValueException.requireText(code, field);
        InvalidValueException.requireMaxLength(code, 200, field);
        if (!code.matches(".*[A-Za-z0-9].*")) {
            throw new InvalidValueException(field, "provision-code",
                    field + " must contain Latin letters or digits, such as KoAP 13.41 p.2");
        }
    }

    /** The provision's stream, derived from the jurisdiction and the code: Axon routes the command by it. */
    @TargetAggregateIdentifier
    @Override
    public String streamId() {
        return ProvisionRegister.streamId(jurisdiction, code);
    }
}
