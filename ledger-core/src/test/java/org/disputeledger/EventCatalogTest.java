package org.disputeledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.LedgerEvent;
import org.junit.jupiter.api.Test;

/**
 * docs/event-catalog.md documents the permanent event contract, so it must name every event of the core, and only
 * events that exist: each event has one {@code ### SimpleName} heading, and its section states its revision.
 */
class EventCatalogTest {

    /** Maven runs the tests of a module in the module's directory. */
    private static final Path CATALOG = Path.of("..", "docs", "event-catalog.md");
    private static final Pattern EVENT_HEADING = Pattern.compile("^### +(\\S.*?)\\s*$");

    private static final Map<String, String> REVISIONS = eventRevisions();
    private static final Map<String, List<String>> SECTIONS = catalogSections();

    @Test
    void everyEventOfTheCoreHasAHeading() {
        assertThat(SECTIONS.keySet()).as("events without a ### heading in " + CATALOG)
                .containsAll(REVISIONS.keySet());
    }

    @Test
    void everyHeadingNamesAnEventOfTheCore() {
        assertThat(REVISIONS.keySet()).as("### headings in " + CATALOG + " that name no event of the core")
                .containsAll(SECTIONS.keySet());
    }

    @Test
    void noEventIsDocumentedTwice() {
        List<String> headings = new ArrayList<>();
        for (String line : lines()) {
            Matcher heading = EVENT_HEADING.matcher(line);
            if (heading.matches()) {
                headings.add(heading.group(1));
            }
        }
        assertThat(headings).as("### headings in " + CATALOG).doesNotHaveDuplicates();
    }

    @Test
    void everySectionStatesTheRevisionOfItsEvent() {
        Map<String, String> wrong = new TreeMap<>();
        REVISIONS.forEach((event, revision) -> {
            List<String> section = SECTIONS.get(event);
            if (section != null && section.stream().noneMatch(line -> line.contains("Revision: " + revision + "."))) {
                wrong.put(event, "Revision: " + revision + ".");
            }
        });
        assertThat(wrong).as("sections that do not state the @Revision of their event").isEmpty();
    }

    private static Map<String, String> eventRevisions() {
        Map<String, String> revisions = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.disputeledger")) {
            if (type.isAssignableTo(LedgerEvent.class) && !type.isInterface()) {
                String revision = type.tryGetAnnotationOfType(Revision.class).map(Revision::value).orElse("none");
                revisions.put(type.getSimpleName(), revision);
            }
        }
        return revisions;
    }

    /** The lines under each {@code ###} heading, up to the next heading of any level. */
    private static Map<String, List<String>> catalogSections() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines()) {
            Matcher heading = EVENT_HEADING.matcher(line);
            if (heading.matches()) {
                current = sections.computeIfAbsent(heading.group(1), name -> new ArrayList<>());
            } else if (line.startsWith("#")) {
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(CATALOG, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the event catalog at " + CATALOG.toAbsolutePath(), e);
        }
    }
}
