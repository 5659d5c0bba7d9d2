package org.disputeledger.provision;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The fine a provision version sets: a fixed range of amounts, or a band of the offender's revenue. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FixedRange.class, name = "FIXED_RANGE"),
        @JsonSubTypes.Type(value = TurnoverBand.class, name = "TURNOVER_BAND")})
public sealed interface Penalty permits FixedRange, TurnoverBand {
}
