package org.disputeledger.sanction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disputeledger.common.TestEnvelopes.with;

import java.time.Instant;
import java.time.LocalDate;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.Money;
import org.disputeledger.sanction.command.ImposeFine;
import org.junit.jupiter.api.Test;

/** The offence date of a fine imposed at an instant: that instant's day is not after the imposition. */
class OffenceDateTest {

    @Test
    void acceptsAFineImposedAtMidnightForAnOffenceThatDay() {
        ImposeFine fine = fineAt("2021-09-10T00:00:00Z", null);

        assertThat(fine.offenceDate()).isEqualTo(LocalDate.parse("2021-09-10"));
    }

    @Test
    void refusesAnOffenceOnTheDayAfterAFineImposedAtAnInstant() {
        assertThatThrownBy(() -> fineAt("2021-09-10T23:59:59Z", LocalDate.parse("2021-09-11")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("offenceDate must not be after the fine was imposed");
    }

    private static ImposeFine fineAt(String instant, LocalDate offenceDate) {
        return new ImposeFine("fine-1", "RU", "Magistrate court", "twitter-inc", null, null, offenceDate,
                Money.of(320_000_000, "RUB"), 1, null, null, with(EffectiveTime.at(Instant.parse(instant))));
    }
}
