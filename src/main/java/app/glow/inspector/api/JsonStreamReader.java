package app.glow.inspector.api;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads one JSON answer token by token as it arrives (see {@link GlowClient#postStreamed}), for
 * answers that are passed on rather than bound to objects. A retry calls it again from the start
 * with a fresh parser, so it must not have shown anything from an earlier, failed attempt.
 *
 * @param <T> what it makes of the answer
 */
@FunctionalInterface
public interface JsonStreamReader<T> {
    /**
     * @param parser on the first token of the answer; left on its last token
     * @throws IOException when the answer is not valid JSON (the caller reports it as malformed)
     */
    T read(JsonParser parser) throws IOException;
}
