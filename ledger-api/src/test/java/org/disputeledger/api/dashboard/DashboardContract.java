package org.disputeledger.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard on the demo data set: what a reader sees after moving the board in time, opening a platform, and
 * asking as the ledger knew it earlier. What the page shows is compared with what the API answers.
 */
abstract class DashboardContract extends DashboardBrowser {

    @BeforeEach
    void demoDataIsProjected() {
        awaitReadModelsCaughtUp();
    }

    @Test
    void movesTheBoardToAnyDateFromTheKeyboard() {
        open("/");
        enter("at", "2021-03-15");
        assertThat(stateOnBoard("twitter")).isEqualTo("THROTTLED");
        assertThat(text("#board caption")).contains("2021-03-15");
        String source = get("/api/v1/platforms/twitter/status?jurisdiction=RU&at=2021-03-15").body()
                .at("/status/restrictions/0/sources/0/url").asString();
        assertThat(source).startsWith("http");
        assertThat(browser.findElements(By.cssSelector("#board tr[data-platform='twitter'] li .sources a")))
                .as("the throttling in force links to its source").extracting(link -> link.getDomAttribute("href"))
                .contains(source);
        assertThat(browser.getCurrentUrl()).contains("at=2021-03-15");

        enter("at", "2022-03-05");
        assertThat(stateOnBoard("twitter")).isEqualTo("BLOCKED");
        for (JsonNode status : get("/api/v1/status?jurisdiction=RU&at=2022-03-05").body().get("platforms")) {
            assertThat(stateOnBoard(status.get("platform").asString())).as(status.get("platform").asString())
                    .isEqualTo(status.get("state").asString());
        }
    }

    @Test
    void showsThePenaltyTotalsOfTheLegalEntityBehindAPlatform() {
        open("/?platform=twitter&at=2021-12-31");
        assertThat(browser.findElement(By.id("entity")).getDomProperty("value")).isEqualTo("twitter-inc");
        JsonNode rub = currency(get("/api/v1/entities/twitter-inc/penalties?at=2021-12-31").body(), "RUB");
        Map<String, Long> expected = new TreeMap<>();
        for (String figure : List.of("imposed", "underAppeal", "inForce", "paid", "outstanding",
                "referredToEnforcement")) {
            expected.put(figure, rub.get(figure).get("minor").asLong());
        }
        Map<String, Long> shown = new TreeMap<>();
        for (WebElement row : browser.findElements(
                By.cssSelector("#penalties [data-currency='RUB'] tr[data-figure]"))) {
            shown.put(row.getDomAttribute("data-figure"),
                    Long.parseLong(row.findElement(By.cssSelector("[data-minor]")).getDomAttribute("data-minor")));
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(expected.get("imposed")).isPositive();
        assertThat(text("#penalties .reported")).contains(rub.get("reported").get("claimant").asString());

        WebElement canvas = browser.findElement(By.cssSelector("#penalties figure.chart canvas"));
        Object points = browser.executeScript("return Chart.getChart(arguments[0]).data.labels.length", canvas);
        assertThat(((Number) points).intValue()).isGreaterThan(1);
        scrollTo("#penalties");
    }

    @Test
    void showsAnEarlierKnowledgeWhenKnownAtMoves() {
        Instant throttlingRecorded = recordedAtOfTwittersThrottling();
        String justBefore = throttlingRecorded.minusMillis(1).toString();
        String earlierState = get("/api/v1/platforms/twitter/status?jurisdiction=RU&at=2021-03-15&knownAt="
                + justBefore).body().get("status").get("state").asString();
        assertThat(earlierState).isNotEqualTo("THROTTLED");

        open("/?at=2021-03-15");
        assertThat(stateOnBoard("twitter")).isEqualTo("THROTTLED");
        enter("knownAt", justBefore);
        assertThat(stateOnBoard("twitter")).isIn(earlierState, null);
        assertThat(text("#board .content")).contains(justBefore.substring(0, 10));
        enter("knownAt", throttlingRecorded.toString());
        assertThat(stateOnBoard("twitter")).isEqualTo("THROTTLED");
    }

    @Test
    void saysHowFreshEveryReadModelIs() {
        open("/?platform=twitter");
        long head = get("/api/v1/admin/read-models").body().get("headPosition").asLong();
        Map<String, String> shown = new TreeMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#freshness tbody tr"))) {
            shown.put(row.getDomAttribute("data-processor"), row.findElement(By.cssSelector(".position")).getText());
        }
        assertThat(shown).containsOnlyKeys("platform-status", "penalty-totals", "demand-compliance", "timeline")
                .allSatisfy((processor, position) -> assertThat(position).isEqualTo(head + " / " + head));
        assertThat(text("#freshness-summary")).contains("caught up");
        scrollTo("#freshness-panel");
    }

    @Test
    void opensThePlatformsTimelineWithItsSourcesAndItsConflictingClaims() {
        open("/?at=2021-03-15");
        act(() -> browser.findElement(By.cssSelector("#board tr[data-platform='twitter'] button"))
                .sendKeys(Keys.ENTER));
        assertThat(browser.getCurrentUrl()).contains("platform=twitter");

        WebElement throttling = browser.findElement(By.cssSelector("#timeline li[data-type='ThrottlingImposed']"));
        assertThat(throttling.getText()).contains("2021-03-10");
        assertThat(throttling.findElements(By.cssSelector(".sources a"))).isNotEmpty()
                .allSatisfy(link -> assertThat(link.getDomAttribute("href")).startsWith("http"));
        List<WebElement> conflicts = browser.findElements(By.cssSelector("#compliance li.conflict"));
        assertThat(conflicts).isNotEmpty();
        assertThat(conflicts.get(0).findElements(By.cssSelector(".claim"))).hasSizeGreaterThan(1);

        browser.findElement(By.cssSelector("#timeline input[value='entity']")).click();
        awaitText("#timeline h3", "twitter-inc");
        assertThat(browser.getCurrentUrl()).contains("subject=entity");
        scrollTo("#compliance li.conflict");
    }

    @Test
    void watchesThePresentOnRequest() {
        open("/?at=2021-03-15");
        act(() -> browser.findElement(By.id("watch")).sendKeys(Keys.SPACE));
        assertThat(browser.findElement(By.id("at")).getDomProperty("value")).isEmpty();
        assertThat(browser.getCurrentUrl()).contains("watch=1").doesNotContain("2021-03-15");
        for (JsonNode status : get("/api/v1/status?jurisdiction=RU").body().get("platforms")) {
            assertThat(stateOnBoard(status.get("platform").asString())).as(status.get("platform").asString())
                    .isEqualTo(status.get("state").asString());
        }

        enter("at", "2021-03-15");
        assertThat(browser.findElement(By.id("watch")).isSelected()).isFalse();
        assertThat(browser.getCurrentUrl()).doesNotContain("watch=1");
    }

    @Test
    void showsARefusedReadAsAMessage() {
        expectRefusedReads(400);
        open("/");
        enter("at", "2021-02-30");
        assertThat(errorOf("board")).contains("400").contains("at must be an ISO date");

        browser.findElement(By.id("jurisdiction")).sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, "R1", Keys.ENTER);
        assertThat(errorOf("board")).contains("Jurisdiction").contains("R1");
    }

    private static JsonNode currency(JsonNode answer, String code) {
        for (JsonNode currency : answer.get("penalties").get("currencies")) {
            if (currency.get("currency").asString().equals(code)) {
                return currency;
            }
        }
        throw new AssertionError("no " + code + " in " + answer);
    }

    private Instant recordedAtOfTwittersThrottling() {
        for (JsonNode entry : get("/api/v1/platforms/twitter/timeline?jurisdiction=RU&limit=1000").body()
                .get("timeline").get("entries")) {
            if (entry.get("type").asString().equals("ThrottlingImposed")) {
                return Instant.parse(entry.get("recordedAt").asString());
            }
        }
        throw new AssertionError("the demo data has no throttling of twitter");
    }
}
