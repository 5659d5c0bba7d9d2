package org.disputeledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.disputeledger.api.infrastructure.SegmentBalancer.Claim;
import org.disputeledger.api.infrastructure.SegmentBalancer.Release;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SegmentBalancerTest {

    private static final List<String> PROCESSORS = List.of("penalty-totals", "platform-status", "timeline");

    /** Every segment of every processor, two each, held as {@code owners} says, processor by processor. */
    private static List<Claim> claims(String... owners) {
        List<Claim> claims = new ArrayList<>();
        int next = 0;
        for (String processor : PROCESSORS) {
            for (int segment = 0; segment < 2; segment++) {
                claims.add(new Claim(processor, segment, owners[next++]));
            }
        }
        return claims;
    }

    @Nested
    class Alone {

        @Test
        void keepsEverySegmentWhenNoOtherNodeIsAlive() {
            assertThat(SegmentBalancer.choose("a", Set.of("a"), claims("a", "a", "a", "a", "a", "a"))).isEmpty();
        }

        @Test
        void keepsEverySegmentWhenTheOtherHoldersAreDead() {
            assertThat(SegmentBalancer.choose("a", Set.of("a"), claims("a", "dead", "a", "dead", "a", "a")))
                    .isEmpty();
        }
    }

    @Nested
    class WithOtherNodes {

        @Test
        void givesUpASegmentOfTheProcessorItHoldsMostOfWhenItHoldsEverything() {
            assertThat(SegmentBalancer.choose("a", Set.of("a", "b"), claims("a", "a", "a", "a", "a", "a")))
                    .as("of processors held alike, the first by name").contains(new Release("penalty-totals", 1));
        }

        @Test
        void givesUpNothingAtItsShare() {
            assertThat(SegmentBalancer.choose("a", Set.of("a", "b"), claims("a", "b", "a", "b", "a", "b")))
                    .isEmpty();
            assertThat(SegmentBalancer.choose("b", Set.of("a", "b"), claims("a", "b", "a", "b", "a", "b")))
                    .isEmpty();
        }

        @Test
        void aNodeWithOneMoreThanTheFewestKeepsIt() {
            assertThat(SegmentBalancer.choose("a", Set.of("a", "b", "c"), claims("a", "a", "b", "b", "c", null)))
                    .as("2, 2 and 1 of 6 segments: nobody holds more than the share of 2").isEmpty();
        }

        @Test
        void givesUpWhenTwoMoreThanALiveNodeThatHoldsNothing() {
            assertThat(SegmentBalancer.choose("a", Set.of("a", "b", "c"), claims("a", "a", "b", "b", "a", "b")))
                    .as("3, 3 and 0: the share is 2").contains(new Release("penalty-totals", 1));
        }

        @Test
        void countsWhatNobodyAliveHoldsAsGoingToTheOthers() {
            assertThat(SegmentBalancer.choose("a", Set.of("a", "b"), claims("a", "a", "a", null, null, null)))
                    .as("3 held, 3 released and not picked up yet: b is about to hold as many").isEmpty();
            assertThat(SegmentBalancer.choose("a", Set.of("a", "b"), claims("a", "a", "a", "a", "dead", "dead")))
                    .as("4 held, 2 left by a dead node: still more than the share of 3")
                    .contains(new Release("penalty-totals", 1));
            assertThat(SegmentBalancer.choose("b", Set.of("a", "b"), claims("a", "a", "a", "dead", "dead", "b")))
                    .isEmpty();
        }

        @Test
        void doesNothingForANodeThatIsNotAmongTheLiving() {
            assertThat(SegmentBalancer.choose("z", Set.of("a", "b"), claims("z", "z", "z", "z", "z", "z")))
                    .isEmpty();
        }
    }
}
