package org.disputeledger.provision;

import java.time.LocalDate;
import org.disputeledger.provision.event.ProvisionVersionEnacted;

/**
 * The text of a provision from a date on: whom it applies to, the fine it sets (null when it sets no range), and
 * for a repeat offence the base provision and the window in days within which an earlier fine makes it a repeat.
 */
public record ProvisionVersion(LocalDate effectiveFrom, String subject, Penalty penalty, String repeatOf,
                               Integer repeatWindowDays, String enactingAct) {

    public static ProvisionVersion of(ProvisionVersionEnacted event) {
        return new ProvisionVersion(event.effectiveFrom(), event.subject(), event.penalty(), event.repeatOf(),
                event.repeatWindowDays(), event.enactingAct());
    }

    public boolean isRepeatOffence() {
        return repeatOf != null;
    }
}
