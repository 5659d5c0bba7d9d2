package org.disputeledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disputeledger.api.demo.TranslatorTestContext.envelopeOf;
import static org.disputeledger.api.demo.TranslatorTestContext.row;

import java.time.LocalDate;
import java.util.Map;
import org.disputeledger.claim.Fraction;
import org.disputeledger.claim.Qualifier;
import org.disputeledger.claim.command.AssessCompliance;
import org.disputeledger.claim.command.RecordPlatformResponse;
import org.disputeledger.claim.command.ReportStatistic;
import org.disputeledger.common.Link;
import org.disputeledger.common.LinkRelation;
import org.disputeledger.common.Money;
import org.junit.jupiter.api.Test;

class ClaimSeedTranslatorTest {

    private final ClaimSeedTranslator translator = new ClaimSeedTranslator();

    private static final SeedRow W11B = row("W11b", "twitter", "Twitter Inc.", "2021-03-01", "StatisticReported",
            "Roskomnadzor", null, null, 2862L, "metric=undeleted_items;suicide=2336;csam=352;drugs=174", "");

    @Test
    void reportsACountWithItsCategoriesAsOfTheDayItWasSaid() {
        assertThat(translator.translate(W11B, new TranslatorTestContext())).containsExactly(
                new ReportStatistic("W11b/claim", "Roskomnadzor", "RU", "twitter", "twitter-inc", "undeleted_items",
                        2862L, null, Qualifier.EXACT, null, LocalDate.parse("2021-03-01"),
                        Map.of("suicide", 2336L, "csam", 352L, "drugs", 174L), envelopeOf(W11B, LinkRelation.FOLLOWS)));
    }

    @Test
    void reportsAnAmountQualifiedAsALowerBound() {
        SeedRow w26b = row("W26b", "twitter", "Twitter Inc.", "2021-09-14", "StatisticReported",
                "Magistrate court No. 422 Tagansky district", 4_500_000_000L, "RUB", null,
                "metric=fines_total_imposed;qualifier=more_than;itemised_13_41_minor=3840000000", "");
        assertThat(translator.translate(w26b, new TranslatorTestContext()))
                .singleElement().isInstanceOfSatisfying(ReportStatistic.class, command -> {
                    assertThat(command.amount()).isEqualTo(Money.of(4_500_000_000L, "RUB"));
                    assertThat(command.count()).isNull();
                    assertThat(command.qualifier()).isEqualTo(Qualifier.MORE_THAN);
                    assertThat(command.breakdown()).isEqualTo(Map.of("itemised_13_41_minor", 3_840_000_000L));
                });
    }

    @Test
    void keepsTheCountBesideAnAmountAmongTheFigures() {
        SeedRow f9a = row("F9a", "facebook", "Meta Platforms Inc.", "2021-12-03", "StatisticReported", "Roskomnadzor",
                4_400_000_000L, "RUB", 11L, "metric=fines_unpaid;paid_count=8;paid_minor=2600000000", "");
        assertThat(translator.translate(f9a, new TranslatorTestContext()))
                .singleElement().isInstanceOfSatisfying(ReportStatistic.class, command -> {
                    assertThat(command.legalEntityId()).isEqualTo("facebook-inc");
                    assertThat(command.breakdown()).isEqualTo(Map.of("count", 11L, "paid_count", 8L,
                            "paid_minor", 2_600_000_000L));
                });
    }

    @Test
    void readsAFigureForAPeriodWithoutAnAsOfDate() {
        SeedRow p2 = row("P2", "twitter", "Twitter Inc.", "2020-12-31", "StatisticReported", "Twitter", null, null,
                38524L, "geo=global;metric=legal_demands;period=2020-H2;accounts_specified=131933;pct_complied=29;"
                        + "top5=JP,IN,RU,TR,KR;top5_share_pct=94;reported=2021-07-15", "");
        assertThat(translator.translate(p2, new TranslatorTestContext()))
                .singleElement().isInstanceOfSatisfying(ReportStatistic.class, command -> {
                    assertThat(command.period()).isEqualTo("2020-H2");
                    assertThat(command.asOf()).isNull();
                    assertThat(command.breakdown()).isEqualTo(Map.of("accounts_specified", 131_933L,
                            "pct_complied", 29L, "top5_share_pct", 94L));
                });
    }

    @Test
    void doesNotCountTheStartingYearAsAFigure() {
        SeedRow w11a = row("W11a", "twitter", "Twitter Inc.", "2021-03-01", "StatisticReported", "Roskomnadzor", null,
                null, 28000L, "metric=requests_sent_total;qualifier=more_than;since=2017", "");
        assertThat(translator.translate(w11a, new TranslatorTestContext()))
                .singleElement().isInstanceOfSatisfying(ReportStatistic.class, command -> {
                    assertThat(command.qualifier()).isEqualTo(Qualifier.MORE_THAN);
                    assertThat(command.breakdown()).isEmpty();
                });
    }

    @Test
    void readsAnApproximateFigureAboutSeveralPlatformsAsAboutNoneAlone() {
        SeedRow p5a = row("P5a", "twitter", "", "2021-12-01", "StatisticReported", "Roskomnadzor", null, null, 5500L,
                "metric=undeleted_items;qualifier=approx;subjects=google,facebook,twitter", "");
        assertThat(translator.translate(p5a, new TranslatorTestContext()))
                .singleElement().isInstanceOfSatisfying(ReportStatistic.class, command -> {
                    assertThat(command.qualifier()).isEqualTo(Qualifier.APPROXIMATE);
                    assertThat(command.platform()).isNull();
                    assertThat(command.legalEntityId()).isNull();
                    assertThat(command.count()).isEqualTo(5500L);
                });
    }

    @Test
    void linksAClaimComparedWithAnEarlierOneAsContradictingIt() {
        SeedRow w13 = row("W13", "twitter", "Twitter Inc.", "2021-03-10", "StatisticReported", "Roskomnadzor", null,
                null, 3168L, "metric=undeleted_items;compare=W11b", "");
        assertThat(translator.translate(w13, new TranslatorTestContext().with(W11B)))
                .singleElement().isInstanceOfSatisfying(ReportStatistic.class, command -> {
                    assertThat(command.count()).isEqualTo(3168L);
                    assertThat(command.envelope().links())
                            .containsExactly(new Link(LinkRelation.CONTRADICTS, "event-of-W11b"));
                });
    }

    @Test
    void refusesAStatisticWithoutAValue() {
        SeedRow empty = row("X1", "twitter", "Twitter Inc.", "2021-03-10", "StatisticReported", "Roskomnadzor", null,
                null, null, "metric=undeleted_items", "");
        assertThatThrownBy(() -> translator.translate(empty, new TranslatorTestContext()))
                .isInstanceOf(SeedRowRefused.class)
                .hasMessage("X1 states neither a count nor an amount");
    }

    @Test
    void assessesTheShareCompliedAsAnExactFraction() {
        SeedRow w17 = row("W17", "twitter", "Twitter Inc.", "2021-03-23", "ComplianceAssessed", "Roskomnadzor", null,
                null, null, "share_complied=1/3;pace=unsatisfactory", "W14");
        assertThat(translator.translate(w17, new TranslatorTestContext())).containsExactly(
                new AssessCompliance("W17/claim", "Roskomnadzor", "RU", "twitter", null, null, null, null,
                        Fraction.of(1, 3), "pace: unsatisfactory", envelopeOf(w17, LinkRelation.FOLLOWS)));
    }

    @Test
    void saysWhichAssessedFiguresAreApproximate() {
        SeedRow w20b = row("W20b", "twitter", "Twitter Inc.", "2021-04-05", "ComplianceAssessed", "Roskomnadzor",
                null, null, null, "removed_approx=1900;flagged_approx=3100", "W14");
        assertThat(translator.translate(w20b, new TranslatorTestContext())).containsExactly(
                new AssessCompliance("W20b/claim", "Roskomnadzor", "RU", "twitter", null, 3100L, 1900L, null, null,
                        "itemsFlagged is approximate; itemsRemoved is approximate",
                        envelopeOf(w20b, LinkRelation.FOLLOWS)));
    }

    @Test
    void readsAMinimumPercentageAsALowerBoundShare() {
        SeedRow w21 = row("W21", "twitter", "Twitter Inc.", "2021-05-17", "ComplianceAssessed", "Roskomnadzor", null,
                null, 563L, "share_complied_pct_min=91;remaining=563;demanded_since_2017_min=4100", "W14");
        assertThat(translator.translate(w21, new TranslatorTestContext())).containsExactly(
                new AssessCompliance("W21/claim", "Roskomnadzor", "RU", "twitter", null, null, null, 563L,
                        Fraction.of(91, 100), "shareComplied is a lower bound", envelopeOf(w21, LinkRelation.FOLLOWS)));
    }

    @Test
    void recordsTheAcknowledgementAsAResponseToTheReferencedAuthority() {
        SeedRow w14 = row("W14", "twitter", "Twitter Inc.", "2021-03-10", "ThrottlingImposed", "Roskomnadzor", null,
                null, null, "mobile=100;fixed=50", "");
        SeedRow w18 = row("W18", "twitter", "Twitter Inc.", "2021-04-01", "DemandAcknowledged", "Twitter", null, null,
                null, "channel=letter;by=Sinead McSweeney (VP)", "W14");
        assertThat(translator.translate(w18, new TranslatorTestContext().with(w14))).containsExactly(
                new RecordPlatformResponse("W18/claim", "twitter", "RU", "Roskomnadzor", "letter", "Summary of W18.",
                        envelopeOf(w18, LinkRelation.ANSWERS)));
    }
}
