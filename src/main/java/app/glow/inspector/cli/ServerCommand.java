package app.glow.inspector.cli;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowApiException;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every {@code glow system} command shares: connection, {@code --body}, exit codes. */
abstract class ServerCommand implements Callable<Integer> {
    final CliContext ctx;
    /** Made when the command runs, not when the command line is built: a mapper costs start time. */
    ObjectMapper mapper;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--body", paramLabel = "JSON",
            description = "The request body: inline JSON, @file.json, or - to read standard input.")
    String body;

    ServerCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Runs the command; usage problems throw {@link UsageError}, server ones {@link GlowApiException}. */
    abstract void run(GlowClient client, ObjectNode body) throws Exception;

    /** Checks the body's fields before anything is sent. */
    abstract void validate(ObjectNode body) throws UsageError;

    @Override
    public final Integer call() {
        try {
            mapper = GlowJson.newMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
            ObjectNode b = Body.read(body, ctx.stdin(), mapper);
            validate(b);
            GlowConnection conn = connection.resolve(ctx);
            GlowClient client = new GlowClient(conn, GlowHttp.newClientFor(conn), mapper,
                    RetryPolicy.DEFAULT);
            run(client, b);
            ctx.out().flush();
            return 0;
        } catch (Exception e) {
            return CliErrors.report(e, ctx, "");
        }
    }

    byte[] bytes(JsonNode node) throws IOException {
        return mapper.writeValueAsBytes(node);
    }

    /** Prints a JSON answer exactly as the server sent it, or indented with {@code --pretty}. */
    void printJson(byte[] raw, boolean pretty) throws IOException {
        if (pretty) {
            JsonNode n = mapper.readTree(raw);
            ctx.out().write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
            ctx.out().write('\n');
        } else {
            ctx.out().write(raw);
            if (raw.length == 0 || raw[raw.length - 1] != '\n') {
                ctx.out().write('\n');
            }
        }
    }


    static Cancellation none() {
        return Cancellation.none();
    }

}
