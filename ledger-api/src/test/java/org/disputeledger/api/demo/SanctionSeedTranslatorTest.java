package org.disputeledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.disputeledger.common.Money;
import org.disputeledger.common.Precision;
import org.disputeledger.common.Recorded;
import org.disputeledger.common.Slug;
import org.disputeledger.common.Source;
import org.disputeledger.proceeding.ChallengeOutcome;
import org.disputeledger.proceeding.command.DecideChallenge;
import org.disputeledger.proceeding.command.DrawUpProtocol;
import org.disputeledger.proceeding.command.FileCase;
import org.disputeledger.provision.FixedRange;
import org.disputeledger.provision.Fraction;
import org.disputeledger.provision.TurnoverBand;
import org.disputeledger.provision.command.EnactProvisionVersion;
import org.disputeledger.sanction.AppealOutcome;
import org.disputeledger.sanction.command.AppealFine;
import org.disputeledger.sanction.command.DecideAppeal;
import org.disputeledger.sanction.command.EnterFineIntoForce;
import org.disputeledger.sanction.command.ImposeFine;
import org.disputeledger.sanction.command.OpenEnforcementProceeding;
import org.disputeledger.sanction.command.PayFine;
import org.disputeledger.sanction.command.ReferFineForEnforcement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The seed decisions of docs/seed-data.md, on the rows they are about (copied from the data set). */
class SanctionSeedTranslatorTest {

    private static final Map<String, String> LINES = lines(
            "L1,linkedin,,RU,2015-09-01,day,LegalProvisionVersionEnacted,Russian Federation,242-FZ,,,,"
                    + "provision=RU/242-FZ;topic=personal_data_localisation,,The 242-FZ rule took effect.,"
                    + "https://mondaq.com/russianfederation/data-protection/552760,confirmed",
            "L2,linkedin,LinkedIn Corp.,RU,2016-08-04,day,RestrictionOrdered,Tagansky District Court,242-FZ,,,,"
                    + "claimant=Roskomnadzor;measure=personal_data_violators_register,,The Tagansky District Court "
                    + "granted Roskomnadzor's claim that LinkedIn broke the data-localisation law.,"
                    + "https://tass.com/economy/911595,confirmed",
            "L3,linkedin,LinkedIn Corp.,RU,2016-11-10,day,AppealDecided,Moscow City Court,242-FZ,,,,outcome=upheld,"
                    + "L2,Moscow City Court turned down LinkedIn's appeal against the localisation ruling.,"
                    + "https://tass.com/economy/911595,confirmed",
            "T2,telegram,Telegram Messenger LLP,RU,2017-07-12,day,DemandIssued,FSB,,,,6,"
                    + "demand_kind=provide_decryption_keys;deadline=2017-07-16,,The FSB asked Telegram for keys.,,"
                    + "reported",
            "T3,telegram,Telegram Messenger LLP,RU,2017-10-01,month,FineImposed,Magistrate court No. 383 Meshchansky "
                    + "district,KoAP 13.31 p.2.1,80000000,RUB,,approx_day=16;note=minimum_fine,T2,A magistrate "
                    + "fined Telegram.,https://interfax.com/newsroom/top-stories/26127,confirmed",
            "T4,telegram,Telegram Messenger LLP,RU,2017-10-26,day,FineAppealed,Meshchansky District Court,"
                    + "KoAP 13.31 p.2.1,80000000,RUB,,appellant_counsel=Agora,T3,Lawyers from Agora appealed.,"
                    + "https://interfax.com/newsroom/top-stories/26127,confirmed",
            "T5,telegram,Telegram Messenger LLP,RU,2017-12-12,day,AppealDecided,Meshchansky District Court,"
                    + "KoAP 13.31 p.2.1,80000000,RUB,,outcome=upheld,T4,The court dismissed the complaint.,,reported",
            "T6a,telegram,Telegram Messenger LLP,RU,2018-03-20,day,AppealDecided,Supreme Court of Russia,,,,,"
                    + "outcome=upheld;challenge=FSB_decryption_order,T2,The Supreme Court threw out the challenge.,,"
                    + "reported",
            "T7,telegram,Telegram Messenger LLP,RU,2018-04-06,day,CaseFiled,Roskomnadzor,149-FZ art. 15.4,,,,"
                    + "court=Tagansky District Court;relief=block,,Roskomnadzor filed suit.,,reported",
            "W2a,twitter,Twitter Inc.,RU,2020-01-31,day,ProtocolDrawnUp,Roskomnadzor,KoAP 13.11 p.8,,,,"
                    + "topic=data_localisation,,Roskomnadzor opened an administrative case against Twitter.,,"
                    + "confirmed",
            "W3,twitter,Twitter Inc.,RU,2020-02-13,day,FineImposed,Meshchansky District Court (Moscow),"
                    + "KoAP 13.11 p.8,400000000,RUB,,topic=data_localisation,W2a,A Moscow court fined Twitter.,,"
                    + "confirmed",
            "W4a,twitter,Twitter Inc.,RU,2020-03-16,day,AppealDecided,,KoAP 13.11 p.8,400000000,RUB,,outcome=upheld,"
                    + "W3,Twitter lost its appeal.,,confirmed",
            "W7a,twitter,,RU,2021-01-10,day,LegalProvisionVersionEnacted,Russian Federation,KoAP 13.41 p.2,,RUB,,"
                    + "enacting_act=511-FZ;subject=legal_entity;min_minor=80000000;max_minor=400000000,,Under 511-FZ.,"
                    + "https://www.themoscowtimes.com/2021/03/01/twitter-maliciously-violates-russian-law-state-censor"
                    + "-says-a73103,confirmed",
            "W7c,twitter,,RU,2021-01-10,day,LegalProvisionVersionEnacted,Russian Federation,KoAP 13.41 p.5,,RUB,,"
                    + "enacting_act=511-FZ;repeat_of=KoAP 13.41 p.2;turnover_fraction_min=1/20;"
                    + "turnover_fraction_max=1/10;floor_minor=400000000,,A repeat part-2 offence.,,confirmed",
            "W7e,twitter,,RU,2021-01-10,day,LegalProvisionVersionEnacted,Russian Federation,482-FZ,,RUB,,"
                    + "topic=discrimination_against_russian_media;fine_max_minor=300000000,,482-FZ took effect.,,"
                    + "confirmed",
            "W19a,twitter,Twitter Inc.,RU,2021-04-02,day,FineImposed,Magistrate court No. 422 Tagansky district,"
                    + "KoAP 13.41 p.2,320000000,RUB,,batch=W19a-W19c,,Fined 3.2 million.,"
                    + "https://tass.com/economy/1273479,confirmed",
            "W19b,twitter,Twitter Inc.,RU,2021-04-02,day,FineImposed,Magistrate court No. 422 Tagansky district,"
                    + "KoAP 13.41 p.2,330000000,RUB,,batch=W19a-W19c,,Fined 3.3 million.,"
                    + "https://tass.com/economy/1273479,confirmed",
            "W19c,twitter,Twitter Inc.,RU,2021-04-02,day,FineImposed,Magistrate court No. 422 Tagansky district,"
                    + "KoAP 13.41 p.2,240000000,RUB,,batch=W19a-W19c,,Fined 2.4 million.,"
                    + "https://tass.com/economy/1273479,confirmed",
            "K1,tiktok,TikTok Pte. Ltd.,RU,2021-04-06,day,FineImposed,Magistrate court No. 422 Tagansky district,"
                    + "KoAP 13.41,260000000,RUB,,alt_amount_minor=250000000,,TikTok was fined 2.6 million.,,disputed",
            "W23a,twitter,Twitter Inc.,RU,2021-05-17,day,AppealDecided,Tagansky District Court,KoAP 13.41 p.2,"
                    + "890000000,RUB,3,outcome=upheld,W19a;W19b;W19c,The court upheld the three fines.,"
                    + "https://tass.com/society/1290461,confirmed",
            "W23b,twitter,Twitter Inc.,RU,2021-05-17,day,FineEnteredIntoForce,Tagansky District Court,"
                    + "KoAP 13.41 p.2,890000000,RUB,3,,W19a;W19b;W19c,The fines became final.,"
                    + "https://tass.com/society/1290461,confirmed",
            "F5,facebook,Facebook Inc.,RU,2021-05-25,day,FineImposed,Magistrate court No. 422 Tagansky district,"
                    + "KoAP 13.41,2600000000,RUB,8,episodes=8;topic=protest_calls,,Eight cases.,,reported",
            "K2,tiktok,TikTok Pte. Ltd.,RU,2021-05-27,day,FineImposed,Magistrate court No. 422 Tagansky district,"
                    + "KoAP 13.41 p.2,150000000,RUB,,,,TikTok was fined 1.5 million.,"
                    + "https://tass.com/economy/1294893,confirmed",
            "W24,twitter,Twitter Inc.,RU,2021-05-27,day,FineImposed,Magistrate court No. 422 Tagansky district,"
                    + "KoAP 13.41,1900000000,RUB,,aggregate=true;cumulative_13_41_minor=2790000000,,A further 19 "
                    + "million.,,confirmed",
            "W27a,twitter,Twitter Inc.,RU,2021-09-17,day,EnforcementReferred,Roskomnadzor,KoAP 13.41 p.2,890000000,"
                    + "RUB,3,to=FSSP,W23b,Passed to the bailiffs.,,confirmed",
            "F7,facebook,Facebook Inc.,RU,2021-10-08,day,EnforcementProceedingOpened,Federal Bailiffs Service,"
                    + "KoAP 13.41,2600000000,RUB,8,proceedings=8;deferral_used=false,F5,Eight enforcement cases.,"
                    + "https://tass.com/economy/1350611,confirmed",
            "W29a,twitter,Twitter Inc.,RU,2021-10-08,day,EnforcementProceedingOpened,Federal Bailiffs Service,"
                    + "KoAP 13.41 p.2,890000000,RUB,3,,W27a,Bailiffs started collecting.,"
                    + "https://tass.com/economy/1347041,confirmed",
            "F8,facebook,Meta Platforms Inc.,RU,2021-11-10,day,AppealDecided,Tagansky District Court,KoAP 13.11 p.9,"
                    + "1500000000,RUB,,outcome=upheld;topic=repeat_data_localisation,,The court upheld a 15-million "
                    + "repeat localisation fine.,,reported",
            "K3,tiktok,TikTok Pte. Ltd.,RU,2021-12-01,month,FinePaid,TikTok,KoAP 13.41,410000000,RUB,2,"
                    + "date_basis=report;paid_in_full=true,K1;K2,TikTok had paid 4.1 million altogether.,"
                    + "https://tass.com/economy/1371869,reported",
            "G10a,google,Google LLC,RU,2021-12-07,day,FineImposed,Magistrate court No. 422 Tagansky district,"
                    + "KoAP 13.41 p.2,400000000,RUB,2,protocols=2;per_protocol_split=inferred,,Two protocols.,"
                    + "https://tass.com/economy/1371869,reported",
            "F11,facebook,Meta Platforms Inc.,RU,2021-12-24,day,FineImposed,Magistrate court No. 422 Tagansky "
                    + "district,KoAP 13.41 p.5,199098495000,RUB,,is_repeat=true;turnover_fraction=1/20;"
                    + "revenue_minor=3981969900000,,Meta was fined a twentieth of its revenue.,,confirmed",
            "G15,youtube,Google LLC,RU,2022-07-18,day,FineImposed,,KoAP 13.41 p.5,2107739231780,RUB,17,is_repeat=true;"
                    + "turnover_fraction=1/10;revenue_minor_approx=21077000000000;notices=17;topic=war_content,,"
                    + "Google was fined a tenth of its revenue.,,reported");

    private final SanctionSeedTranslator sanctions = new SanctionSeedTranslator();
    private final ProvisionSeedTranslator provisions = new ProvisionSeedTranslator();
    private final ProceedingSeedTranslator proceedings = new ProceedingSeedTranslator();
    private final RowsSoFar context = new RowsSoFar();

    private List<LedgerCommand> translate(String rowId) {
        SeedRow row = context.row(rowId);
        if (provisions.eventTypes().contains(row.eventType())) {
            return provisions.translate(row, context);
        }
        if (proceedings.eventTypes().contains(row.eventType())) {
            return proceedings.translate(row, context);
        }
        return sanctions.translate(row, context);
    }

    /** Records the rows as the importer would: translated in order, each command appending one event. */
    private void given(String... rowIds) {
        for (String rowId : rowIds) {
            SeedRow row = context.row(rowId);
            boolean ours = provisions.eventTypes().contains(row.eventType())
                    || proceedings.eventTypes().contains(row.eventType())
                    || sanctions.eventTypes().contains(row.eventType());
            context.record(row, ours ? translate(rowId) : List.of());
        }
    }

    private static Money rub(long minor) {
        return Money.of(minor, "RUB");
    }

    @Nested
    class Provisions {

        @Test
        void takesTheFineRangeFromMinAndMax() {
            assertThat(translate("W7a")).singleElement().isInstanceOfSatisfying(EnactProvisionVersion.class, c -> {
                assertThat(c.code()).isEqualTo("KoAP 13.41 p.2");
                assertThat(c.penalty()).isEqualTo(new FixedRange(rub(80_000_000), rub(400_000_000)));
                assertThat(c.enactingAct()).isEqualTo("511-FZ");
                assertThat(c.streamId()).isEqualTo("provision-ru-koap-13-41-p-2");
            });
        }

        @Test
        void takesATurnoverBandAndItsBaseProvisionFromTheFractionsAndTheFloor() {
            assertThat(translate("W7c")).singleElement().isInstanceOfSatisfying(EnactProvisionVersion.class, c -> {
                assertThat(c.penalty()).isEqualTo(new TurnoverBand(Fraction.of(1, 20), Fraction.of(1, 10),
                        rub(400_000_000)));
                assertThat(c.repeatOf()).isEqualTo("KoAP 13.41 p.2");
                assertThat(c.repeatWindowDays()).isEqualTo(365);
            });
        }

        @Test
        void readsAMaximumStatedAloneAsARangeFromZero() {
            assertThat(translate("W7e")).singleElement().isInstanceOfSatisfying(EnactProvisionVersion.class,
                    c -> assertThat(c.penalty()).isEqualTo(new FixedRange(rub(0), rub(300_000_000))));
        }

        @Test
        void recordsAProvisionThatSetsNoFineWithoutARange() {
            assertThat(translate("L1")).singleElement().isInstanceOfSatisfying(EnactProvisionVersion.class,
                    c -> assertThat(c.penalty()).isNull());
        }
    }

    @Nested
    class ImposingFines {

        @Test
        void countsARowOfEightRulingsAsABundleOfEight() {
            assertThat(translate("F5")).singleElement().isInstanceOfSatisfying(ImposeFine.class,
                    c -> assertThat(c.rulingCount()).isEqualTo(8));
        }

        @Test
        void countsAnAggregateOfUnknownSizeAsABundleOfUnknownSize() {
            assertThat(translate("W24")).singleElement().isInstanceOfSatisfying(ImposeFine.class,
                    c -> assertThat(c.rulingCount()).isNull());
        }

        @Test
        void linksARepeatFineToTheLatestEarlierFineOnTheBaseProvisionWithinAYear() {
            given("W7a", "W7c", "G10a");
            assertThat(translate("G15")).singleElement().isInstanceOfSatisfying(ImposeFine.class, c -> {
                assertThat(c.repeatOfFineId()).isEqualTo("fine-g10a");
                assertThat(c.rulingCount()).as("17 notices, one ruling").isEqualTo(1);
            });
        }

        @Test
        void takesTheRevenueOfAnApproximateTurnoverFineAsTheAmountOverTheStatedFraction() {
            given("W7a", "W7c", "G10a");
            assertThat(translate("G15")).singleElement().isInstanceOfSatisfying(ImposeFine.class, c -> {
                assertThat(c.revenue()).isEqualTo(rub(21_077_392_317_800L));
                assertThat(c.envelope().details()).containsEntry("revenue_minor_approx", "21077000000000")
                        .containsKey("revenue_basis");
            });
        }

        @Test
        void sendsARepeatFineWithoutAnEarlierFineSoThatTheLedgerRefusesIt() {
            given("W7a", "W7c", "F5");
            assertThat(translate("F11")).singleElement().isInstanceOfSatisfying(ImposeFine.class, c -> {
                assertThat(c.repeatOfFineId()).isNull();
                assertThat(c.legalEntityId()).isEqualTo("facebook-inc");
                assertThat(c.revenue()).isEqualTo(rub(3_981_969_900_000L));
            });
        }
    }

    @Nested
    class DecidingAppeals {

        @Test
        void decidesTheRecordedAppealWithoutInferringAnother() {
            given("T2", "T3", "T4");
            assertThat(translate("T5")).singleElement().isInstanceOfSatisfying(DecideAppeal.class, c -> {
                assertThat(c.fineId()).isEqualTo("fine-t3");
                assertThat(c.outcome()).isEqualTo(AppealOutcome.UPHELD);
                assertThat(c.envelope().links()).containsExactly(new Link(LinkRelation.FOLLOWS, "event-T4-0"));
            });
        }

        @Test
        void precedesEachDecisionOnAFineNeverAppealedByAnInferredAppeal() {
            given("W19a", "W19b", "W19c");
            List<LedgerCommand> commands = translate("W23a");
            assertThat(commands).hasSize(6);
            assertThat(commands.stream().map(LedgerCommand::streamId))
                    .containsExactly("fine-w19a", "fine-w19a", "fine-w19b", "fine-w19b", "fine-w19c", "fine-w19c");
            assertThat(commands.get(0)).isInstanceOfSatisfying(AppealFine.class, appeal -> {
                Envelope envelope = appeal.envelope();
                assertThat(envelope.confidence()).isEqualTo(Confidence.INFERRED);
                assertThat(envelope.effective()).isEqualTo(new EffectiveTime(LocalDate.parse("2021-04-24"), null,
                        Precision.APPROXIMATE));
                assertThat(envelope.sources()).containsExactly(Source.url("https://tass.com/society/1290461"));
                assertThat(envelope.links()).containsExactly(new Link(LinkRelation.FOLLOWS, "event-W19a-0"));
                assertThat(envelope.details()).containsEntry("inferred_from", "W23a");
            });
            assertThat(commands.get(1)).isInstanceOfSatisfying(DecideAppeal.class, decision ->
                    assertThat(decision.envelope().links()).containsExactly(
                            new Link(LinkRelation.FOLLOWS, "event-W19a-0")));
        }

        @Test
        void infersTheAppealOfASingleFineDecidedOnTheDayItEnteredIntoForce() {
            given("W2a", "W3");
            assertThat(translate("W4a")).hasSize(2).first().isInstanceOf(AppealFine.class);
        }

        @Test
        void turnsADecisionOnACourtOrderIntoAChallengeDecided() {
            given("L2");
            assertThat(translate("L3")).singleElement().isInstanceOfSatisfying(DecideChallenge.class, c -> {
                assertThat(c.court()).isEqualTo("Moscow City Court");
                assertThat(c.outcome()).isEqualTo(ChallengeOutcome.UPHELD);
                assertThat(c.challenged()).isEqualTo("The Tagansky District Court granted Roskomnadzor's claim "
                        + "that LinkedIn broke the data-localisation law.");
            });
        }

        @Test
        void turnsADecisionOnADemandIntoAChallengeDecided() {
            given("T2");
            assertThat(translate("T6a")).singleElement().isInstanceOfSatisfying(DecideChallenge.class,
                    c -> assertThat(c.challenged()).isEqualTo("FSB decryption order"));
        }

        @Test
        void refusesADecisionThatReferencesNoFine() {
            assertThatThrownBy(() -> translate("F8"))
                    .isInstanceOf(SeedRowRefused.class)
                    .hasMessageContaining("F8 decides an appeal but references no fine");
        }
    }

    @Nested
    class FollowingUpSeveralFines {

        @Test
        void splitsAPaymentOverTwoFinesFineByFine() {
            given("K1", "K2");
            assertThat(translate("K3")).satisfiesExactly(
                    first -> assertThat(first).isInstanceOfSatisfying(PayFine.class, pay -> {
                        assertThat(pay.fineId()).isEqualTo("fine-k1");
                        assertThat(pay.amount()).isEqualTo(rub(260_000_000));
                    }),
                    second -> assertThat(second).isInstanceOfSatisfying(PayFine.class, pay -> {
                        assertThat(pay.fineId()).isEqualTo("fine-k2");
                        assertThat(pay.amount()).isEqualTo(rub(150_000_000));
                    }));
        }

        @Test
        void leavesWhatExceedsEveryFineOnTheLastShareForTheLedgerToRefuse() {
            given("K1", "K2", "K3");
            assertThat(translate("K3")).singleElement().isInstanceOfSatisfying(PayFine.class, pay -> {
                assertThat(pay.fineId()).isEqualTo("fine-k2");
                assertThat(pay.amount()).isEqualTo(rub(410_000_000));
            });
        }

        @Test
        void entersEachFineIntoForceAndRefersEachToTheBailiffs() {
            given("W19a", "W19b", "W19c", "W23a");
            List<LedgerCommand> inForce = translate("W23b");
            assertThat(inForce).hasSize(3).allSatisfy(c -> assertThat(c).isInstanceOf(EnterFineIntoForce.class));
            given("W23b");
            assertThat(translate("W27a")).hasSize(3).allSatisfy(c -> assertThat(c)
                    .isInstanceOfSatisfying(ReferFineForEnforcement.class, r -> assertThat(r.to()).isEqualTo("FSSP")));
        }

        @Test
        void opensOneProceedingPerFineWhenTheRowCountsOnePerFine() {
            given("W19a", "W19b", "W19c", "W23a", "W23b", "W27a");
            assertThat(translate("W29a")).extracting(c -> ((OpenEnforcementProceeding) c).proceedings())
                    .containsExactly(1, 1, 1);
        }

        @Test
        void opensTheStatedNumberOfProceedingsOnABundle() {
            given("F5");
            assertThat(translate("F7")).singleElement().isInstanceOfSatisfying(OpenEnforcementProceeding.class,
                    c -> assertThat(c.proceedings()).isEqualTo(8));
        }
    }

    @Nested
    class Proceedings {

        @Test
        void filesACaseWithTheCourtAndTheReliefOfItsAttributes() {
            assertThat(translate("T7")).singleElement().isInstanceOfSatisfying(FileCase.class, c -> {
                assertThat(c.claimant()).isEqualTo("Roskomnadzor");
                assertThat(c.court()).isEqualTo("Tagansky District Court");
                assertThat(c.relief()).isEqualTo("block");
            });
        }

        @Test
        void drawsUpAProtocolAgainstTheLegalEntity() {
            assertThat(translate("W2a")).singleElement().isInstanceOfSatisfying(DrawUpProtocol.class, c -> {
                assertThat(c.legalEntityId()).isEqualTo("twitter-inc");
                assertThat(c.topic()).isEqualTo("data_localisation");
            });
        }
    }

    /** The seed context as the importer provides it, over the rows above. */
    private static final class RowsSoFar implements SeedContext {

        private final List<SeedRow> recordedRows = new ArrayList<>();
        private final Map<String, List<Recorded>> recorded = new HashMap<>();

        void record(SeedRow row, List<LedgerCommand> commands) {
            List<Recorded> results = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                results.add(new Recorded(commands.get(i).streamId(), List.of(new Recorded.RecordedEvent(
                        "event-" + row.id() + "-" + i, commands.get(i).getClass().getSimpleName(), 0))));
            }
            if (commands.isEmpty()) {
                results.add(new Recorded("stream-" + row.id(), List.of(new Recorded.RecordedEvent(
                        "event-" + row.id() + "-0", row.eventType(), 0))));
            }
            recorded.put(row.id(), results);
            recordedRows.add(row);
        }

        @Override
        public Envelope envelope(SeedRow row, LinkRelation relationToReferences) {
            Precision precision = switch (row.precision()) {
                case "month" -> Precision.MONTH;
                case "approx" -> Precision.APPROXIMATE;
                default -> Precision.DAY;
            };
            Source source = row.sourceUrl() == null ? new Source(null, "seed", null) : Source.url(row.sourceUrl());
            List<Link> links = new ArrayList<>();
            for (String reference : row.references()) {
                links.add(new Link(relationToReferences, recorded(reference).get(0).events().get(0).eventId()));
            }
            return new Envelope(new EffectiveTime(row.effectiveDate(), null, precision), List.of(source),
                    Confidence.valueOf(row.confidence().toUpperCase(java.util.Locale.ROOT)), links, row.summary(),
                    row.attributes());
        }

        @Override
        public String idFor(String rowId, String purpose) {
            return purpose + "-" + rowId.toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public List<Recorded> recorded(String rowId) {
            List<Recorded> results = recorded.get(rowId);
            if (results == null) {
                throw new SeedRowRefused(rowId + " was not recorded");
            }
            return results;
        }

        @Override
        public String legalEntityId(String name) {
            return name.equals("Meta Platforms Inc.") ? "facebook-inc" : Slug.of(name);
        }

        @Override
        public SeedRow row(String rowId) {
            String line = LINES.get(rowId);
            if (line == null) {
                throw new IllegalArgumentException("no row " + rowId + " in this test");
            }
            return parse(line);
        }

        @Override
        public List<SeedRow> recordedRows() {
            return List.copyOf(recordedRows);
        }
    }

    private static Map<String, String> lines(String... lines) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (String line : lines) {
            byId.put(line.substring(0, line.indexOf(',')), line);
        }
        return byId;
    }

    /** One line of seed-timeline.csv; no quoted fields are used above. */
    private static SeedRow parse(String line) {
        String[] f = line.split(",", -1);
        assertThat(f).as(line).hasSize(17);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!f[12].isEmpty()) {
            for (String pair : f[12].split(";")) {
                attributes.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return new SeedRow(f[0], f[1], blankToNull(f[2]), f[3], LocalDate.parse(f[4]), f[5], f[6], blankToNull(f[7]),
                blankToNull(f[8]), f[9].isEmpty() ? null : Long.valueOf(f[9]), blankToNull(f[10]),
                f[11].isEmpty() ? null : Long.valueOf(f[11]), attributes,
                f[13].isEmpty() ? List.of() : Arrays.asList(f[13].split(";")), f[14], blankToNull(f[15]), f[16]);
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
