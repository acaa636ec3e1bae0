package app.glow.inspector.app;

import javafx.application.Application;

/** Launcher for a plain class path (a main class that is not an Application subclass). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(GlowInspectorApp.class, args);
    }
}
