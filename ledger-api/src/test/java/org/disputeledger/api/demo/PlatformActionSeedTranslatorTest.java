package org.disputeledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disputeledger.api.demo.TranslatorTestContext.envelopeOf;
import static org.disputeledger.api.demo.TranslatorTestContext.row;

import java.util.List;
import java.util.Map;
import org.disputeledger.accountaction.AccountAction;
import org.disputeledger.accountaction.command.ApplyLabel;
import org.disputeledger.accountaction.command.RestoreAccount;
import org.disputeledger.accountaction.command.SuspendAccount;
import org.disputeledger.accountaction.command.SuspendAccounts;
import org.disputeledger.accountaction.command.WithholdContent;
import org.disputeledger.common.LinkRelation;
import org.junit.jupiter.api.Test;

class PlatformActionSeedTranslatorTest {

    private final PlatformActionSeedTranslator translator = new PlatformActionSeedTranslator();

    private static final SeedRow W8A = row("W8a", "twitter", "Twitter Inc.", "2021-02-12", "AccountSuspended",
            "Twitter", null, null, null,
            "account=@armscontrol_rus;holder=Russian delegation to the Vienna arms-control talks", "");

    @Test
    void suspendsTheNamedAccountWithItsHolder() {
        assertThat(translator.translate(W8A, new TranslatorTestContext())).containsExactly(
                new SuspendAccount("twitter", "W8a/suspension", "@armscontrol_rus",
                        "Russian delegation to the Vienna arms-control talks", AccountAction.SUSPENDED, null,
                        envelopeOf(W8A, LinkRelation.FOLLOWS)));
    }

    @Test
    void readsARestrictedAccessAsARestriction() {
        SeedRow s5 = row("S5", "twitter", "Twitter Inc.", "2021-03-01", "AccountSuspended", "Twitter", null, null,
                null, "account=Sputnik V vaccine account;action=access_restricted;date_basis=upper_bound", "");
        assertThat(translator.translate(s5, new TranslatorTestContext()))
                .singleElement().isInstanceOfSatisfying(SuspendAccount.class,
                        command -> assertThat(command.action()).isEqualTo(AccountAction.RESTRICTED));
    }

    @Test
    void restoresTheSuspensionOfTheReferencedRowAsItsReversal() {
        SeedRow w9 = row("W9", "twitter", "Twitter Inc.", "2021-02-23", "AccountRestored", "Twitter", null, null,
                null, "account=@armscontrol_rus", "W8a");
        assertThat(translator.translate(w9, new TranslatorTestContext().with(W8A))).containsExactly(
                new RestoreAccount("twitter", "W8a/suspension", envelopeOf(w9, LinkRelation.REVERSES)));
    }

    @Test
    void refusesARestorationThatReferencesNoSuspension() {
        SeedRow other = row("W8b", "twitter", "Twitter Inc.", "2021-02-13", "DemandIssued", "Ministry", null, null,
                1L, "", "W8a");
        SeedRow restored = row("W9", "twitter", "Twitter Inc.", "2021-02-23", "AccountRestored", "Twitter", null,
                null, null, "", "W8b");
        assertThatThrownBy(() -> translator.translate(restored, new TranslatorTestContext().with(W8A, other)))
                .isInstanceOf(SeedRowRefused.class);
    }

    @Test
    void countsABatchByNetwork() {
        SeedRow w10 = row("W10", "twitter", "Twitter Inc.", "2021-02-23", "AccountsSuspended", "Twitter", null, null,
                100L, "network_russian_state_actors=69;network_ira_linked=31;disclosure_total_all_countries=373", "");
        assertThat(translator.translate(w10, new TranslatorTestContext())).containsExactly(
                new SuspendAccounts("twitter", "W10/batch", 100L, List.of(),
                        Map.of("network_russian_state_actors", 69L, "network_ira_linked", 31L),
                        AccountAction.SUSPENDED, null, envelopeOf(w10, LinkRelation.FOLLOWS)));
    }

    @Test
    void keepsTheNumberOfAJointRemovalUnstatedForEachPlatform() {
        SeedRow s3a = row("S3a", "facebook", "Facebook Inc.", "2020-09-01", "AccountsSuspended", "Facebook", null,
                null, null, "combined_accounts=18;combined_pages=2;joint_with=S3b;policy=foreign_interference", "");
        assertThat(translator.translate(s3a, new TranslatorTestContext()))
                .singleElement().isInstanceOfSatisfying(SuspendAccounts.class, command -> {
                    assertThat(command.count()).isNull();
                    assertThat(command.policy()).isEqualTo("foreign_interference");
                });
    }

    @Test
    void terminatesTheNamedChannelsOrOutlets() {
        SeedRow g9a = row("G9a", "youtube", "Google LLC", "2021-09-28", "ChannelTerminated", "YouTube", null, null,
                2L, "channels=RT DE,DFP (Der Fehlende Part)", "");
        SeedRow g13 = row("G13", "youtube", "Google LLC", "2022-03-11", "ChannelTerminated", "YouTube", null, null,
                null, "outlets=RT,Sputnik;territory=global", "");
        assertThat(translator.translate(g9a, new TranslatorTestContext())).containsExactly(
                new SuspendAccounts("youtube", "G9a/batch", 2L, List.of("RT DE", "DFP (Der Fehlende Part)"), Map.of(),
                        AccountAction.TERMINATED, null, envelopeOf(g9a, LinkRelation.FOLLOWS)));
        assertThat(translator.translate(g13, new TranslatorTestContext())).containsExactly(
                new SuspendAccounts("youtube", "G13/batch", null, List.of("RT", "Sputnik"), Map.of(),
                        AccountAction.TERMINATED, null, envelopeOf(g13, LinkRelation.FOLLOWS)));
    }

    @Test
    void labelsTheSubjectsOrOutletsAndSaysWhetherTheyWereDeamplified() {
        SeedRow w6 = row("W6", "twitter", "Twitter Inc.", "2020-08-06", "LabelApplied", "Twitter", null, null, null,
                "label=Russia state-affiliated media;subjects=RT,Sputnik,TASS;deamplified=true", "");
        SeedRow s2 = row("S2", "youtube", "Google LLC", "2018-02-01", "LabelApplied", "YouTube", null, null, null,
                "label=state_funded_media;date_basis=background", "");
        assertThat(translator.translate(w6, new TranslatorTestContext())).containsExactly(
                new ApplyLabel("twitter", "W6/label", "Russia state-affiliated media", List.of("RT", "Sputnik", "TASS"),
                        true, envelopeOf(w6, LinkRelation.FOLLOWS)));
        assertThat(translator.translate(s2, new TranslatorTestContext())).containsExactly(
                new ApplyLabel("youtube", "S2/label", "state_funded_media", List.of(), false,
                        envelopeOf(s2, LinkRelation.FOLLOWS)));
    }

    @Test
    void withholdsTheNamedFeaturesInTheTerritory() {
        SeedRow k4 = row("K4", "tiktok", "TikTok Pte. Ltd.", "2022-03-06", "ContentWithheld", "TikTok", null, null,
                null, "features=livestreaming,new_uploads;territory=RU;trigger=fakes_law", "");
        assertThat(translator.translate(k4, new TranslatorTestContext())).containsExactly(
                new WithholdContent("tiktok", "K4/withholding", "Summary of K4.",
                        List.of("livestreaming", "new_uploads"), "RU", envelopeOf(k4, LinkRelation.FOLLOWS)));
    }
}
