package org.disputeledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.Link;
import org.disputeledger.common.LinkRelation;
import org.disputeledger.common.Precision;
import org.disputeledger.common.Recorded;
import org.disputeledger.common.Source;
import org.disputeledger.demand.command.ExtendDemandDeadline;
import org.disputeledger.restriction.ObservedState;
import org.disputeledger.restriction.RestrictionKind;
import org.disputeledger.restriction.ThrottlingScope;
import org.disputeledger.restriction.command.ChangeThrottlingScope;
import org.disputeledger.restriction.command.ExpandBlockScope;
import org.disputeledger.restriction.command.ExtendThreatDeadline;
import org.disputeledger.restriction.command.ImposeBlock;
import org.disputeledger.restriction.command.ImposeThrottling;
import org.disputeledger.restriction.command.LiftBlock;
import org.disputeledger.restriction.command.ObserveInterference;
import org.disputeledger.restriction.command.OrderRestriction;
import org.disputeledger.restriction.command.RecordAppStoreRemoval;
import org.disputeledger.restriction.command.ThreatenRestriction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RestrictionSeedTranslatorTest {

    private final RestrictionSeedTranslator translator = new RestrictionSeedTranslator();
    private final FakeContext context = new FakeContext();

    private final SeedRow w14 = context.add("W14", "twitter", "2021-03-10", "day", "ThrottlingImposed", "Roskomnadzor",
            null, null, "mobile=100;fixed=50;technique=SNI_throttling");
    private final SeedRow t9 = context.add("T9", "telegram", "2018-04-16", "day", "BlockImposed", "Roskomnadzor",
            "149-FZ art. 15.4", null, "service=telegram;method=registry_to_operators", "T8");
    private final SeedRow t10a = context.add("T10a", "telegram", "2018-04-16", "approx", "BlockScopeExpanded",
            "Roskomnadzor", "149-FZ art. 15.4", 2_500_000L, "total_ips_approx=2500000", "T9");
    private final SeedRow w15 = context.add("W15", "twitter", "2021-03-16", "day", "RestrictionThreatened",
            "Roskomnadzor", null, null, "kind=block;deadline=in_one_month;out_of_court=true", "S6");

    private LedgerCommand only(SeedRow row) {
        List<LedgerCommand> commands = translator.translate(row, context);
        assertThat(commands).hasSize(1);
        return commands.get(0);
    }

    @Test
    void handlesEveryRestrictionTypeOfTheSeed() {
        assertThat(translator.eventTypes()).containsExactlyInAnyOrder("RestrictionThreatened",
                "DemandDeadlineExtended", "RestrictionOrdered", "ThrottlingImposed", "ThrottlingScopeChanged",
                "BlockImposed", "BlockScopeExpanded", "BlockLifted", "InterferenceObserved", "AppRemovedFromStore");
    }

    @Nested
    class Throttlings {

        @Test
        void turnsMobileAndFixedSharesIntoPercentages() {
            assertThat(only(w14)).isEqualTo(new ImposeThrottling("RU", "twitter", "W14:restriction", "Roskomnadzor",
                    null, new ThrottlingScope(100, 50, null), context.envelope(w14)));
        }

        @Test
        void describesAPartialRestrictionOfUnknownNetworkScope() {
            SeedRow f14 = context.add("F14", "facebook", "2022-02-25", "day", "ThrottlingImposed", "Roskomnadzor",
                    "482-FZ", null, "kind=partial_restriction;network_scope=unknown");
            assertThat(only(f14)).isEqualTo(new ImposeThrottling("RU", "facebook", "F14:restriction", "Roskomnadzor",
                    "482-FZ", new ThrottlingScope(null, null, "partial restriction, network scope unknown"),
                    context.envelope(f14)));
        }

        @Test
        void changesTheScopeOfTheReferencedThrottlingKeepingWiFiInTheDescription() {
            SeedRow w22 = context.add("W22", "twitter", "2021-05-17", "day", "ThrottlingScopeChanged",
                    "Roskomnadzor", null, null, "mobile=100;fixed=0;wifi=0", "W14");
            assertThat(only(w22)).isEqualTo(new ChangeThrottlingScope("RU", "twitter", "W14:restriction",
                    new ThrottlingScope(100, 0, "Wi-Fi 0%"), context.envelope(w22)));
        }

        @Test
        void leavesAResumedFixedLineShareUnknown() {
            SeedRow w33a = context.add("W33a", "twitter", "2022-03-01", "day", "ThrottlingScopeChanged",
                    "Roskomnadzor", null, null, "mobile=100;fixed=resumed;fixed_pct=unknown", "W14");
            assertThat(only(w33a)).isEqualTo(new ChangeThrottlingScope("RU", "twitter", "W14:restriction",
                    new ThrottlingScope(100, null, "fixed-line throttling resumed, fixed-line share unknown"),
                    context.envelope(w33a)));
        }
    }

    @Nested
    class Blocks {

        @Test
        void imposesTheBlockWithItsMethod() {
            assertThat(only(t9)).isEqualTo(new ImposeBlock("RU", "telegram", "T9:restriction", "Roskomnadzor",
                    "149-FZ art. 15.4", "registry_to_operators", context.envelope(t9)));
        }

        @Test
        void widensTheBlockAnEarlierWideningReferencesWithTheAddressCountInAll() {
            SeedRow t10b = context.add("T10b", "telegram", "2018-04-19", "approx", "BlockScopeExpanded",
                    "Roskomnadzor", "149-FZ art. 15.4", 18_000_000L, "total_ips_approx=18000000", "T10a");
            assertThat(only(t10a)).isEqualTo(new ExpandBlockScope("RU", "telegram", "T9:restriction", 2_500_000L,
                    null, context.envelope(t10a)));
            assertThat(only(t10b)).isEqualTo(new ExpandBlockScope("RU", "telegram", "T9:restriction", 18_000_000L,
                    null, context.envelope(t10b)));
        }

        @Test
        void liftsTheReferencedBlockAsItsReversal() {
            SeedRow t13 = context.add("T13", "telegram", "2020-06-18", "day", "BlockLifted", "Roskomnadzor", null,
                    null, "agreed_with=Prosecutor General's Office", "T9");
            LedgerCommand command = only(t13);
            assertThat(command).isEqualTo(new LiftBlock("RU", "telegram", "T9:restriction",
                    context.envelope(t13, LinkRelation.REVERSES)));
            assertThat(command.envelope().links()).extracting(Link::relation).containsExactly(LinkRelation.REVERSES);
        }

        @Test
        void refusesALiftThatLeadsToAThrottling() {
            SeedRow lift = context.add("X1", "twitter", "2022-03-04", "day", "BlockLifted", "Roskomnadzor", null,
                    null, "", "W14");
            assertThatThrownBy(() -> translator.translate(lift, context))
                    .isInstanceOf(SeedRowRefused.class)
                    .hasMessageContaining("W14 is a ThrottlingImposed");
        }

        @Test
        void refusesALiftOfABlockOnAnotherService() {
            SeedRow lift = context.add("X2", "twitter", "2020-06-18", "day", "BlockLifted", "Roskomnadzor", null,
                    null, "", "T9");
            assertThatThrownBy(() -> translator.translate(lift, context))
                    .isInstanceOf(SeedRowRefused.class)
                    .hasMessageContaining("its antecedent T9 is about telegram");
        }
    }

    @Nested
    class ThreatsAndOrders {

        @Test
        void countsADeadlineInAMonthFromTheThreat() {
            assertThat(only(w15)).isEqualTo(new ThreatenRestriction("RU", "twitter", "W15:threat", "Roskomnadzor",
                    RestrictionKind.BLOCK, null, LocalDate.parse("2021-04-16"), context.envelope(w15)));
        }

        @Test
        void recordsAThreatWithoutDeadlineAndItsCondition() {
            SeedRow s6 = context.add("S6", "twitter", "2021-03-10", "day", "RestrictionThreatened", "Roskomnadzor",
                    null, null, "kind=block;deadline=none;condition=remove_unlawful_content", "W14");
            assertThat(only(s6)).isEqualTo(new ThreatenRestriction("RU", "twitter", "S6:threat", "Roskomnadzor",
                    RestrictionKind.BLOCK, "remove_unlawful_content", null, context.envelope(s6)));
        }

        @Test
        void refusesAThreatOfAnUnknownKind() {
            SeedRow threat = context.add("X3", "twitter", "2021-03-10", "day", "RestrictionThreatened",
                    "Roskomnadzor", null, null, "kind=fine");
            assertThatThrownBy(() -> translator.translate(threat, context))
                    .isInstanceOf(SeedRowRefused.class)
                    .hasMessageContaining("threatens a fine");
        }

        @Test
        void extendsTheDeadlineOfTheReferencedThreat() {
            SeedRow w20a = context.add("W20a", "twitter", "2021-04-05", "day", "DemandDeadlineExtended",
                    "Roskomnadzor", null, null, "new_deadline=2021-05-15;block=not_pursued", "W15");
            assertThat(only(w20a)).isEqualTo(new ExtendThreatDeadline("RU", "twitter", "W15:threat",
                    LocalDate.parse("2021-05-15"), context.envelope(w20a)));
        }

        @Test
        void extendsTheDeadlineOfAReferencedDemandInTheDemandsStream() {
            context.add("D9", "twitter", "2021-03-01", "day", "DemandIssued", "Roskomnadzor", null, 10L, "");
            SeedRow extension = context.add("D10", "twitter", "2021-03-20", "day", "DemandDeadlineExtended",
                    "Roskomnadzor", null, null, "new_deadline=2021-04-20", "D9");
            assertThat(only(extension)).isEqualTo(new ExtendDemandDeadline("stream-of-D9",
                    LocalDate.parse("2021-04-20"), context.envelope(extension)));
        }

        @Test
        void ordersTheMeasureTheCourtOrProsecutorNamed() {
            SeedRow w34a = context.add("W34a", "twitter", "2022-02-24", "day", "RestrictionOrdered",
                    "Prosecutor General's Office", "149-FZ art. 15.3", null, "measure=block;decision_date=2022-02-24");
            assertThat(only(w34a)).isEqualTo(new OrderRestriction("RU", "twitter", "W34a:order",
                    "Prosecutor General's Office", "block", "149-FZ art. 15.3", context.envelope(w34a)));
        }
    }

    @Nested
    class ObservationsAndAppStores {

        @Test
        void recordsAServiceLargelyReachableDespiteTheBlockAsContradictingIt() {
            SeedRow t12 = context.add("T12", "telegram", "2018-04-16", "approx", "InterferenceObserved",
                    "users (press reports)", null, null, "observed_state=largely_accessible;until=2020-06-18", "T9");
            assertThat(only(t12)).isEqualTo(new ObserveInterference("RU", "telegram", "T12:observation",
                    "users (press reports)", ObservedState.PARTIALLY_ACCESSIBLE, null,
                    context.envelope(t12, LinkRelation.CONTRADICTS)));
        }

        @Test
        void readsTheStateFromTheTechniqueWhenNoStateIsStated() {
            SeedRow w32 = context.add("W32", "twitter", "2022-02-26", "day", "InterferenceObserved", "OONI", null,
                    null, "observer=OONI;technique=throttle;domain=twitter.com", "W14");
            assertThat(only(w32)).isEqualTo(new ObserveInterference("RU", "twitter", "W32:observation", "OONI",
                    ObservedState.THROTTLED, "throttle", context.envelope(w32, LinkRelation.FOLLOWS)));
            SeedRow w35 = context.add("W35", "twitter", "2022-03-04", "day", "InterferenceObserved", "OONI", null,
                    null, "observer=OONI;technique=RST_injection;throttling_stopped=true");
            assertThat(((ObserveInterference) only(w35)).observedState()).isEqualTo(ObservedState.BLOCKED);
        }

        @Test
        void refusesAnObservationThatSaysNothingOfTheServicesState() {
            SeedRow observation = context.add("X4", "twitter", "2022-03-04", "day", "InterferenceObserved", "OONI",
                    null, null, "observer=OONI");
            assertThatThrownBy(() -> translator.translate(observation, context))
                    .isInstanceOf(SeedRowRefused.class)
                    .hasMessageContaining("neither observed_state nor technique");
        }

        @Test
        void listsTheStoresTheAppWasRemovedFrom() {
            SeedRow linkedInBlock = context.add("L4b", "linkedin", "2016-11-17", "day", "BlockImposed",
                    "Roskomnadzor", "242-FZ", null, "method=isp_block_order");
            SeedRow l5 = context.add("L5", "linkedin", "2017-01-01", "month", "AppRemovedFromStore", "Apple; Google",
                    null, null, "stores=app_store,google_play;territory=RU;requested_by=Roskomnadzor",
                    linkedInBlock.id());
            assertThat(only(l5)).isEqualTo(new RecordAppStoreRemoval("RU", "linkedin", "L5:app-store-removal",
                    List.of("app_store", "google_play"), "Roskomnadzor", context.envelope(l5)));
        }

        @Test
        void answersTheDemandARemovalWasRequestedBy() {
            context.add("T11", "telegram", "2018-04-17", "day", "DemandIssued", "Roskomnadzor", null, null,
                    "demand_kind=remove_app");
            SeedRow removal = context.add("X5", "telegram", "2018-04-20", "day", "AppRemovedFromStore", "Apple",
                    null, null, "stores=app_store", "T11");
            assertThat(only(removal).envelope().links()).extracting(Link::relation)
                    .containsExactly(LinkRelation.ANSWERS);
        }
    }

    /** Rows by id, ids as {@code row:purpose}, and envelopes that link to a made-up first event of each reference. */
    private static final class FakeContext implements SeedContext {

        private final Map<String, SeedRow> rows = new HashMap<>();

        SeedRow add(String id, String platform, String date, String precision, String type, String authority,
                    String legalBasis, Long count, String attributes, String... references) {
            Map<String, String> parsed = new LinkedHashMap<>();
            Arrays.stream(attributes.split(";")).filter(pair -> pair.contains("="))
                    .forEach(pair -> parsed.put(pair.substring(0, pair.indexOf('=')),
                            pair.substring(pair.indexOf('=') + 1)));
            SeedRow row = new SeedRow(id, platform, null, "RU", LocalDate.parse(date), precision, type, authority,
                    legalBasis, null, null, count, parsed, List.of(references), "Summary of " + id,
                    "https://example.org/" + id, "confirmed");
            rows.put(id, row);
            return row;
        }

        @Override
        public Envelope envelope(SeedRow row, LinkRelation relationToReferences) {
            Precision precision = switch (row.precision()) {
                case "month" -> Precision.MONTH;
                case "approx" -> Precision.APPROXIMATE;
                default -> Precision.DAY;
            };
            List<Link> links = row.references().stream().map(ref -> new Link(relationToReferences, "event-of-" + ref))
                    .toList();
            return new Envelope(new EffectiveTime(row.effectiveDate(), null, precision),
                    List.of(Source.url(row.sourceUrl())), Confidence.CONFIRMED, links, row.summary(),
                    row.attributes());
        }

        @Override
        public String idFor(String rowId, String purpose) {
            return rowId + ":" + purpose;
        }

        @Override
        public List<Recorded> recorded(String rowId) {
            return List.of(new Recorded("stream-of-" + rowId,
                    List.of(new Recorded.RecordedEvent("event-of-" + rowId, rows.get(rowId).eventType(), 0))));
        }

        @Override
        public String legalEntityId(String name) {
            throw new UnsupportedOperationException("restriction rows name no legal entity");
        }

        @Override
        public SeedRow row(String rowId) {
            SeedRow row = rows.get(rowId);
            if (row == null) {
                throw new SeedRowRefused("no row " + rowId);
            }
            return row;
        }

        @Override
        public List<SeedRow> recordedRows() {
            return List.copyOf(rows.values());
        }
    }
}
