package dev.tentacle.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependency direction comms ← instances ← tentacle / server ← managers, and keeps Netty behind the
 * comms API: only {@code dev.tentacle.comms.internal..} may touch Netty, and nothing outside comms may reach into
 * {@code internal}.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tentacle");
    }

    @Test
    void theClassesUnderTestWereFound() {
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("dev.tentacle.comms")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("dev.tentacle.testing")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("dev.tentacle.instances.config")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("dev.tentacle.tentacle.scripts")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("dev.tentacle.contracts.scripts")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("dev.tentacle.server.storage")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("dev.tentacle.manager.instances")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("dev.tentacle.desktop.fx")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("dev.tentacle.servermanager")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("dev.tentacle.icons")).isTrue();
    }

    @Test
    void nettyStaysInsideCommsInternals() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.tentacle.comms.internal..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .because("Netty is an implementation detail of the comms stack; the public API and every other module "
                        + "must not depend on it");
        rule.check(classes);
    }

    @Test
    void onlyCommsUsesCommsInternals() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.tentacle.comms..")
                .should().dependOnClassesThat().resideInAPackage("dev.tentacle.comms.internal..")
                .because("other modules use the comms public API");
        rule.check(classes);
    }

    @Test
    void onlyInstancesUsesInstancesInternals() {
        noClasses().that().resideOutsideOfPackage("dev.tentacle.instances..")
                .should().dependOnClassesThat().resideInAPackage("dev.tentacle.instances.internal..")
                .check(classes);
    }

    @Test
    void onlyStorageUsesStorageInternals() {
        noClasses().that().resideOutsideOfPackage("dev.tentacle.server.storage..")
                .should().dependOnClassesThat().resideInAPackage("dev.tentacle.server.storage.internal..")
                .check(classes);
    }

    @Test
    void theAgentsServicesDoNotDependOnItsCommandLine() {
        noClasses().that().resideInAnyPackage("dev.tentacle.tentacle.scripts..", "dev.tentacle.tentacle.files..",
                        "dev.tentacle.tentacle.capabilities..", "dev.tentacle.tentacle.agent..")
                .should().dependOnClassesThat().resideInAPackage("dev.tentacle.tentacle.cli..")
                .check(classes);
    }

    @Test
    void commsPublicApiDoesNotDependOnItsInternalsExceptTheRuntimeFacade() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.tentacle.comms", "dev.tentacle.comms.certificates", "dev.tentacle.comms.retry",
                        "dev.tentacle.comms.probe")
                .and().doNotHaveFullyQualifiedName("dev.tentacle.comms.CommsRuntime")
                .should().dependOnClassesThat().resideInAPackage("dev.tentacle.comms.internal..");
        rule.check(classes);
    }

    @Test
    void commsKnowsNothingOfTheLayersAboveIt() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.tentacle.comms..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tentacle.instances..", "dev.tentacle.tentacle..",
                        "dev.tentacle.server..", "dev.tentacle.manager..", "dev.tentacle.servermanager..", "dev.tentacle.desktop..", "dev.tentacle.testing..");
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void contractsDependOnlyOnComms() {
        noClasses().that().resideInAPackage("dev.tentacle.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tentacle.instances..", "dev.tentacle.tentacle..",
                        "dev.tentacle.server..", "dev.tentacle.testing..")
                .check(classes);
    }

    @Test
    void instancesDependOnlyOnComms() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.tentacle.instances..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tentacle.tentacle..", "dev.tentacle.server..",
                        "dev.tentacle.manager..", "dev.tentacle.servermanager..", "dev.tentacle.desktop..");
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void tentacleAndServerDoNotDependOnEachOtherOrOnManagers() {
        noClasses().that().resideInAPackage("dev.tentacle.tentacle..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tentacle.server..", "dev.tentacle.manager..", "dev.tentacle.servermanager..",
                        "dev.tentacle.desktop..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("dev.tentacle.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tentacle.tentacle..", "dev.tentacle.manager..", "dev.tentacle.servermanager..",
                        "dev.tentacle.desktop..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void nothingDependsOnTheQuickstart() {
        noClasses().that().resideOutsideOfPackage("dev.tentacle.quickstart..")
                .should().dependOnClassesThat().resideInAPackage("dev.tentacle.quickstart..")
                .because("the quickstart sits on top of the agent and the server and drives their command lines")
                .check(classes);
    }

    @Test
    void theTentacleManagerUsesTheEngineNotTheCommandLine() {
        noClasses().that().resideInAPackage("dev.tentacle.manager..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tentacle.tentacle.cli..",
                        "dev.tentacle.instances.cli..")
                .because("the desktop app calls the engine's Java API and never holds logic only the command line has;"
                        + " move such logic into an engine package both use")
                .check(classes);
    }

    @Test
    void theServerManagerUsesTheEngineNotTheCommandLine() {
        noClasses().that().resideInAPackage("dev.tentacle.servermanager..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tentacle.server.cli..",
                        "dev.tentacle.instances.cli..", "dev.tentacle.tentacle..")
                .because("the Server Manager calls the server engine's Java API (dev.tentacle.server.admin and below);"
                        + " logic only a command line has belongs in an engine package both use")
                .check(classes);
    }

    @Test
    void theTwoManagersShareCodeOnlyThroughManagerCommon() {
        noClasses().that().resideInAPackage("dev.tentacle.manager..")
                .should().dependOnClassesThat().resideInAPackage("dev.tentacle.servermanager..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.tentacle.servermanager..")
                .should().dependOnClassesThat().resideInAPackage("dev.tentacle.manager..")
                .because("what both managers need lives in manager-common (dev.tentacle.desktop)")
                .check(classes);
    }

    @Test
    void managerCommonKnowsNeitherManagerNorTheAgentOrServer() {
        noClasses().that().resideInAPackage("dev.tentacle.desktop..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tentacle.manager..",
                        "dev.tentacle.servermanager..", "dev.tentacle.tentacle..", "dev.tentacle.server..")
                .because("manager-common is shared by both managers and sits on the instances layer only")
                .check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheScreen() {
        noClasses().that().resideInAnyPackage("dev.tentacle.manager..", "dev.tentacle.servermanager..",
                        "dev.tentacle.desktop..")
                .and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
                .because("ViewModels are tested without JavaFX running: controls, windows and FXML belong to views")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void theIconsApiNeedsOnlyTheJdk() {
        classes().that().resideInAPackage("dev.tentacle.icons")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.tentacle.icons")
                .because("installers and both managers read the icons; Batik renders them at build time only "
                        + "(docs/decisions/0015-icons-rendered-at-build-time.md)")
                .check(classes);
    }

    @Test
    void productionCodeDoesNotDependOnTestSupport() {
        noClasses().that().resideOutsideOfPackage("dev.tentacle.testing..")
                .should().dependOnClassesThat().resideInAPackage("dev.tentacle.testing..")
                .check(classes);
    }

    @Test
    void commsPackagesHaveNoCycles() {
        slices().matching("dev.tentacle.comms.internal.(*)..").should().beFreeOfCycles().check(classes);
    }
}
