package app.glow.inspector.cli;

import app.glow.inspector.model.MediaKind;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code glow}: the command line that shares the inspector's client code. No JavaFX class is
 * loaded here, so it runs over SSH with no display.
 */
@Command(name = "glow", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Glow Inspector command line: the Glow system API, full-text search, and the built-in demo "
                + "instance.",
        footer = {"", "Connection: GLOW_INSTANCE_URL and GLOW_TOKEN, or --url and --token-file.",
            "Exit codes: 0 ok, 1 the server refused or failed, 2 bad usage."})
public final class GlowCli implements Runnable {
    @Command(name = "system", mixinStandardHelpOptions = true,
            description = "Call a /system endpoint. JSON answers go to stdout exactly as sent.")
    static final class SystemCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: "
                    + "group, groups, export, refresh, watch, or a *_download");
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: system, search, index, export, report or demo-server");
    }

    /** The whole command tree (help, documentation, tests). */
    public static CommandLine commandLine(CliContext ctx) {
        return commandLine(ctx, new String[0]);
    }

    /**
     * The tree these arguments need: only the branch they name, since building each command's
     * model costs reflection and class loading at every start.
     * Arguments that name no known command get the whole tree, so usage messages, "did you mean"
     * suggestions and help list every command as before.
     */
    static CommandLine commandLine(CliContext ctx, String[] args) {
        CommandLine root = new CommandLine(new GlowCli());
        String first = args.length > 0 ? args[0] : "";
        if (TOP.contains(first)) {
            addTop(root, first, ctx, args.length > 1 ? args[1] : "");
        } else {
            for (String name : TOP) {
                addTop(root, name, ctx, "");
            }
        }
        // "--body @file.json" is ours; picocli must not read @files as argument lists.
        root.setExpandAtFiles(false);
        root.setOut(new PrintWriter(ctx.out(), true));
        root.setErr(new PrintWriter(ctx.err(), true));
        return root;
    }

    /** The top-level commands, in the order help lists them. */
    private static final List<String> TOP =
            List.of("system", "demo-server", "export", "search", "index", "report", "compare");

    private static void addTop(CommandLine root, String name, CliContext ctx, String next) {
        Object command = switch (name) {
            case "system" -> system(ctx, next);
            case "demo-server" -> new DemoServerCommand(ctx);
            case "export" -> new ExportCommand(ctx);
            case "search" -> new SearchCommand(ctx);
            case "index" -> new IndexCommand(ctx);
            case "report" -> new ReportCommand(ctx);
            case "compare" -> new CompareCommand(ctx);
            default -> throw new IllegalArgumentException(name);
        };
        root.addSubcommand(name, command instanceof CommandLine c ? c : new CommandLine(command));
    }

    /** {@code glow system}: only the subcommand {@code next} names, or all of them. */
    private static CommandLine system(CliContext ctx, String next) {
        CommandLine system = new CommandLine(new SystemCommand());
        boolean all = !SYSTEM.contains(next) && !next.endsWith("_download");
        if (all || next.equals("group")) {
            system.addSubcommand("group", with(new JsonCommands.Group(ctx)));
        }
        if (all || next.equals("groups")) {
            system.addSubcommand("groups", with(new JsonCommands.Groups(ctx)));
        }
        if (all || next.equals("export")) {
            system.addSubcommand("export", with(new BinaryCommands.Export(ctx)));
        }
        if (all || next.equals("refresh")) {
            system.addSubcommand("refresh", with(new JsonCommands.Refresh(ctx)));
        }
        if (all || next.equals("watch")) {
            system.addSubcommand("watch", with(new WatchCommand(ctx)));
        }
        for (MediaKind k : MediaKind.values()) {
            String name = k.wireName() + "_download";
            if (all || next.equals(name)) {
                system.addSubcommand(name, with(new BinaryCommands.Download(ctx, k)));
            }
        }
        if (system.getSubcommands().isEmpty()) {
            // an unknown *_download: every subcommand, for picocli's message and suggestions
            return system(ctx, "");
        }
        return system;
    }

    private static final List<String> SYSTEM = List.of("group", "groups", "export", "refresh", "watch");

    private static CommandLine with(Object command) {
        CommandLine c = new CommandLine(command);
        c.getCommandSpec().mixinStandardHelpOptions(true);
        return c;
    }

    /** Runs the CLI in-process; returns the exit code. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err,
                          Map<String, String> env, boolean stdoutIsTerminal) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // what picocli would print, without building a command model that --version never uses
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            out.flush();
            return 0;
        }
        CliContext ctx = new CliContext(stdin, out, err, env, stdoutIsTerminal);
        return commandLine(ctx, args).execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv(), System.console() != null));
    }
}
