package app.glow.inspector.app;

import app.glow.inspector.api.GlowConnection;
import java.util.List;
import java.util.Map;

/**
 * What to open: a configured Glow instance, or (with no configuration, or {@code --demo}) the
 * built-in demo instance.
 *
 * @param connection null for the demo
 * @param demoGroups groups in the demo dataset
 * @param problem    a configuration problem to tell the user about (the demo opens instead)
 */
public record AppConfig(GlowConnection connection, int demoGroups, String problem, long demoLiveStepMillis,
                        java.nio.file.Path archive) {
    public static final int DEFAULT_DEMO_GROUPS = 500;
    public static final long DEFAULT_LIVE_STEP = 1500;

    public AppConfig(GlowConnection connection, int demoGroups, String problem) {
        this(connection, demoGroups, problem, DEFAULT_LIVE_STEP, null);
    }

    /** Open an exported archive, offline. */
    public static AppConfig archive(java.nio.file.Path file) {
        return new AppConfig(null, DEFAULT_DEMO_GROUPS, null, DEFAULT_LIVE_STEP, file);
    }

    public static AppConfig demo() {
        return new AppConfig(null, DEFAULT_DEMO_GROUPS, null);
    }

    /** The demo with its simulated generation at this pace (tests use a quick one). */
    public AppConfig withDemoLiveStep(long millis) {
        return new AppConfig(connection, demoGroups, problem, millis, archive);
    }

    public boolean isDemo() {
        return connection == null && archive == null;
    }

    /** From the command line ({@code --demo}, {@code --demo-groups N}) and the environment. */
    public static AppConfig from(List<String> args, Map<String, String> env) {
        int groups = DEFAULT_DEMO_GROUPS;
        boolean forceDemo = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--archive") && i + 1 < args.size()) {
                return archive(java.nio.file.Path.of(args.get(++i)));
            } else if (a.equals("--demo")) {
                forceDemo = true;
            } else if (a.equals("--demo-groups") && i + 1 < args.size()) {
                try {
                    groups = Math.max(1, Integer.parseInt(args.get(++i)));
                } catch (NumberFormatException e) {
                    return new AppConfig(null, DEFAULT_DEMO_GROUPS, "--demo-groups needs a number.");
                }
            }
        }
        if (forceDemo) {
            return new AppConfig(null, groups, null);
        }
        try {
            GlowConnection c = GlowConnection.fromEnvironment(env);
            if (c == null) {
                // no environment: a connection the user asked the app to remember
                var saved = new app.glow.inspector.settings.TokenStore(
                        app.glow.inspector.settings.Settings.defaultFolder(env).resolve("connection.json")).load();
                if (saved != null) {
                    c = GlowConnection.of(saved.url(), saved.token());
                }
            }
            return new AppConfig(c, groups, null);
        } catch (IllegalArgumentException e) {
            return new AppConfig(null, groups, e.getMessage() + " Showing the demo instance instead.");
        }
    }
}
