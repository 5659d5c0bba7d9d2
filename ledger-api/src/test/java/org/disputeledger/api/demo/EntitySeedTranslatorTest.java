package org.disputeledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disputeledger.api.demo.TranslatorTestContext.envelopeOf;
import static org.disputeledger.api.demo.TranslatorTestContext.row;

import org.disputeledger.common.LinkRelation;
import org.disputeledger.entity.command.DesignateEntity;
import org.disputeledger.entity.command.RecordAssetSeizure;
import org.disputeledger.entity.command.RenameEntity;
import org.junit.jupiter.api.Test;

class EntitySeedTranslatorTest {

    private final EntitySeedTranslator translator = new EntitySeedTranslator();

    @Test
    void renamesTheEntityKnownByItsOldName() {
        SeedRow d3 = row("D3", "facebook", "Meta Platforms Inc.", "2021-10-28", "EntityRenamed", "Facebook", null,
                null, null, "old_name=Facebook Inc.;new_name=Meta Platforms Inc.", "");
        assertThat(translator.translate(d3, new TranslatorTestContext())).containsExactly(
                new RenameEntity("facebook-inc", "Facebook Inc.", "Meta Platforms Inc.",
                        envelopeOf(d3, LinkRelation.FOLLOWS)));
    }

    @Test
    void designatesTheRowsLegalEntity() {
        SeedRow l4a = row("L4a", "linkedin", "LinkedIn Corp.", "2016-11-17", "OrganizationDesignated", "Roskomnadzor",
                null, null, null, "designation=personal_data_violators_register", "L3");
        assertThat(translator.translate(l4a, new TranslatorTestContext())).containsExactly(
                new DesignateEntity("linkedin-corp", "Roskomnadzor", "personal_data_violators_register", "RU", null,
                        envelopeOf(l4a, LinkRelation.FOLLOWS)));
    }

    @Test
    void designatesANamedOrganisationThatIsNotALegalEntityOfTheSeed() {
        SeedRow s1 = row("S1", "twitter", "", "2017-01-01", "OrganizationDesignated", "", null, null, null,
                "designation=undesirable;subject=Open Russia;date_basis=year_only", "");
        assertThat(translator.translate(s1, new TranslatorTestContext())).containsExactly(
                new DesignateEntity("open-russia", null, "undesirable", "RU", "Open Russia",
                        envelopeOf(s1, LinkRelation.FOLLOWS)));
    }

    @Test
    void refusesADesignationOfNobody() {
        SeedRow nobody = row("X2", "twitter", "", "2017-01-01", "OrganizationDesignated", "Roskomnadzor", null, null,
                null, "designation=undesirable", "");
        assertThatThrownBy(() -> translator.translate(nobody, new TranslatorTestContext()))
                .isInstanceOf(SeedRowRefused.class);
    }

    @Test
    void seizesTheAssetsOfTheSubsidiaryUnderItsOwnId() {
        SeedRow g14 = row("G14", "google", "OOO Google", "2022-05-01", "AssetsSeized", "Federal Bailiffs Service",
                null, null, null, "entity=russian_subsidiary;bankruptcy_filing=true", "");
        assertThat(translator.translate(g14, new TranslatorTestContext())).containsExactly(
                new RecordAssetSeizure("ooo-google", "Federal Bailiffs Service", "RU", "Summary of G14.",
                        envelopeOf(g14, LinkRelation.FOLLOWS)));
    }
}
