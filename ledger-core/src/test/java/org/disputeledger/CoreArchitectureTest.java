package org.disputeledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.LedgerEvent;
import org.junit.jupiter.api.Test;

/** The rules of STYLE.md that the compiler does not check, for the core module. */
class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.disputeledger");

    @Test
    void theCoreKnowsNothingOfSpringWebJpaOrJdbc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                "java.sql..", "javax.sql..", "jakarta.servlet..").check(CORE);
    }

    @Test
    void theCoreNeverReadsTheClock() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .check(CORE);
    }

    @Test
    void eventsAreRevisedRecordsInEventPackages() {
        classes().that().implement(LedgerEvent.class).and().areNotInterfaces()
                .should().beRecords().andShould().beAnnotatedWith(Revision.class)
                .andShould().resideInAPackage("..event..").check(CORE);
    }

    @Test
    void commandsAreRecordsInCommandPackages() {
        classes().that().implement(LedgerCommand.class).and().areNotInterfaces()
                .should().beRecords().andShould().resideInAPackage("..command..").check(CORE);
    }

    @Test
    void aggregatesArePackagePrivate() {
        fields().that().areAnnotatedWith(AggregateIdentifier.class)
                .should().beDeclaredInClassesThat().arePackagePrivate().check(CORE);
    }

    @Test
    void everyEventHasItsJsonPinned() {
        List<String> unpinned = CORE.stream()
                .filter(c -> c.isAssignableTo(LedgerEvent.class) && !c.isInterface())
                .map(JavaClass::getSimpleName)
                .filter(name -> CoreArchitectureTest.class.getResource("/event-json/" + name + ".json") == null)
                .toList();
        assertThat(unpinned).as("events without a pinned JSON contract").isEmpty();
    }

    @Test
    void everyFeatureIsRegistered() {
        List<String> registered = LedgerFeatures.all().stream().map(f -> f.getClass().getName()).toList();
        List<String> features = CORE.stream()
                .filter(c -> c.isAssignableTo(org.disputeledger.common.LedgerFeature.class) && !c.isInterface())
                .filter(c -> !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName).toList();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(features);
    }
}
