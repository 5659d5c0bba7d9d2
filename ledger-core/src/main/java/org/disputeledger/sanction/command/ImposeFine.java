package org.disputeledger.sanction.command;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Money;
import org.disputeledger.common.Precision;
import org.disputeledger.common.Slug;

/**
 * Record that an authority or court fined a legal entity an amount (minor units) for an offence under a provision;
 * opens the fine's stream. rulingCount is 1 for one ruling, more for a bundle, null for a bundle of unknown size;
 * revenue (minor units) is the basis of a turnover fine; the offence date defaults to the effective date.
 */
public record ImposeFine(String fineId, String jurisdiction, String authority, String legalEntityId, String platform,
                         String provisionCode, LocalDate offenceDate, Money amount, Integer rulingCount,
                         String repeatOfFineId, Money revenue, Envelope envelope) implements LedgerCommand {

    public ImposeFine {
        InvalidValueException.requireText(fineId, "fineId");
        InvalidValueException.requireMaxLength(fineId, 200, "fineId");
        InvalidValueException.requireValue(envelope, "envelope");
        Slug.jurisdiction(jurisdiction, "jurisdiction");
        InvalidValueException.requireMaxLength(authority, 300, "authority");
        Slug.require(legalEntityId, "legalEntityId");
        if (platform != null) {
            Slug.require(platform, "platform");
        }
        if (provisionCode != null) {
            InvalidValueException.requireText(provisionCode, "provisionCode");
            InvalidValueException.requireMaxLength(provisionCode, 200, "provisionCode");
            if (!provisionCode.matches(".*[A-Za-z0-9].*")) {
                throw new InvalidValueException("provisionCode", "provision-code",
                        "provisionCode must contain Latin letters or digits, such as KoAP 13.41 p.2");
            }
        }
        offenceDate = offenceDate == null ? envelope.effective().date() : offenceDate;
        if (offenceDate.isAfter(lastDay(envelope.effective()))) {
            throw new InvalidValueException("offenceDate", "not-after-imposition",
                    "offenceDate must not be after the fine was imposed");
        }
        InvalidValueException.requireValue(amount, "amount");
        if (amount.minor() == 0) {
            throw new InvalidValueException("amount.minor", "positive", "a fine's amount must be positive");
        }
        if (rulingCount != null && rulingCount < 1) {
            throw new InvalidValueException("rulingCount", "positive",
                    "rulingCount must be at least 1, or null for a bundle of unknown size");
        }
        if (repeatOfFineId != null) {
            InvalidValueException.requireText(repeatOfFineId, "repeatOfFineId");
            if (repeatOfFineId.equals(fineId)) {
                throw new InvalidValueException("repeatOfFineId", "other-fine", "a fine cannot be a repeat of itself");
            }
        }
        if (revenue != null && revenue.minor() == 0) {
            throw new InvalidValueException("revenue.minor", "positive", "a stated revenue must be positive");
        }
    }

    @Override
    public String streamId() {
        return fineId;
    }

    /** The last day an imposition may have happened on: an instant's own day, or the last day of its period. */
    private static LocalDate lastDay(EffectiveTime effective) {
        return effective.precision() == Precision.INSTANT ? effective.date()
                : effective.latest().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }
}
