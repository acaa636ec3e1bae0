package app.glow.inspector.cli;

import app.glow.inspector.demo.DemoServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code glow demo-server}: the built-in instance, standalone, for the CLI and benchmarks. */
@Command(name = "demo-server", mixinStandardHelpOptions = true,
        description = "Run the built-in Glow-compatible demo instance on 127.0.0.1 until Ctrl+C.",
        footer = {"", "It prints the connection as two export lines on standard output, then serves.", "",
            "Examples:", "  glow demo-server --port 8787 --groups 100000",
            "  glow demo-server --port 8787 > demo.env &   # then: . ./demo.env; glow system groups"})
final class DemoServerCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--port", description = "Port on 127.0.0.1 (default: any free port).")
    int port;

    @Option(names = "--groups", description = "Groups in the dataset (default: ${DEFAULT-VALUE}).", defaultValue = "500")
    int groups;

    @Option(names = "--seed", description = "Dataset seed (default: ${DEFAULT-VALUE}).", defaultValue = "2026")
    long seed;

    @Option(names = "--live-step-ms", defaultValue = "1500",
            description = "Pace of the simulated live generation; 0 turns it off (default: ${DEFAULT-VALUE}).")
    long liveStep;

    DemoServerCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (groups < 1) {
            ctx.err().println("glow: --groups must be at least 1");
            return 2;
        }
        long t0 = System.nanoTime();
        DemoServer server = DemoServer.start(DemoServer.Options.defaults().withGroups(groups).withPort(port)
                .withSeed(seed).withLive(liveStep, 15_000));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        ctx.out().println("export GLOW_INSTANCE_URL=" + server.url());
        ctx.out().println("export GLOW_TOKEN=" + server.token());
        ctx.out().flush();
        ctx.err().println("glow: demo instance with " + groups + " groups ready in " + ms + " ms at " + server.url()
                + " (Ctrl+C to stop)");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
        return 0;
    }
}
