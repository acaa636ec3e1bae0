package app.glow.inspector.app.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A pattern layout whose whole output (message, arguments and stack trace) is redacted. The
 * no-argument form is for {@code logback.xml} (the CLI): it knows the token from the environment
 * and the shapes of tokens and headers.
 */
public final class RedactingLayout extends PatternLayout {
    private final LogRedactor redactor;

    public RedactingLayout() {
        this(new LogRedactor());
        redactor.addSecret(System.getenv(app.glow.inspector.api.GlowConnection.ENV_TOKEN));
    }

    RedactingLayout(LogRedactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return redactor.redact(super.doLayout(event));
    }
}
