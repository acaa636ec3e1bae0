package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.app.AppConfig;
import app.glow.inspector.service.CostAudit;
import app.glow.inspector.ui.cost.CostViewModel;
import app.glow.inspector.ui.groups.ColumnLayout;
import java.nio.file.Files;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The cost view (breakdown, pricing, audit), remembered columns, and the admin refresh. */
class CostAndSettingsTest extends FxAppSupport {
    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
    }


    @Test
    void theCostViewBreaksDownTheSelectionAndTheAuditFlagsLegacyPrices() throws Exception {
        var ws = app.wiring().mainWindow().workspace();
        waitFor(15, () -> table().getItems().size() >= 100);
        robot.interact(() -> table().getSelectionModel().selectRange(0, 10));
        CostViewModel cost = ws.cost();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cost.breakdownStatusProperty().get().startsWith("Select groups"),
                "nothing is computed while the Cost tab is hidden: " + cost.breakdownStatusProperty().get());
        robot.interact(() -> robot.lookup("#detailTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(3));
        waitFor(15, () -> cost.breakdownStatusProperty().get().startsWith("Cost of 10 selected groups"));
        var sum = cost.byModelProperty().get().stream().map(CostViewModel.Slice::cost)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        var expected = ws.list().selectionTotalsProperty().get().cost();
        assertEquals(0, expected.compareTo(sum), "by-model slices add up exactly to the selection's cost");
        assertFalse(cost.byAgentProperty().get().isEmpty());
        assertFalse(cost.byProfileProperty().get().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<Object> pricing = robot.lookup("#pricingTable").queryAs(TableView.class);
        assertTrue(pricing.getItems().size() >= 5, "pricing rows: " + pricing.getItems().size());

        robot.interact(() -> cost.audit(java.util.List.copyOf(ws.list().loadedRows())));
        waitFor(30, () -> cost.auditStatusProperty().get().startsWith("Audited"));
        assertFalse(cost.flagged().isEmpty(), cost.auditStatusProperty().get());
        for (CostAudit.Result r : cost.flagged()) {
            assertTrue(r.reported().compareTo(r.recomputed()) != 0);
        }
    }

    @Test
    void hiddenColumnsAreRemembered() throws Exception {
        TableView<?> table = table();
        TableColumn<?, ?> agents = table.getColumns().stream().filter(c -> "col-agents".equals(c.getId()))
                .findFirst().orElseThrow();
        robot.interact(() -> agents.setVisible(false));
        var file = configFolder.resolve("settings.json");
        waitFor(5, () -> Files.exists(file) && Files.readString(file).contains("\"col-agents\""));
        String saved = Files.readString(file);
        assertTrue(saved.matches("(?s).*\"id\" : \"col-agents\",\\s*\"width\" : [0-9.]+,\\s*\"visible\" : false.*"),
                saved);
        assertFalse(saved.contains("demo_") || saved.contains("Bearer"), "settings never hold a token");
        var fresh = new TableView<>();
        var col = new TableColumn<Object, String>("Agents");
        col.setId("col-agents");
        fresh.getColumns().add(col);
        robot.interact(() -> ColumnLayout.restoreAndTrack(fresh,
                app.wiring().settings(), "groupColumns"));
        assertFalse(col.isVisible(), "restored hidden");
        robot.interact(() -> agents.setVisible(true));
    }

    @Test
    void adminRefreshCallsTheServerAndReloads() throws Exception {
        var list = app.wiring().mainWindow().workspace().list();
        robot.interact(() -> app.wiring().mainWindow().refreshServerCaches());
        waitFor(10, () -> "Server caches refreshed.".equals(list.noticeProperty().get()));
        waitFor(10, () -> table().getItems().size() >= 100);
    }
}
