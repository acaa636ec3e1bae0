package app.glow.inspector.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
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
        "app.glow.inspector.service..", "app.glow.inspector.cli..", "app.glow.inspector.demo..",
        "app.glow.inspector.source..", "app.glow.inspector.bridge..", "app.glow.inspector.settings..",
        "app.glow.inspector.review..", "app.glow.inspector.search..", "app.glow.inspector.compare.."
    };

    private static final String P = "app.glow.inspector.";

    /**
     * Who may use whom. {@code source} and {@code model} are the vocabulary everyone shares and
     * use nothing of ours; {@code service} (the GroupSource seam) knows the HTTP client but no
     * archive, bridge or UI; only {@code app} wires; nothing uses the CLI or the app.
     */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Model").definedBy(P + "model..")
            .layer("Source").definedBy(P + "source..")
            .layer("Api").definedBy(P + "api..")
            .layer("Service").definedBy(P + "service..")
            .layer("Archive").definedBy(P + "archive..")
            .layer("Bridge").definedBy(P + "bridge..")
            .layer("Settings").definedBy(P + "settings..")
            .layer("Review").definedBy(P + "review..")
            .layer("Search").definedBy(P + "search..")
            .layer("Compare").definedBy(P + "compare..")
            .layer("Demo").definedBy(P + "demo..")
            .layer("Cli").definedBy(P + "cli..")
            .layer("Ui").definedBy(P + "ui..")
            .layer("App").definedBy(P + "app..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Demo").mayOnlyBeAccessedByLayers("App", "Cli")
            .whereLayer("Archive").mayOnlyBeAccessedByLayers("App", "Cli", "Ui", "Review", "Search")
            .whereLayer("Bridge").mayOnlyBeAccessedByLayers("App", "Ui")
            .whereLayer("Settings").mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
            .whereLayer("Review").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Archive", "Compare")
            .whereLayer("Compare").mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
            .whereLayer("Search").mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Archive", "Bridge", "Settings",
                    "Review", "Search", "Demo", "Compare")
            .whereLayer("Api").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Service", "Archive", "Demo",
                    "Review", "Search")
            .ensureAllClassesAreContainedInArchitectureIgnoring(P + "architecture..");

    static final java.util.Set<String> UI_VISIBLE = java.util.Set.of(
            P + "api.GlowConnection", P + "api.GenerationWatch", P + "archive.ArchiveExporter");

    /** The UI sees the HTTP client and the archive only through these public types, never internals. */
    static final ArchRule UI_USES_NO_CLIENT_OR_ARCHIVE_INTERNALS = noClasses().that().resideInAPackage(P + "ui..")
            .should().dependOnClassesThat(
                    com.tngtech.archunit.base.DescribedPredicate.describe("api or archive internals",
                            (com.tngtech.archunit.core.domain.JavaClass c) ->
                                    (c.getPackageName().startsWith(P + "api")
                                            || c.getPackageName().startsWith(P + "archive"))
                                            && !UI_VISIBLE.contains(c.getName().replaceAll("\\$.*", ""))))
            .allowEmptyShould(true);


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
    void layersOnlyUseTheLayersBelowThem() {
        LAYERS.check(production);
    }

    @Test
    void uiUsesOnlyThePublicFaceOfClientAndArchive() {
        UI_USES_NO_CLIENT_OR_ARCHIVE_INTERNALS.check(production);
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
