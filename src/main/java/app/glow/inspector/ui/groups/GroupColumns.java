package app.glow.inspector.ui.groups;

import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.service.Money;
import app.glow.inspector.ui.Formats;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import app.glow.inspector.service.Totals;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The list's column factories: what each cell shows, with exact values in tooltips. */
final class GroupColumns {
    private GroupColumns() {
    }

    static <S, T> TableColumn<S, T> hidden(TableColumn<S, T> c) {
        c.setVisible(false);
        return c;
    }

    /** Input + cached + output, saturating: absurd counts from a server never wrap to negative. */
    static Long totalTokens(GroupSummary s) {
        long t = 0;
        for (long v : new long[] {s.inputTokens(), s.cachedInputTokens(), s.outputTokens()}) {
            t = v > 0 && t > Long.MAX_VALUE - v ? Long.MAX_VALUE : t + Math.max(0, v);
        }
        return t;
    }

    /** Names on one line: a newline shows as ⏎ and a tab as →; the full name is in the tooltip. */
    static String oneLine(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(name.length(), 300));
        for (int i = 0; i < name.length() && b.length() < 300; i++) {
            char ch = name.charAt(i);
            if (ch == '\r' && i + 1 < name.length() && name.charAt(i + 1) == '\n') {
                continue;
            }
            b.append(ch == '\n' || ch == '\r' ? '⏎' : ch == '\t' ? '→' : ch);
        }
        return b.toString();
    }

    static TableColumn<GroupRow, String> name() {
        TableColumn<GroupRow, String> c = new TableColumn<>("Name");
        c.setId("col-name");
        c.setPrefWidth(180);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().summary().groupName()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : oneLine(item));
                tip.setText(item);
                setTooltip(empty || item == null ? null : tip);
            }
        });
        return c;
    }

    static TableColumn<GroupRow, String> text(String title, double width, Function<GroupRow, String> f) {
        TableColumn<GroupRow, String> c = new TableColumn<>(title);
        c.setId("col-" + title.toLowerCase().replace(' ', '-'));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                tip.setText(item);
                setTooltip(empty || item == null || item.length() < 30 ? null : tip);
            }
        });
        return c;
    }

    static TableColumn<GroupRow, Long> number(String title, double width, Function<GroupSummary, Long> f) {
        TableColumn<GroupRow, Long> c = new TableColumn<>(title);
        c.setId("col-" + title.toLowerCase().replace(' ', '-'));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue().summary())));
        c.setCellFactory(col -> new TableCell<>() {
            {
                setAlignment(Pos.CENTER_RIGHT);
            }

            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Formats.count(item));
            }
        });
        return c;
    }

    static TableColumn<GroupRow, Instant> created(ZoneId zone) {
        TableColumn<GroupRow, Instant> c = new TableColumn<>("Created");
        c.setId("col-created");
        c.setPrefWidth(175);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().summary().createdAt()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                // the exact text is made only when the tooltip is about to show, not per frame
                tip.setOnShowing(e -> tip.setText(getItem() == null ? "" : Formats.exact(getItem(), zone)));
            }

            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Formats.local(item, zone));
                setTooltip(empty || item == null ? null : tip);
            }
        });
        return c;
    }

    static TableColumn<GroupRow, BigDecimal> cost() {
        TableColumn<GroupRow, BigDecimal> c = new TableColumn<>("Cost");
        c.setId("col-cost");
        c.setPrefWidth(82);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().summary().cost()));
        c.setCellFactory(col -> new TableCell<>() {
            {
                setAlignment(Pos.CENTER_RIGHT);
            }

            private final Tooltip tip = new Tooltip();

            {
                tip.setOnShowing(e -> tip.setText(getItem() == null ? "" : "Exact: " + Money.exact(getItem())));
            }

            @Override
            protected void updateItem(BigDecimal item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Money.display(item));
                setTooltip(empty || item == null ? null : tip);
            }
        });
        return c;
    }
}
