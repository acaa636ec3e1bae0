package app.glow.inspector.cli;

import app.glow.inspector.model.MediaKind;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
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

    public static CommandLine commandLine(CliContext ctx) {
        CommandLine system = new CommandLine(new SystemCommand());
        system.addSubcommand("group", with(new JsonCommands.Group(ctx)));
        system.addSubcommand("groups", with(new JsonCommands.Groups(ctx)));
        system.addSubcommand("export", with(new BinaryCommands.Export(ctx)));
        system.addSubcommand("refresh", with(new JsonCommands.Refresh(ctx)));
        system.addSubcommand("watch", with(new WatchCommand(ctx)));
        for (MediaKind k : MediaKind.values()) {
            system.addSubcommand(k.wireName() + "_download", with(new BinaryCommands.Download(ctx, k)));
        }
        CommandLine root = new CommandLine(new GlowCli());
        root.addSubcommand("system", system);
        root.addSubcommand("demo-server", new CommandLine(new DemoServerCommand(ctx)));
        root.addSubcommand("export", new CommandLine(new ExportCommand(ctx)));
        root.addSubcommand("search", new CommandLine(new SearchCommand(ctx)));
        root.addSubcommand("index", new CommandLine(new IndexCommand(ctx)));
        root.addSubcommand("report", new CommandLine(new ReportCommand(ctx)));
        root.addSubcommand("compare", new CommandLine(new CompareCommand(ctx)));
        // "--body @file.json" is ours; picocli must not read @files as argument lists.
        root.setExpandAtFiles(false);
        root.setOut(new PrintWriter(ctx.out(), true));
        root.setErr(new PrintWriter(ctx.err(), true));
        return root;
    }

    private static CommandLine with(Object command) {
        CommandLine c = new CommandLine(command);
        c.getCommandSpec().mixinStandardHelpOptions(true);
        return c;
    }

    /** Runs the CLI in-process; returns the exit code. */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err,
                          Map<String, String> env, boolean stdoutIsTerminal) {
        CliContext ctx = new CliContext(stdin, out, err, env, stdoutIsTerminal);
        return commandLine(ctx).execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv(), System.console() != null));
    }
}
