package org.disputeledger.sanction.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.Money;
import org.disputeledger.sanction.ProvisionCheck;

/**
 * An authority or court fined a legal entity an amount (minor units) for an offence on a date under a provision, in
 * one ruling or a bundle of rulingCount rulings (null: a bundle of unknown size), possibly as a repeat of an earlier
 * fine and on a stated revenue (minor units), with how far the amount was checked against the provision.
 */
@Revision("1")
public record FineImposed(String fineId, String jurisdiction, String authority, String legalEntityId, String platform,
                          String provisionCode, LocalDate offenceDate, Money amount, Integer rulingCount,
                          String repeatOfFineId, Money revenue, ProvisionCheck provisionCheck, Envelope envelope)
        implements FineEvent {
}
