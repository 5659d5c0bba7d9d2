package org.disputeledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.disputeledger.common.Source;
import org.junit.jupiter.api.Test;

class SeedSourcesTest {

    private static SeedRow row(String summary, String url, String confidence) {
        return new SeedRow("X1", "twitter", null, "RU", LocalDate.parse("2021-03-01"), "day", "StatisticReported",
                null, null, null, null, null, Map.of(), List.of(), summary, url, confidence);
    }

    @Test
    void readsEveryPublisherOfTheClosingParenthesesWithTheirDates() {
        List<Source> sources = SeedSources.of(row("Facebook restored the page (Sputnik, 2022-01-17; vindobona.org).",
                null, "reported"));
        assertThat(sources).containsExactly(new Source(null, "Sputnik", LocalDate.parse("2022-01-17")),
                new Source(null, "vindobona.org", null));
    }

    @Test
    void keepsTheUrlAndIgnoresParenthesesInsideTheSentence() {
        List<Source> sources = SeedSources.of(row("Twitter was fined (5.5 million with the companion fine); RAPSI "
                + "dates it 22 July.", "https://tass.com/economy/1346987", "disputed"));
        assertThat(sources).containsExactly(Source.url("https://tass.com/economy/1346987"));
    }

    @Test
    void neverTakesARemarkOnVerificationForAPublisher() {
        List<Source> sources = SeedSources.of(row("A magistrate fined Telegram, around 16 October (day unverified).",
                "https://interfax.com/newsroom/top-stories/26127", "confirmed"));
        assertThat(sources).containsExactly(Source.url("https://interfax.com/newsroom/top-stories/26127"));
    }

    @Test
    void saysSoWhenUnverifiedBackgroundKnowledgeHasNoSource() {
        List<Source> sources = SeedSources.of(row("TikTok suspended uploads (background knowledge, unverified).", null,
                "unverified"));
        assertThat(sources).containsExactly(new Source(null, SeedSources.BACKGROUND_KNOWLEDGE, null));
    }

    @Test
    void refusesAnyOtherRowWithoutASource() {
        assertThatThrownBy(() -> SeedSources.of(row("Something happened.", null, "reported")))
                .isInstanceOf(SeedRowRefused.class).hasMessageContaining("names no source");
    }
}
