package app.glow.inspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WCAG AA for the conversation: every text in a role's bubble (the role line, the message, marks)
 * has a contrast of at least 4.5:1 against the bubble as rendered, in the light and dark themes.
 * Colours are read from the nodes after CSS, the background blended through every layer below.
 */
class RoleContrastTest extends FxAppSupport {
    static final List<String> ROLES = List.of("user", "assistant", "system", "other");

    @BeforeAll
    static void open() throws Exception {
        launch(quietDemo());
    }

    @Test
    void roleBubblesMeetAaInBothThemes() throws Exception {
        waitFor(20, () -> table().getItems().size() > 3);
        robot.interact(() -> table().getSelectionModel().clearAndSelect(0));
        waitFor(20, () -> robot.lookup(".bubble").match(FxAppSupport.inState("system")).tryQuery().isPresent()
                && robot.lookup(".bubble").match(FxAppSupport.inState("user")).tryQuery().isPresent());
        List<String> failures = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            robot.interact(() -> menuItem("theme-" + theme).fire());
            // a bubble of each role beside the real ones, in the same scene and theme (the demo's
            // first group need not show every role on its first screen)
            VBox probes = new VBox();
            robot.interact(() -> {
                for (String role : ROLES) {
                    Label title = new Label("Role " + role);
                    title.getStyleClass().add("bubble-role");
                    Label text = new Label("Message text");
                    text.getStyleClass().add("message-text-label");
                    VBox b = new VBox(title, text);
                    b.getStyleClass().add("bubble");
                    b.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(state(role)), true);
                    probes.getChildren().add(b);
                }
                ((javafx.scene.layout.BorderPane) stage.getScene().getRoot()).setBottom(probes);
            });
            robot.interact(() -> stage.getScene().getRoot().applyCss());
            Set<String> seen = new TreeSet<>();
            int checked = 0;
            for (Node bubble : robot.lookup(".bubble").queryAll()) {
                if (!GroupDetailTest.shown(bubble)) {
                    continue;
                }
                String role = ROLES.stream().filter(r -> FxAppSupport.inState(state(r)).test(bubble)).findFirst()
                        .orElse("?");
                seen.add(role);
                for (Text t : texts(bubble)) {
                    if (!(t.getFill() instanceof Color fg) || t.getText() == null || t.getText().isBlank()) {
                        continue;
                    }
                    checked++;
                    Color bg = background(t);
                    double ratio = contrast(fg, bg);
                    if (ratio < Double.parseDouble(System.getProperty("glow.aa", "4.5"))) {
                        failures.add(theme + " " + role + " \"" + abbreviate(t.getText()) + "\" " + hex(fg) + " on "
                                + hex(bg) + ": " + String.format("%.2f", ratio));
                    }
                }
            }
            assertTrue(seen.containsAll(ROLES), theme + ": " + seen);
            assertTrue(checked >= 2 * ROLES.size(), theme + ": only " + checked + " texts");
            robot.interact(() -> ((javafx.scene.layout.BorderPane) stage.getScene().getRoot()).setBottom(null));
        }
        robot.interact(() -> menuItem("theme-light").fire());
        assertEquals(List.of(), failures.stream().distinct().toList());
    }

    static List<Text> texts(Node n) {
        List<Text> out = new ArrayList<>();
        if (n instanceof Text t && t.isVisible()) {
            out.add(t);
        } else if (n instanceof Parent p && n.isVisible()) {
            for (Node c : p.getChildrenUnmodifiable()) {
                out.addAll(texts(c));
            }
        }
        return out;
    }

    /** What is behind a node: the scene's fill, then every ancestor's top background fill, blended. */
    static Color background(Node n) {
        List<Node> chain = new ArrayList<>();
        for (Node a = n.getParent(); a != null; a = a.getParent()) {
            chain.add(0, a);
        }
        Color c = n.getScene().getFill() instanceof Color f ? f : Color.WHITE;
        for (Node a : chain) {
            if (a instanceof Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                if (fills.get(fills.size() - 1).getFill() instanceof Color top) {
                    c = over(top, c);
                }
            }
        }
        return c;
    }

    static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return new Color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a), 1);
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }

    private MenuItem menuItem(String id) {
        var bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        List<MenuItem> todo = new ArrayList<>();
        bar.getMenus().forEach(todo::add);
        while (!todo.isEmpty()) {
            MenuItem i = todo.remove(0);
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof javafx.scene.control.Menu m) {
                todo.addAll(m.getItems());
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    /** The bubble's pseudo-class for a role ("other" is "other-role": :other would read as a state). */
    private static String state(String role) {
        return role.equals("other") ? "other-role" : role;
    }
}
