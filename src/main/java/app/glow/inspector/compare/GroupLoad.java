package app.glow.inspector.compare;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.model.ToolCall;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.TextLoader;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One side of a comparison, read window by window ({@link #WINDOW} messages per request, never the
 * whole group at once): the runs and names from the first window, then each message's role, text
 * and tool calls. A message whose id was already seen in the group is replayed context and is
 * read once, at its first position, so a turn is compared (and its calls counted) once.
 *
 * <p>Text bounds: a system prompt is read in full (up to {@link #SYSTEM_PROMPT_CEILING}, a safety
 * ceiling so a hostile upload cannot exhaust memory; beyond it the text is marked truncated); any
 * other message keeps the first {@link TextLoader#PREVIEW_BYTES} of each text part and at most
 * {@link #MESSAGE_TEXT_CHARS} characters in all, which is what the alignment and word diff see.
 */
public final class GroupLoad {
    public static final int WINDOW = 200;
    public static final int MESSAGE_TEXT_CHARS = 64 * 1024;
    public static final int SYSTEM_PROMPT_CEILING = 16 * 1024 * 1024;

    /** One message of the side: its position in the group's sequence, role, (bounded) text and calls. */
    public record Msg(long position, String messageId, String role, String text, boolean truncated,
                      List<ToolCall> calls) {
        public Msg {
            calls = List.copyOf(calls);
        }
    }

    private final String groupId;
    private final GroupDetail head;
    private final List<Msg> messages;

    GroupLoad(String groupId, GroupDetail head, List<Msg> messages) {
        this.groupId = groupId;
        this.head = head;
        this.messages = List.copyOf(messages);
    }

    public String groupId() {
        return groupId;
    }

    /** The first window's response: every run, the names, the total message count. */
    public GroupDetail head() {
        return head;
    }

    public List<Msg> messages() {
        return messages;
    }

    /**
     * Reads a group.
     *
     * @param withText false to skip the text downloads (the summary needs runs and calls only)
     */
    public static GroupLoad read(GroupSource source, String groupId, boolean withText, String stage,
                                 CompareProgress progress, Cancellation c) throws SourceException {
        TextLoader texts = new TextLoader(source);
        List<Msg> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        GroupDetail head = null;
        long offset = 0;
        long total = -1;
        while (total < 0 || offset < total) {
            c.throwIfCancelled();
            GroupDetail w = source.detail(groupId, (int) offset, WINDOW, c);
            if (!w.groupExists()) {
                throw new SourceException(SourceException.Reason.NOT_FOUND, "Group " + groupId + " was not found.");
            }
            if (head == null) {
                head = w;
                total = w.totalMessageCount();
            }
            int n = w.windowMessageCount();
            if (n == 0) {
                break; // a server that stops short of its own total: keep what came, never loop forever
            }
            long pos = offset;
            for (RunWithMessages r : w.runs()) {
                for (Message m : r.messages()) {
                    if (m.id() == null || seen.add(m.id())) {
                        out.add(message(source, texts, m, pos, withText, c));
                    }
                    pos++;
                }
            }
            offset += n;
            progress.update(stage, Math.min(offset, total), total);
        }
        return new GroupLoad(groupId, head, out);
    }

    private static Msg message(GroupSource source, TextLoader texts, Message m, long pos, boolean withText,
                               Cancellation c) throws SourceException {
        String role = m.role().isBlank() ? "unknown role" : m.role();
        if (!withText) {
            return new Msg(pos, m.id(), role, "", false, m.calls());
        }
        boolean system = "system".equals(role);
        StringBuilder sb = new StringBuilder();
        boolean truncated = false;
        for (String id : m.textUploadIds()) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            if (system) {
                truncated |= readFull(source, id, sb, c);
            } else {
                TextLoader.Preview p = texts.preview(id, c);
                sb.append(p.text());
                truncated |= !p.complete();
            }
            if (!system && sb.length() > MESSAGE_TEXT_CHARS) {
                sb.setLength(MESSAGE_TEXT_CHARS);
                truncated = true;
                break;
            }
        }
        return new Msg(pos, m.id(), role, sb.toString(), truncated, m.calls());
    }

    /** Appends a whole text upload (up to the ceiling); true when it was cut there. */
    private static boolean readFull(GroupSource source, String uploadId, StringBuilder sb, Cancellation c)
            throws SourceException {
        Capped buf = new Capped(SYSTEM_PROMPT_CEILING);
        try {
            source.save(MediaKind.TEXT, uploadId, buf, c);
        } catch (SourceException e) {
            if (e.reason() != SourceException.Reason.RANGE_NOT_SATISFIABLE) {
                throw e;
            }
            // an empty upload: nothing to append, and nothing was lost
        }
        sb.append(buf.bytes.toString(StandardCharsets.UTF_8));
        return buf.cut;
    }

    /** Keeps the first {@code max} bytes and drops the rest, remembering that it did. */
    private static final class Capped extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int max;
        boolean cut;

        Capped(int max) {
            this.max = max;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int room = max - bytes.size();
            if (len > room) {
                cut = true;
            }
            bytes.write(b, off, Math.max(0, Math.min(len, room)));
        }
    }
}
