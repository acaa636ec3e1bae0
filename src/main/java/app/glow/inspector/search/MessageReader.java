package app.glow.inspector.search;

import app.glow.inspector.model.AgentRef;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.ModelRef;
import app.glow.inspector.model.ProfileRef;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.model.ToolCall;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one group through its detail windows, message by message: each message once (replayed
 * context repeats earlier ids), with its text uploads fetched and its file names looked up. Only
 * one window and one message's text are held at a time.
 */
final class MessageReader {
    private static final Logger log = LoggerFactory.getLogger(MessageReader.class);
    static final int WINDOW = 200;
    /** Bytes read of each text upload; a longer paste is indexed up to here. */
    static final int TEXT_BYTES = 1 << 20;

    interface Sink {
        void accept(MessageDoc m) throws IOException;
    }

    private final GroupSource source;

    MessageReader(GroupSource source) {
        this.source = source;
    }

    GroupDetail firstWindow(String groupId, Cancellation c) throws SourceException {
        return source.detail(groupId, 0, WINDOW, c);
    }

    /** Gives every message of the group to {@code sink}, starting with the window already fetched. */
    void read(GroupDetail first, Sink sink, Cancellation c) throws IOException {
        Names names = new Names(first);
        Set<String> seen = new HashSet<>();
        GroupDetail d = first;
        long offset = 0;
        while (true) {
            names.add(d);
            long position = offset; // windows list the group's sequence in order, run after run
            for (RunWithMessages rm : d.runs()) {
                for (Message m : rm.messages()) {
                    c.throwIfCancelled();
                    if (m.id() != null && seen.add(m.id())) {
                        sink.accept(doc(first, rm.run(), m, position, names, c));
                    }
                    position++;
                }
            }
            int n = d.windowMessageCount();
            offset += n;
            if (n == 0 || offset >= d.totalMessageCount()) {
                return;
            }
            d = source.detail(first.groupId(), (int) offset, WINDOW, c);
            if (!d.groupExists()) {
                throw new SourceException(SourceException.Reason.NOT_FOUND, "The group was deleted while it was "
                        + "being indexed.");
            }
        }
    }

    private MessageDoc doc(GroupDetail g, Run run, Message m, long position, Names names, Cancellation c) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String id : m.textUploadIds()) {
            String part = text(id, c);
            if (!part.isEmpty() && text.length() < QueryRunner.HIGHLIGHT_CHARS) {
                if (text.length() > 0) {
                    text.append("\n\n");
                }
                text.append(part, 0, Math.min(part.length(), QueryRunner.HIGHLIGHT_CHARS - text.length()));
            }
        }
        List<String> templates = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (ToolCall call : m.calls()) {
            addIfPresent(templates, call.templateName());
            addIfPresent(files, call.filePath());
        }
        for (String id : m.fileUploadIds()) {
            addIfPresent(files, fileName(id, c));
        }
        List<String> models = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        if (run != null) {
            addIfPresent(models, names.models.get(run.modelId()));
            addIfPresent(models, run.modelId());
            addIfPresent(agents, names.agents.get(run.agentId()));
            addIfPresent(agents, run.agentId());
            addIfPresent(profiles, names.profiles.get(run.profileId()));
            addIfPresent(profiles, run.profileId());
        }
        return new MessageDoc(g.groupId(), g.groupName(), m.id(), run == null ? null : run.id(), m.role(),
                run == null ? null : run.createdAt(), position, text.toString(), models, agents, profiles, templates,
                files);
    }

    private static void addIfPresent(List<String> out, String v) {
        if (v != null && !v.isBlank() && !out.contains(v)) {
            out.add(v);
        }
    }

    /** The start of one text upload; empty when the source has no such upload (an archive without media). */
    private String text(String uploadId, Cancellation c) throws IOException {
        try (MediaStream s = source.openUpload(MediaKind.TEXT, uploadId, ByteRange.of(0, TEXT_BYTES - 1), c)) {
            byte[] bytes = readAtMost(s.body(), TEXT_BYTES);
            boolean cut = s.totalSize() > bytes.length;
            return decode(bytes, cut);
        } catch (SourceException e) {
            if (e.reason() == SourceException.Reason.RANGE_NOT_SATISFIABLE) {
                return ""; // an empty upload
            }
            if (e.reason() == SourceException.Reason.NOT_FOUND) {
                // exported without media, or deleted: the message is still indexed by everything else
                log.debug("text upload {} not found; indexed without it", uploadId);
                return "";
            }
            throw e;
        }
    }

    /** The server's name of a file upload (one byte is asked for, the header carries the name). */
    private String fileName(String uploadId, Cancellation c) throws IOException {
        try (MediaStream s = source.openUpload(MediaKind.FILE, uploadId, ByteRange.of(0, 0), c)) {
            return s.fileName();
        } catch (SourceException e) {
            if (e.reason() == SourceException.Reason.NOT_FOUND
                    || e.reason() == SourceException.Reason.RANGE_NOT_SATISFIABLE) {
                // no media in the archive, or an empty file: the name is simply not searchable
                log.debug("file upload {} unavailable ({}); indexed without its name", uploadId, e.reason());
                return null;
            }
            throw e;
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        return in.readNBytes(max);
    }

    /** UTF-8, dropping a character cut in half at the end. */
    static String decode(byte[] bytes, boolean truncated) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        d.decode(ByteBuffer.wrap(bytes), out, !truncated);
        if (!truncated) {
            d.flush(out);
        }
        out.flip();
        return out.toString();
    }

    /** Model, agent and profile names by id, from every window seen so far. */
    private static final class Names {
        final Map<String, String> models = new HashMap<>();
        final Map<String, String> agents = new HashMap<>();
        final Map<String, String> profiles = new HashMap<>();

        Names(GroupDetail d) {
            add(d);
        }

        void add(GroupDetail d) {
            for (ModelRef r : d.models()) {
                models.putIfAbsent(r.modelId(), r.name());
            }
            for (AgentRef r : d.agents()) {
                agents.putIfAbsent(r.agentId(), r.name());
            }
            for (ProfileRef r : d.profiles()) {
                profiles.putIfAbsent(r.profileId(), r.name());
            }
        }
    }
}
