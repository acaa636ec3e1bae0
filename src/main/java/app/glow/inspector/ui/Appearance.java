package app.glow.inspector.ui;

import app.glow.inspector.settings.Settings;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Theme (light, dark, or the desktop's) and text size: switched at run time from the View menu,
 * remembered in the settings. The size scales the whole UI through the root font size, since
 * every AtlantaFX measure is in em.
 */
public final class Appearance {
    public enum Theme { LIGHT, DARK, SYSTEM }

    static final String THEME_KEY = "theme";
    static final String SIZE_KEY = "fontSize";
    static final int DEFAULT_SIZE = 13;
    static final int MIN_SIZE = 9;
    static final int MAX_SIZE = 24;

    private final Settings settings;
    private final app.glow.inspector.ui.detail.MessageRendering rendering;
    private final Map<String, String> env;
    private Parent root;
    private Theme theme;
    private int size;

    public Appearance(Settings settings, Map<String, String> env) {
        this(settings, env, null);
    }

    /** With {@code rendering}, the View menu also offers "Render Markdown". */
    public Appearance(Settings settings, Map<String, String> env,
                      app.glow.inspector.ui.detail.MessageRendering rendering) {
        this.rendering = rendering;
        this.settings = settings;
        this.env = env;
        var t = settings.get(THEME_KEY);
        Theme saved = Theme.SYSTEM;
        if (t != null && t.isTextual()) {
            try {
                saved = Theme.valueOf(t.asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                saved = Theme.SYSTEM; // a value from a newer version: the desktop's choice is a safe default
            }
        }
        theme = saved;
        var s = settings.get(SIZE_KEY);
        size = s != null && s.canConvertToInt() ? clamp(s.asInt()) : DEFAULT_SIZE;
    }

    /** Applies the remembered theme and size to the window's root. */
    public void attach(javafx.scene.Scene scene) {
        this.root = scene.getRoot();
        // Ctrl+= as well as Ctrl+plus: on most layouts plus needs Shift
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                () -> setFontSize(size + 1));
        applyTheme();
        applySize();
    }

    public Theme theme() {
        return theme;
    }

    /** The theme actually shown: SYSTEM resolved through the desktop's GTK theme name. */
    public boolean isDark() {
        if (theme == Theme.SYSTEM) {
            String gtk = env.getOrDefault("GTK_THEME", "");
            return gtk.toLowerCase(Locale.ROOT).contains("dark");
        }
        return theme == Theme.DARK;
    }

    public void setTheme(Theme t) {
        theme = t;
        settings.put(THEME_KEY, TextNode.valueOf(t.name().toLowerCase(Locale.ROOT)));
        applyTheme();
    }

    public int fontSize() {
        return size;
    }

    public void setFontSize(int px) {
        size = clamp(px);
        settings.put(SIZE_KEY, IntNode.valueOf(size));
        applySize();
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(isDark() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (root != null) {
            root.getStyleClass().removeAll("theme-dark", "theme-light");
            root.getStyleClass().add(isDark() ? "theme-dark" : "theme-light");
        }
    }

    private void applySize() {
        if (root != null) {
            root.setStyle("-fx-font-size: " + size + "px;");
        }
    }

    private static int clamp(int v) {
        return Math.max(MIN_SIZE, Math.min(MAX_SIZE, v));
    }

    /** View-menu entries: a Theme submenu and the text size with Ctrl+plus, Ctrl+minus, Ctrl+0. */
    public List<MenuItem> menuItems() {
        ToggleGroup group = new ToggleGroup();
        Menu themes = new Menu("Theme");
        themes.setId("themeMenu");
        for (Theme t : Theme.values()) {
            RadioMenuItem i = new RadioMenuItem(switch (t) {
                case LIGHT -> "Light";
                case DARK -> "Dark";
                case SYSTEM -> "Same as the desktop";
            });
            i.setId("theme-" + t.name().toLowerCase(Locale.ROOT));
            i.setToggleGroup(group);
            i.setSelected(t == theme);
            i.setOnAction(e -> setTheme(t));
            themes.getItems().add(i);
        }
        MenuItem bigger = new MenuItem("Larger text");
        bigger.setId("biggerText");
        bigger.setAccelerator(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN));
        bigger.setOnAction(e -> setFontSize(size + 1));
        MenuItem smaller = new MenuItem("Smaller text");
        smaller.setId("smallerText");
        smaller.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        smaller.setOnAction(e -> setFontSize(size - 1));
        MenuItem reset = new MenuItem("Normal text size");
        reset.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        reset.setOnAction(e -> setFontSize(DEFAULT_SIZE));
        if (rendering != null) {
            return List.of(new SeparatorMenuItem(), themes, bigger, smaller, reset, rendering.menuItem());
        }
        return List.of(new SeparatorMenuItem(), themes, bigger, smaller, reset);
    }
}
