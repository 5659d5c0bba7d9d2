package org.disputeledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The application's own structure: controllers stay thin, Axon's plumbing stays in one package. */
class ApiArchitectureTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.disputeledger.api");

    @Test
    void controllersArePackagePrivateAndNamedSo() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().bePackagePrivate().andShould().haveSimpleNameEndingWith("Controller").check(API);
    }

    @Test
    void exactlyOneAdviceTurnsErrorsIntoProblems() {
        classes().that().areAnnotatedWith(RestControllerAdvice.class)
                .should().haveSimpleName("ProblemHandler").check(API);
    }

    @Test
    void onlyTheInfrastructurePackageWiresAxonsStorage() {
        noClasses().that().resideOutsideOfPackage("..api.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing.eventstore.jdbc..",
                        "org.axonframework.eventhandling.tokenstore..", "org.axonframework.spring..")
                .check(API);
    }

    @Test
    void controllersSendEveryWriteThroughTheCommandExecutor() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.axonframework.commandhandling.gateway.CommandGateway")
                .check(API);
    }

    @Test
    void nothingReadsTheSystemClockDirectly() {
        noClasses().should().callMethod(Instant.class, "now").orShould().callMethod(LocalDate.class, "now")
                .check(API);
    }
}
