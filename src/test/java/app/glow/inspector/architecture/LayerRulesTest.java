package app.glow.inspector.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The layers: only {@code ui} and {@code app} may touch JavaFX, and {@code ui} never talks HTTP
 * directly. Keeps the CLI and the demo server usable with no display.
 */
class LayerRulesTest {
    static final String[] HEADLESS_LAYERS = {
        "app.glow.inspector.model..", "app.glow.inspector.api..", "app.glow.inspector.archive..",
        "app.glow.inspector.service..", "app.glow.inspector.cli..", "app.glow.inspector.demo.."
    };

    static ArchRule headlessLayersAvoidJavaFx(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..",
                        "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli.javafx..")
                .allowEmptyShould(true);
    }

    static final ArchRule UI_AVOIDS_HTTP = noClasses().that().resideInAPackage("app.glow.inspector.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
            .allowEmptyShould(true);

    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.glow.inspector");

    @Test
    void headlessLayersNeverImportJavaFx() {
        headlessLayersAvoidJavaFx(HEADLESS_LAYERS).check(production);
    }

    @Test
    void uiNeverImportsOkHttp() {
        UI_AVOIDS_HTTP.check(production);
    }

    @Test
    void theRuleReallyFailsOnAViolation() {
        JavaClasses fixture = new ClassFileImporter().importPackages("app.glow.inspector.architecture.fixture");
        EvaluationResult result = headlessLayersAvoidJavaFx("app.glow.inspector.architecture.fixture.model..")
                .evaluate(fixture);
        assertTrue(result.hasViolation(), "a model class using JavaFX must be reported");
        assertFalse(result.getFailureReport().getDetails().isEmpty());
    }

    @Test
    void theProductionCodeIsActuallyScanned() {
        assertTrue(production.contain(app.glow.inspector.api.GlowClient.class));
        assertTrue(production.contain(app.glow.inspector.model.GroupDetail.class));
    }
}
