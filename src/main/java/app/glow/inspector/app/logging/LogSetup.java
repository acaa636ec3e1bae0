package app.glow.inspector.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging for the app and the CLI, configured in code because the folder depends on the
 * environment: a rolling file (5 × 5 MB) under the user's state folder, every line redacted.
 * The CLI logs to the file only, so its standard output stays machine-readable.
 */
public final class LogSetup {
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n%ex";
    public static final String FILE_NAME = "glow-inspector.log";

    private LogSetup() {
    }

    /** {@code $XDG_STATE_HOME/glow-inspector/logs}, or {@code ~/.local/state/glow-inspector/logs}. */
    public static Path folder(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("glow-inspector").resolve("logs");
    }

    /**
     * Replaces whatever configuration Logback found with ours. Returns the log file.
     *
     * @param console also log warnings to standard error (the desktop app; not the CLI)
     */
    public static Path install(Path folder, LogRedactor redactor, boolean console) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        Path file = folder.resolve(FILE_NAME);
        RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
        rolling.setContext(ctx);
        rolling.setName("FILE");
        rolling.setFile(file.toString());
        FixedWindowRollingPolicy policy = new FixedWindowRollingPolicy();
        policy.setContext(ctx);
        policy.setParent(rolling);
        policy.setFileNamePattern(folder.resolve("glow-inspector.%i.log").toString());
        policy.setMinIndex(1);
        policy.setMaxIndex(4);
        policy.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(ctx);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();
        rolling.setRollingPolicy(policy);
        rolling.setTriggeringPolicy(trigger);
        start(rolling, ctx, redactor);
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(rolling);
        if (console) {
            ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
            err.setContext(ctx);
            err.setName("STDERR");
            err.setTarget("System.err");
            start(err, ctx, redactor);
            ch.qos.logback.classic.filter.ThresholdFilter warn = new ch.qos.logback.classic.filter.ThresholdFilter();
            warn.setLevel("WARN");
            warn.start();
            err.addFilter(warn);
            root.addAppender(err);
        }
        // chatty libraries stay at warnings
        ctx.getLogger("okhttp3").setLevel(Level.WARN);
        ctx.getLogger("org.apache.lucene").setLevel(Level.WARN);
        Logger log = LoggerFactory.getLogger(LogSetup.class);
        log.info("Glow Inspector logging to {} (Java {}, {})", file, Runtime.version(), System.getProperty("os.name"));
        return file;
    }

    private static void start(OutputStreamAppender<ILoggingEvent> appender, LoggerContext ctx, LogRedactor redactor) {
        RedactingLayout layout = new RedactingLayout(redactor);
        layout.setContext(ctx);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(ctx);
        encoder.setLayout(layout);
        encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
    }
}
