package app.glow.inspector.cli;

import app.glow.inspector.api.GlowConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where to connect: {@code --url} and {@code --token-file}, else {@code GLOW_INSTANCE_URL} and
 * {@code GLOW_TOKEN}. There is deliberately no option for the token itself: it would show in the
 * process list and the shell history.
 */
final class ConnectionOptions {
    @Option(names = "--url", paramLabel = "URL", description = "Glow instance base URL (default: $GLOW_INSTANCE_URL).")
    String url;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the bearer token (default: $GLOW_TOKEN).")
    Path tokenFile;

    @Option(names = GlowConnection.INSECURE_OPTION,
            description = "Allow plain http:// to a host that is not this machine (the token travels unencrypted).")
    boolean allowInsecureHttp;

    GlowConnection resolve(CliContext ctx) throws UsageError {
        java.util.Map<String, String> env = ctx.env();
        String u = url != null ? url : env.get(GlowConnection.ENV_URL);
        if (u == null || u.isBlank()) {
            throw new UsageError("no instance: set GLOW_INSTANCE_URL or pass --url");
        }
        String token;
        if (tokenFile != null) {
            try {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
                ctx.redactor().addSecret(token);
            } catch (IOException e) {
                throw new UsageError("--token-file " + tokenFile + ": cannot read it (" + e.getMessage() + ")");
            }
        } else {
            token = env.get(GlowConnection.ENV_TOKEN);
        }
        if (token == null || token.isBlank()) {
            throw new UsageError("no token: set GLOW_TOKEN or pass --token-file FILE");
        }
        try {
            return GlowConnection.of(u, token, allowInsecureHttp);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
