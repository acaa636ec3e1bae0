package app.glow.inspector.ui.detail.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;

/**
 * The inline part of Markdown (emphasis, code, links, raw HTML) as styled {@link Text} runs in a
 * {@link TextFlow}. Everything is shown as text: HTML stays literal, a link is its label followed
 * by its target, and only a link the caller may open gets a click handler.
 */
final class MarkdownInlines {
    /** One run of text with its style classes, and the link it belongs to (or null). */
    record Run(String text, List<String> styles, String link) {
    }

    private MarkdownInlines() {
    }

    /** The runs of {@code parent}'s inline children. */
    static List<Run> runs(Node parent) {
        List<Run> out = new ArrayList<>();
        collect(parent, List.of(), null, out);
        return out;
    }

    static String plain(List<Run> runs) {
        StringBuilder b = new StringBuilder();
        runs.forEach(r -> b.append(r.text()));
        return b.toString();
    }

    private static void collect(Node parent, List<String> styles, String link, List<Run> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                out.add(new Run(t.getLiteral(), styles, link));
            } else if (n instanceof Code c) {
                out.add(new Run(c.getLiteral(), with(styles, "md-code"), link));
            } else if (n instanceof Emphasis) {
                collect(n, with(styles, "md-italic"), link, out);
            } else if (n instanceof StrongEmphasis) {
                collect(n, with(styles, "md-bold"), link, out);
            } else if (n instanceof Link l) {
                linked(n, l.getDestination(), null, styles, out);
            } else if (n instanceof Image i) {
                linked(n, i.getDestination(), "image: ", styles, out);
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                // chat text means its line breaks: keep them, as chat views do
                out.add(new Run("\n", styles, link));
            } else if (n instanceof HtmlInline h) {
                out.add(new Run(h.getLiteral(), with(styles, "md-html"), link));
            } else {
                collect(n, styles, link, out); // an extension's inline node: its text, unstyled
            }
        }
    }

    /** A link or image: its label, then its target in brackets unless the label already says it. */
    private static void linked(Node n, String target, String prefix, List<String> styles, List<Run> out) {
        String dest = target == null ? "" : target.strip();
        List<String> linkStyles = with(styles, MarkdownNodes.isOpenable(dest) ? "md-link" : "md-link-blocked");
        int start = out.size();
        if (prefix != null) {
            out.add(new Run("[" + prefix, linkStyles, dest));
        }
        collect(n, linkStyles, dest, out);
        if (prefix != null) {
            out.add(new Run("]", linkStyles, dest));
        }
        String label = plain(out.subList(start, out.size()));
        boolean said = label.equals(dest) || ("mailto:" + label).equalsIgnoreCase(dest);
        if (!dest.isEmpty() && !said) {
            out.add(new Run(" (" + dest + ")", with(styles, "md-link-target"), dest));
        }
    }

    private static List<String> with(List<String> styles, String style) {
        List<String> s = new ArrayList<>(styles.size() + 1);
        s.addAll(styles);
        s.add(style);
        return List.copyOf(s);
    }

    /**
     * A flow of the runs; every occurrence of {@code highlight} (case-insensitive) is split into
     * its own run marked {@code md-find-hit}; clicking an openable link calls {@code onLink}.
     */
    static TextFlow flow(List<Run> runs, String highlight, Consumer<String> onLink) {
        TextFlow flow = new TextFlow();
        String all = plain(runs);
        boolean[] hit = hits(all, highlight);
        int offset = 0;
        for (Run r : runs) {
            int i = 0;
            while (i < r.text().length()) {
                boolean h = hit[offset + i];
                int j = i + 1;
                while (j < r.text().length() && hit[offset + j] == h) {
                    j++;
                }
                flow.getChildren().add(text(r, r.text().substring(i, j), h, onLink));
                i = j;
            }
            offset += r.text().length();
        }
        return flow;
    }

    private static Text text(Run r, String s, boolean hit, Consumer<String> onLink) {
        Text t = new Text(s);
        t.getStyleClass().add("md-text");
        t.getStyleClass().addAll(r.styles());
        if (hit) {
            t.getStyleClass().add("md-find-hit");
        }
        if (r.link() != null && !r.link().isEmpty()) {
            if (MarkdownNodes.isOpenable(r.link()) && onLink != null) {
                String url = r.link();
                t.setCursor(Cursor.HAND);
                t.setOnMouseClicked(e -> {
                    e.consume();
                    onLink.accept(url);
                });
                Tooltip.install(t, new Tooltip("Open " + url + " (asks first)"));
            } else {
                Tooltip.install(t, new Tooltip("Only web and mail links open from here"));
            }
        }
        return t;
    }

    /** Which characters of {@code all} belong to an occurrence of {@code needle}. */
    static boolean[] hits(String all, String needle) {
        boolean[] hit = new boolean[all.length()];
        if (needle == null || needle.isEmpty()) {
            return hit;
        }
        int n = needle.length();
        for (int i = 0; i + n <= all.length(); i++) {
            if (all.regionMatches(true, i, needle, 0, n)) {
                java.util.Arrays.fill(hit, i, i + n, true);
                i += n - 1;
            }
        }
        return hit;
    }
}
