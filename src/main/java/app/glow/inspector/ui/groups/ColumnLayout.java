package app.glow.inspector.ui.groups;

import app.glow.inspector.settings.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/** Remembers a table's column order, widths and visibility in the settings file. */
public final class ColumnLayout {
    private ColumnLayout() {
    }

    /** A column property: its visibility follows the app's state (the Live column), not a saved choice. */
    static final String STATE_VISIBILITY = "glow.visibilityFollowsState";

    /** A column property: width lent to a column shown for the app's state, given back when it hides. */
    static final String LENT_WIDTH = "glow.lentWidth";
    private static final double MIN_LENDER_WIDTH = 100;

    /**
     * While {@code borrower} is shown, {@code lender} is narrower by the borrower's width (never
     * below {@value #MIN_LENDER_WIDTH}); hidden again, the lender gets back what it lent. What is
     * saved is the lender's width without the loan, so a restart while live keeps the chosen width.
     */
    static <T> void lend(TableColumn<T, ?> lender, TableColumn<T, ?> borrower, boolean shown) {
        double lent = (Double) lender.getProperties().getOrDefault(LENT_WIDTH, 0.0);
        if (shown && lent == 0) {
            double w = lender.getWidth() > 0 ? lender.getWidth() : lender.getPrefWidth();
            double loan = Math.max(0, Math.min(borrower.getPrefWidth(), w - MIN_LENDER_WIDTH));
            lender.getProperties().put(LENT_WIDTH, loan);
            lender.setPrefWidth(w - loan);
        } else if (!shown && lent > 0) {
            lender.getProperties().remove(LENT_WIDTH);
            lender.setPrefWidth(lender.getWidth() + lent);
        }
    }

    public static <T> void restoreAndTrack(TableView<T> table, Settings settings, String key) {
        restore(table, settings, key);
        PauseTransition save = new PauseTransition(Duration.millis(400));
        save.setOnFinished(e -> settings.put(key, snapshot(table, settings)));
        table.getColumns().addListener((ListChangeListener<TableColumn<T, ?>>) c -> save.playFromStart());
        for (TableColumn<T, ?> col : table.getColumns()) {
            col.widthProperty().addListener((o, a, b) -> save.playFromStart());
            col.visibleProperty().addListener((o, a, b) -> save.playFromStart());
        }
    }

    static <T> ArrayNode snapshot(TableView<T> table, Settings settings) {
        ArrayNode arr = settings.mapper().createArrayNode();
        for (TableColumn<T, ?> col : table.getColumns()) {
            ObjectNode o = arr.addObject();
            o.put("id", col.getId());
            o.put("width", col.getWidth() + (Double) col.getProperties().getOrDefault(LENT_WIDTH, 0.0));
            o.put("visible", col.isVisible());
        }
        return arr;
    }

    static <T> void restore(TableView<T> table, Settings settings, String key) {
        JsonNode saved = settings.get(key);
        if (saved == null || !saved.isArray()) {
            return;
        }
        Map<String, TableColumn<T, ?>> byId = new HashMap<>();
        for (TableColumn<T, ?> c : table.getColumns()) {
            byId.put(c.getId(), c);
        }
        List<TableColumn<T, ?>> order = new ArrayList<>();
        for (JsonNode n : saved) {
            TableColumn<T, ?> c = byId.remove(n.path("id").asText());
            if (c == null) {
                continue;
            }
            double w = n.path("width").asDouble(c.getPrefWidth());
            if (w >= 20 && w <= 2000) {
                c.setPrefWidth(w);
            }
            if (!c.getProperties().containsKey(STATE_VISIBILITY)) {
                c.setVisible(n.path("visible").asBoolean(true));
            }
            order.add(c);
        }
        // columns the saved layout does not know (a newer version) keep their place at the end
        for (TableColumn<T, ?> c : table.getColumns()) {
            if (byId.containsKey(c.getId())) {
                order.add(c);
            }
        }
        table.getColumns().setAll(order);
    }
}
