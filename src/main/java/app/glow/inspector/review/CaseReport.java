package app.glow.inspector.review;

import static app.glow.inspector.review.Html.escape;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.ModelRef;
import app.glow.inspector.model.ToolCall;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.SafeFiles;
import app.glow.inspector.service.Summaries;
import app.glow.inspector.service.TextLoader;
import app.glow.inspector.service.Totals;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML file documenting a review: where the data came from (instance URL, or
 * archive name and SHA-256), then per group its cost and tokens, review status, group notes, and
 * every annotated message with the {@link ContextWalker#AROUND} messages around it, the notes
 * and thumbnails of its images. Every piece of text is escaped; nothing is fetched when the file
 * is opened. Messages are read window by window, and the file appears only when complete.
 */
public final class CaseReport {
    /** Images embedded per annotated message at most: a report stays a document, not an album. */
    static final int MAX_IMAGES_PER_MESSAGE = 8;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx",
            Locale.ROOT);

    /** What the report holds. */
    public record Result(int groups, int annotatedMessages, int annotations, int images) {
    }

    private final GroupSource source;
    private final ReviewStore store;
    private final ZoneId zone;
    private final Clock clock;
    private final TextLoader texts;
    private final Thumbnails thumbnails;
    private int window = ContextWalker.WINDOW;
    private int annotatedMessages;
    private int annotationCount;
    private int images;

    public CaseReport(GroupSource source, ReviewStore store, ZoneId zone, Clock clock) {
        this.source = source;
        this.store = store;
        this.zone = zone;
        this.clock = clock;
        this.texts = new TextLoader(source);
        this.thumbnails = new Thumbnails(source);
    }

    /** Reads messages this many at a time (tests use small windows to cross many of them). */
    CaseReport window(int messages) {
        this.window = Math.max(1, messages);
        return this;
    }

    /** Writes the report for these groups to {@code target} (via a temporary file, moved when complete). */
    public synchronized Result write(List<String> groupIds, Path target, Cancellation c) throws Exception {
        annotatedMessages = 0;
        annotationCount = 0;
        images = 0;
        List<String> ids = List.copyOf(new LinkedHashSet<>(groupIds));
        String key = source.sourceKey();
        Map<String, GroupDetail> heads = new LinkedHashMap<>();
        for (String id : ids) {
            c.throwIfCancelled();
            heads.put(id, source.detail(id, 0, 0, c)); // runs only: cost, tokens and times for the summary
        }
        SafeFiles.write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            ReportPage.open(w, "Case report: " + source.title());
            header(w, key, heads);
            int n = 0;
            for (String id : ids) {
                group(w, ++n, key, heads.get(id), c);
            }
            ReportPage.close(w);
            w.flush();
        });
        return new Result(ids.size(), annotatedMessages, annotationCount, images);
    }

    private void header(Writer w, String key, Map<String, GroupDetail> heads) throws Exception {
        w.write("<header>\n<h1>Case report</h1>\n<table class=\"meta\">\n");
        if (key.startsWith("sha256:")) {
            row(w, "Source", "Archive file “" + source.title() + "”");
            w.write("<tr><th>SHA-256</th><td class=\"mono\" id=\"source-sha256\">" + escape(key.substring(7))
                    + "</td></tr>\n");
        } else if (source.isDemo()) {
            row(w, "Source", "The built-in demo instance (" + source.title() + ")");
        } else {
            w.write("<tr><th>Source</th><td>Glow instance <span class=\"mono\" id=\"source-url\">" + escape(key)
                    + "</span></td></tr>\n");
        }
        row(w, "Report date", time(clock.instant()));
        List<GroupSummary> sums = new ArrayList<>();
        heads.values().stream().filter(GroupDetail::groupExists).forEach(d -> sums.add(Summaries.of(d)));
        Totals t = Totals.of(sums);
        row(w, "Groups", heads.size() + (sums.size() < heads.size() ? " (" + (heads.size() - sums.size())
                + " not found)" : ""));
        row(w, "Total cost", Money.exact(t.cost()));
        row(w, "Total tokens", tokens(t.inputTokens(), t.cachedInputTokens(), t.outputTokens()));
        w.write("</table>\n<table class=\"list\">\n<tr><th>#</th><th>Group</th><th>Status</th><th class=\"num\">"
                + "Flags</th><th class=\"num\">Notes</th><th class=\"num\">Cost</th></tr>\n");
        Map<String, ReviewSummary> summaries = store.summaries(key);
        int n = 0;
        for (GroupDetail d : heads.values()) {
            ReviewSummary s = summaries.getOrDefault(d.groupId(), ReviewSummary.NONE);
            w.write("<tr><td><a href=\"#group-" + ++n + "\">" + n + "</a></td><td>" + escape(name(d))
                    + "<br /><span class=\"id\">" + escape(d.groupId()) + "</span></td><td>"
                    + escape(s.status().label()) + "</td><td class=\"num\">" + s.flags() + "</td><td class=\"num\">"
                    + s.notes() + "</td><td class=\"num\">" + (d.groupExists()
                    ? escape(Money.exact(Summaries.of(d).cost())) : "") + "</td></tr>\n");
        }
        w.write("</table>\n</header>\n");
    }

    private void group(Writer w, int n, String key, GroupDetail head, Cancellation c) throws Exception {
        c.throwIfCancelled();
        String id = head.groupId();
        w.write("<section class=\"group\" id=\"group-" + n + "\">\n<h2>" + n + ". " + escape(name(head)) + "</h2>\n");
        w.write("<table class=\"meta\">\n");
        w.write("<tr><th>Group id</th><td class=\"id\">" + escape(id) + "</td></tr>\n");
        List<Annotation> all = store.annotations(key, id);
        if (head.groupExists()) {
            GroupSummary s = Summaries.of(head);
            row(w, "Created", time(s.createdAt()));
            row(w, "Messages", String.format("%,d in %,d run%s", head.totalMessageCount(), s.runCount(),
                    s.runCount() == 1 ? "" : "s"));
            row(w, "Cost", Money.exact(s.cost()) + " (shown elsewhere as " + Money.display(s.cost()) + ")");
            row(w, "Tokens", tokens(s.inputTokens(), s.cachedInputTokens(), s.outputTokens()));
        } else {
            row(w, "Group", "Not found in this source; only the reviews kept for it are shown.");
        }
        GroupReview status = store.status(key, id);
        w.write("<tr><th>Review status</th><td><span class=\"status-" + status.status().wire() + "\">"
                + escape(status.status().label()) + "</span>" + (status.updated() == null ? ""
                : " · " + escape(by(status.reviewer(), status.updated()))) + "</td></tr>\n</table>\n");
        annotationCount += all.size();
        List<Annotation> groupLevel = all.stream().filter(Annotation::isGroupLevel).toList();
        if (!groupLevel.isEmpty()) {
            w.write("<h3>Notes on the group</h3>\n");
            for (Annotation a : groupLevel) {
                annotation(w, a);
            }
        }
        Map<String, List<Annotation>> byMessage = new LinkedHashMap<>();
        all.stream().filter(a -> !a.isGroupLevel())
                .forEach(a -> byMessage.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a));
        if (byMessage.isEmpty()) {
            w.write("<p class=\"muted\">No message of this group is flagged or annotated.</p>\n</section>\n");
            return;
        }
        w.write("<h3>Flagged and annotated messages</h3>\n");
        LinkedHashSet<String> wanted = new LinkedHashSet<>(byMessage.keySet());
        if (head.groupExists()) {
            GroupDetail first = source.detail(id, 0, window, c);
            Map<String, String> models = new LinkedHashMap<>();
            for (ModelRef m : first.models()) {
                models.put(m.modelId(), m.name());
            }
            ContextWalker.walk(source, first, window, wanted, f -> flagged(w, f, byMessage.get(f.turn().message().id()),
                    models, c), c);
        }
        if (!wanted.isEmpty()) {
            w.write("<h3>Annotations on messages not found in this group</h3>\n");
            for (String m : wanted) {
                w.write("<div class=\"flag\"><div class=\"muted\">Message <span class=\"id\">" + escape(m)
                        + "</span></div>\n");
                for (Annotation a : byMessage.get(m)) {
                    annotation(w, a);
                }
                w.write("</div>\n");
            }
        }
        w.write("</section>\n");
    }

    private void flagged(Writer w, ContextWalker.Found f, List<Annotation> notes, Map<String, String> models,
                         Cancellation c) throws Exception {
        annotatedMessages++;
        Message m = f.turn().message();
        w.write("<article class=\"flag\">\n<h4>Message " + f.turn().position() + " · "
                + escape(m.role().isEmpty() ? "no role" : m.role()) + " · <span class=\"id\">" + escape(m.id())
                + "</span></h4>\n");
        for (ContextWalker.Turn t : f.before()) {
            message(w, t, false, models, c);
        }
        message(w, f.turn(), true, models, c);
        for (Annotation a : notes) {
            annotation(w, a);
        }
        thumbnails(w, m, c);
        for (ContextWalker.Turn t : f.after()) {
            message(w, t, false, models, c);
        }
        w.write("</article>\n");
    }

    private void message(Writer w, ContextWalker.Turn t, boolean flagged, Map<String, String> models,
                         Cancellation c) throws Exception {
        Message m = t.message();
        String model = t.run().modelId() == null ? "" : " · " + models.getOrDefault(t.run().modelId(),
                t.run().modelId());
        w.write("<div class=\"msg" + (flagged ? " flagged" : "") + "\">\n<div class=\"who\">#" + t.position() + " · "
                + escape(m.role().isEmpty() ? "no role" : m.role()) + " · run at " + escape(time(t.run().createdAt()))
                + escape(model) + " · <span class=\"id\">" + escape(m.id()) + "</span>"
                + (flagged ? " · <strong>flagged</strong>" : "") + "</div>\n");
        w.write("<pre class=\"text\">" + escape(text(m, c)) + "</pre>\n");
        List<String> extras = new ArrayList<>();
        for (MediaKind k : MediaKind.values()) {
            int count = m.uploadIds(k).size();
            if (k != MediaKind.TEXT && count > 0) {
                extras.add(count + " " + k.wireName() + (count == 1 ? "" : (k == MediaKind.AUDIO ? "" : "s")));
            }
        }
        for (ToolCall call : m.calls()) {
            extras.add("tool call " + call.templateName() + (call.filePath() == null ? "" : " (" + call.filePath()
                    + ")"));
        }
        if (!extras.isEmpty()) {
            w.write("<div class=\"muted\">" + escape(String.join(" · ", extras)) + "</div>\n");
        }
        w.write("</div>\n");
    }

    /** The message's text parts, in order, each as much as the preview holds. */
    private String text(Message m, Cancellation c) throws SourceException {
        if (m.textUploadIds().isEmpty()) {
            return "(no text)";
        }
        StringBuilder b = new StringBuilder();
        for (String upload : m.textUploadIds()) {
            if (b.length() > 0) {
                b.append("\n\n");
            }
            try {
                TextLoader.Preview p = texts.preview(upload, c);
                b.append(p.text());
                if (!p.complete()) {
                    b.append(String.format("%n[… the text goes on: %,d bytes in all]", p.totalBytes()));
                }
            } catch (SourceException e) {
                if (e.reason() == SourceException.Reason.CANCELLED) {
                    throw e;
                }
                b.append("[this text could not be read: ").append(e.getMessage()).append(']');
            }
        }
        return b.toString();
    }

    private void thumbnails(Writer w, Message m, Cancellation c) throws Exception {
        List<String> ids = m.imageUploadIds();
        if (ids.isEmpty()) {
            return;
        }
        w.write("<div class=\"thumbs\">\n");
        for (int i = 0; i < ids.size(); i++) {
            if (i == MAX_IMAGES_PER_MESSAGE) {
                w.write("<p class=\"problem\">" + (ids.size() - i) + " more images are not shown.</p>\n");
                break;
            }
            Thumbnails.Thumb t = thumbnails.of(ids.get(i), c);
            if (t.dataUri() != null) {
                images++;
                w.write("<img src=\"" + t.dataUri() + "\" width=\"" + t.width() + "\" height=\"" + t.height()
                        + "\" alt=\"image " + escape(ids.get(i)) + "\" />\n");
            } else {
                w.write("<p class=\"problem\">Image <span class=\"id\">" + escape(ids.get(i)) + "</span>: "
                        + escape(t.problem()) + "</p>\n");
            }
        }
        w.write("</div>\n");
    }

    private void annotation(Writer w, Annotation a) throws IOException {
        w.write("<div class=\"note\">" + (a.isFlag() ? "<span class=\"badge\">" + escape(a.category()) + "</span>"
                : "<span class=\"badge plain\">Note</span>") + " <span class=\"muted\">" + escape(by(a.reviewer(),
                a.created())) + (a.updated().equals(a.created()) ? "" : ", edited " + escape(time(a.updated())))
                + "</span>\n");
        if (!a.note().isEmpty()) {
            w.write("<pre class=\"text\">" + escape(a.note()) + "</pre>\n");
        }
        w.write("</div>\n");
    }

    private String by(String reviewer, Instant when) {
        return (reviewer == null || reviewer.isBlank() ? "no reviewer named" : "by " + reviewer) + ", " + time(when);
    }

    private static void row(Writer w, String header, String value) throws IOException {
        w.write("<tr><th>" + escape(header) + "</th><td>" + escape(value) + "</td></tr>\n");
    }

    private static String tokens(long in, long cached, long out) {
        return String.format(Locale.ROOT, "%,d input · %,d cached input · %,d output", in, cached, out);
    }

    private static String name(GroupDetail d) {
        return d.groupName() == null || d.groupName().isBlank() ? "(unnamed group)" : d.groupName();
    }

    private String time(Instant t) {
        return t == null ? "unknown" : TIME.format(t.atZone(zone));
    }
}
