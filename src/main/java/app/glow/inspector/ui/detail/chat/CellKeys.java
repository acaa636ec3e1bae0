package app.glow.inspector.ui.detail.chat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Keyboard reach into the conversation's bubbles: JavaFX's Tab order passes over controls inside
 * list cells, so Tab on the list enters the selected message (its player chips, "Save as…", "Show
 * all"), Tab and Shift+Tab then move among them, and Escape (or Tab past the last) returns to the list.
 */
final class CellKeys {
    private CellKeys() {
    }

    static void install(ListView<?> list) {
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            Node focus = list.getScene() == null ? null : list.getScene().getFocusOwner();
            if (e.getCode() == KeyCode.ESCAPE && focus != list && focus != null) {
                list.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                List<Control> inCell = controls(selectedCell(list));
                int at = inCell.indexOf(focus);
                if (focus == list && !e.isShiftDown() && !inCell.isEmpty()) {
                    inCell.get(0).requestFocus();
                    e.consume();
                } else if (at >= 0) {
                    int next = at + (e.isShiftDown() ? -1 : 1);
                    if (next < 0 || next >= inCell.size()) {
                        list.requestFocus();
                    } else {
                        inCell.get(next).requestFocus();
                    }
                    e.consume();
                }
            }
        });
    }

    private static ListCell<?> selectedCell(ListView<?> list) {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return null;
        }
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> c && c.getIndex() == i && c.isVisible() && c.getItem() != null) {
                return c;
            }
        }
        return null;
    }

    /** The controls a key can reach in a cell, in order. */
    static List<Control> controls(Node root) {
        List<Control> out = new ArrayList<>();
        if (root instanceof Parent p) {
            for (Node n : p.getChildrenUnmodifiable()) {
                if (!n.isVisible() || n.isDisabled()) {
                    continue;
                }
                if (n instanceof Control c && c.isFocusTraversable()) {
                    out.add(c);
                } else {
                    out.addAll(controls(n));
                }
            }
        }
        return out;
    }
}
