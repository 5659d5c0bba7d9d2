package org.disputeledger.projection.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.disputeledger.common.Confidence;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.InvalidValueException;
import org.disputeledger.common.Precision;
import org.disputeledger.projection.timeline.TimelineRules.Cursor;
import org.disputeledger.projection.timeline.TimelineRules.Page;
import org.disputeledger.projection.timeline.TimelineRules.Window;
import org.junit.jupiter.api.Test;

class TimelineRulesTest {

    private static final Instant RECORDED = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2023-06-01T00:00:00Z");
    private static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

    private static TimelineRow row(String id, long position, EffectiveTime effective, Instant recordedAt,
                                   String jurisdiction) {
        return new TimelineRow(id, "stream-" + id, 0, position, "ThrottlingImposed", "twitter", null, jurisdiction,
                effective, recordedAt, Confidence.CONFIRMED, null, "[]", "[]");
    }

    private static Window window(Instant at, Instant knownAt) {
        return new Window(at, knownAt, null, null, null);
    }

    private static List<String> ids(Page page) {
        return page.rows().stream().map(TimelineRow::eventId).toList();
    }

    @Test
    void entriesAreInEffectiveOrderThenInLogOrderWhateverTheirRecording() {
        TimelineRow scope = row("scope", 1, EffectiveTime.day("2021-05-17"), RECORDED, "RU");
        TimelineRow throttling = row("throttling", 9, EffectiveTime.day("2021-03-10"), LATER, "RU");
        TimelineRow sameDayLater = row("same-day", 12, EffectiveTime.day("2021-03-10"), RECORDED, "RU");
        TimelineRow instant = row("instant", 3, EffectiveTime.at(Instant.parse("2021-03-10T08:00:00Z")), RECORDED,
                "RU");

        Page page = TimelineRules.page(List.of(scope, sameDayLater, instant, throttling), window(FAR, FAR), null,
                10);

        assertThat(ids(page)).containsExactly("throttling", "same-day", "instant", "scope");
        assertThat(page.next()).isNull();
    }

    @Test
    void anApproximateDateKeepsItsPrecisionAndIsPlacedByItsStart() {
        EffectiveTime approx = new EffectiveTime(LocalDate.parse("2021-02-23"), null, Precision.APPROXIMATE);
        TimelineRow restored = row("restored", 2, approx, RECORDED, null);
        TimelineRow suspended = row("suspended", 1, EffectiveTime.day("2021-02-12"), RECORDED, null);

        Page page = TimelineRules.page(List.of(restored, suspended), window(FAR, FAR), null, 10);

        assertThat(ids(page)).containsExactly("suspended", "restored");
        assertThat(page.rows().get(1).effective().precision()).isEqualTo(Precision.APPROXIMATE);
    }

    @Test
    void anEntryCountsWhenRecordedByKnownAtAndEffectiveByAt() {
        TimelineRow early = row("early", 1, EffectiveTime.day("2021-03-10"), RECORDED, "RU");
        TimelineRow lateRecorded = row("late", 2, EffectiveTime.day("2021-03-11"), LATER, "RU");
        List<TimelineRow> rows = List.of(early, lateRecorded);

        assertThat(ids(TimelineRules.page(rows, window(FAR, LATER.minusMillis(1)), null, 10)))
                .containsExactly("early");
        assertThat(ids(TimelineRules.page(rows, window(FAR, LATER), null, 10))).containsExactly("early", "late");
        assertThat(ids(TimelineRules.page(rows, window(Instant.parse("2021-03-10T23:59:59Z"), FAR), null, 10)))
                .containsExactly("early");
    }

    @Test
    void fromToAndJurisdictionNarrowTheTimeline() {
        TimelineRow march = row("march", 1, EffectiveTime.day("2021-03-10"), RECORDED, "RU");
        TimelineRow may = row("may", 2, EffectiveTime.day("2021-05-17"), RECORDED, "RU");
        TimelineRow turkey = row("turkey", 3, EffectiveTime.day("2021-05-18"), RECORDED, "TR");
        TimelineRow none = row("none", 4, EffectiveTime.day("2021-05-19"), RECORDED, null);
        List<TimelineRow> rows = List.of(march, may, turkey, none);

        Window mayOnwards = new Window(FAR, FAR, Instant.parse("2021-05-17T00:00:00Z"), null, null);
        Window untilMay = new Window(FAR, FAR, null, Instant.parse("2021-05-17T00:00:00Z"), null);
        Window russia = new Window(FAR, FAR, null, null, "RU");

        assertThat(ids(TimelineRules.page(rows, mayOnwards, null, 10))).containsExactly("may", "turkey", "none");
        assertThat(ids(TimelineRules.page(rows, untilMay, null, 10))).containsExactly("march", "may");
        assertThat(ids(TimelineRules.page(rows, russia, null, 10))).containsExactly("march", "may");
    }

    @Test
    void pagesFollowEachOtherThroughTheirCursor() {
        List<TimelineRow> rows = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            rows.add(row("e" + day, 10 - day, EffectiveTime.day(LocalDate.of(2021, 3, day)), RECORDED, "RU"));
        }
        rows.add(row("e3b", 20, EffectiveTime.day("2021-03-03"), RECORDED, "RU"));

        Page first = TimelineRules.page(rows, window(FAR, FAR), null, 3);
        Cursor cursor = Cursor.read(first.next().write(), "after");
        Page second = TimelineRules.page(rows, window(FAR, FAR), cursor, 3);

        assertThat(ids(first)).containsExactly("e1", "e2", "e3");
        assertThat(first.next().write()).isEqualTo("2021-03-03T00:00:00Z~7");
        assertThat(ids(second)).containsExactly("e3b", "e4", "e5");
        assertThat(second.next()).isNull();
    }

    @Test
    void refusesMalformedCursorsAndLimits() {
        assertThatThrownBy(() -> Cursor.read("yesterday", "after")).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("after");
        assertThatThrownBy(() -> Cursor.read("2021-03-03T00:00:00Z~x", "after"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> TimelineRules.limit(0, "limit")).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("limit");
        assertThatThrownBy(() -> TimelineRules.limit(1001, "limit")).isInstanceOf(InvalidValueException.class);
        assertThat(TimelineRules.limit(null, "limit")).isEqualTo(200);
        assertThat(TimelineRules.limit(1000, "limit")).isEqualTo(1000);
    }
}
