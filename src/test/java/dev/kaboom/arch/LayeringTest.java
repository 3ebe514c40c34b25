package dev.kaboom.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine, the OTP behaviours and the scenario loader know nothing of JavaFX or the window. */
class LayeringTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(java.nio.file.Path.of("target/classes"));

  @Test
  void coreDoesNotImportJavaFxOrUi() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.kaboom.engine..", "dev.kaboom.otp..", "dev.kaboom.scenario..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "dev.kaboom.ui..", "org.controlsfx..")
        .check(classes);
  }

  @Test
  void viewModelsDoNotTouchControls() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.kaboom.ui.model..", "dev.kaboom.ui.sim..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
        .check(classes);
  }
}
