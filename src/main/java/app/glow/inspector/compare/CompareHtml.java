package app.glow.inspector.compare;

import app.glow.inspector.compare.ConversationAlignment.Row;
import app.glow.inspector.compare.GroupLoad.Msg;
import app.glow.inspector.review.Html;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.SafeFiles;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A comparison as one self-contained HTML file: no script, no outside resource. Every text from a
 * group passes through {@link Html#escape}; the file appears complete or not at all (temporary file,
 * then an atomic move).
 */
public final class CompareHtml {
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.3em .6em;
            vertical-align:top;text-align:left}th{background:#f3f3f3}.num{text-align:right;font-variant-numeric:tabular-nums}
            .conv{width:100%;table-layout:fixed}.conv td{white-space:pre-wrap;word-wrap:break-word}
            .gap{background:repeating-linear-gradient(45deg,#f6f6f6,#f6f6f6 6px,#eee 6px,#eee 12px);color:#888}
            .changed td{background:#fffbe6}.role{font-weight:600;font-size:12px;color:#555;display:block}
            ins{background:#c8f7c5;text-decoration:none}del{background:#f9c6c6}.only{color:#a33}
            """;

    private CompareHtml() {
    }

    public static void write(Comparison c, Path out) throws Exception {
        SafeFiles.write(out, os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            render(c, w);
            w.flush();
        });
    }

    static void render(Comparison c, Writer w) throws java.io.IOException {
        CompareSummary s = c.summary();
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Compare: "
                + Html.escape(s.left().groupName()) + " / " + Html.escape(s.right().groupName())
                + "</title><style>" + STYLE + "</style></head><body>\n");
        w.write("<h1>Comparison</h1>\n<table><tr><th></th><th>Left (A)</th><th>Right (B)</th></tr>\n");
        w.write(row("Group", s.left().groupName(), s.right().groupName()));
        w.write(row("Id", s.left().groupId(), s.right().groupId()));
        w.write("</table>\n<h2>Summary</h2>\n<table><tr><th>Figure</th><th>A</th><th>B</th><th>Change</th></tr>\n");
        for (Map.Entry<String, Delta> e : s.deltas().entrySet()) {
            Delta d = e.getValue();
            boolean cost = CompareSummary.COST.equals(e.getKey());
            w.write("<tr><td>" + Html.escape(e.getKey().replace('_', ' ')) + "</td><td class=\"num\">"
                    + Html.escape(cost ? Money.exact(d.left()) : d.left().toPlainString()) + "</td><td class=\"num\">"
                    + Html.escape(cost ? Money.exact(d.right()) : d.right().toPlainString())
                    + "</td><td class=\"num\">" + Html.escape(d.label()) + "</td></tr>\n");
        }
        w.write("</table>\n<table><tr><th></th><th>Only A</th><th>Only B</th><th>Both</th></tr>\n");
        w.write(sets("Models", s.models()) + sets("Agents", s.agents()) + sets("Profiles", s.profiles()));
        w.write("</table>\n<h2>Tool calls</h2>\n<table><tr><th></th><th>Only A</th><th>Only B</th><th>Both</th></tr>\n");
        w.write(sets("Templates", s.toolCalls().templates()) + sets("File paths", s.toolCalls().filePaths()));
        w.write("</table>\n<table><tr><th>Template</th><th>A</th><th>B</th><th>Change</th></tr>\n");
        for (Map.Entry<String, Delta> e : s.toolCalls().countsByTemplate().entrySet()) {
            Delta d = e.getValue();
            w.write("<tr><td>" + Html.escape(e.getKey()) + "</td><td class=\"num\">" + d.left().toPlainString()
                    + "</td><td class=\"num\">" + d.right().toPlainString() + "</td><td class=\"num\">"
                    + Html.escape(d.label()) + "</td></tr>\n");
        }
        w.write("</table>\n<h2>Conversation</h2>\n<p>" + c.alignment().rows().size() + " rows: "
                + c.alignment().count(ConversationAlignment.Kind.BOTH, true) + " equal, "
                + c.alignment().count(ConversationAlignment.Kind.BOTH, false) + " changed, "
                + c.alignment().count(ConversationAlignment.Kind.LEFT_ONLY, false) + " only in A, "
                + c.alignment().count(ConversationAlignment.Kind.RIGHT_ONLY, false) + " only in B.</p>\n");
        w.write("<table class=\"conv\"><tr><th>A</th><th>B</th></tr>\n");
        for (Row r : c.alignment().rows()) {
            w.write(conversationRow(r));
        }
        w.write("</table>\n</body></html>\n");
    }

    private static String conversationRow(Row r) {
        return switch (r.kind()) {
            case LEFT_ONLY -> "<tr class=\"left-only\">" + cell(r.left(), r.left().text()) + gap() + "</tr>\n";
            case RIGHT_ONLY -> "<tr class=\"right-only\">" + gap() + cell(r.right(), r.right().text()) + "</tr>\n";
            case BOTH -> r.equal()
                    ? "<tr class=\"equal\">" + cell(r.left(), r.left().text())
                            + cell(r.right(), r.right().text()) + "</tr>\n"
                    : "<tr class=\"changed\">" + cellHtml(r.left(), marked(r.words(), WordDiff.Op.DELETE))
                            + cellHtml(r.right(), marked(r.words(), WordDiff.Op.INSERT)) + "</tr>\n";
        };
    }

    /** One side of a word diff: equal text plus this side's changes, highlighted. */
    private static String marked(List<WordDiff.Segment> words, WordDiff.Op mine) {
        StringBuilder sb = new StringBuilder();
        for (WordDiff.Segment seg : words) {
            if (seg.op() == WordDiff.Op.EQUAL) {
                sb.append(Html.escape(seg.text()));
            } else if (seg.op() == mine) {
                String tag = mine == WordDiff.Op.INSERT ? "ins" : "del";
                sb.append('<').append(tag).append('>').append(Html.escape(seg.text())).append("</").append(tag).append('>');
            }
        }
        return sb.toString();
    }

    private static String cell(Msg m, String text) {
        return cellHtml(m, Html.escape(text));
    }

    /** A message cell around {@code html}, which the caller has escaped already. */
    private static String cellHtml(Msg m, String html) {
        return "<td><span class=\"role\">#" + m.position() + " · " + Html.escape(m.role())
                + (m.truncated() ? " · text shortened" : "") + "</span>" + html + "</td>";
    }

    private static String gap() {
        return "<td class=\"gap\">(no message here)</td>";
    }

    private static String row(String label, String a, String b) {
        return "<tr><th>" + Html.escape(label) + "</th><td>" + Html.escape(a) + "</td><td>" + Html.escape(b)
                + "</td></tr>\n";
    }

    private static String sets(String label, SetDiff d) {
        return "<tr><th>" + Html.escape(label) + "</th><td class=\"only\">" + list(d.onlyLeft())
                + "</td><td class=\"only\">" + list(d.onlyRight()) + "</td><td>" + list(d.both()) + "</td></tr>\n";
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "—" : Html.escape(String.join(", ", items));
    }
}
