package org.disputeledger.projection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Read models are fed by events only: they never send commands or touch the write side. */
class ProjectionsArchitectureTest {

    private static final JavaClasses PROJECTIONS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.disputeledger.projection");

    @Test
    void projectionsNeverUseCommandsOrTheWriteSideOfAxon() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("..command..",
                        "org.axonframework.modelling.command..", "org.axonframework.commandhandling..",
                        "org.axonframework.eventsourcing..", "org.springframework.web..")
                .allowEmptyShould(true)
                .check(PROJECTIONS);
    }
}
