package org.disputeledger.sanction;

import java.math.BigDecimal;
import java.util.Currency;
import org.disputeledger.common.Money;

/** Amounts as the ledger's messages show them: in major units with all their decimals, such as 4000000.00 RUB. */
final class Amounts {

    private Amounts() {
    }

    static String text(Money money) {
        int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(money.minor(), digits).toPlainString() + " " + money.currency();
    }
}
