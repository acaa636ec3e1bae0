package app.glow.inspector.ui.detail.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Markdown renderer: one node shape per construct, HTML as text, links that ask, hostile input bounded. */
class MarkdownNodesTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static VBox render(String md, String find, List<String> opened) throws Exception {
        MarkdownNodes.Parsed p = MarkdownNodes.parse(md);
        assertEquals(MarkdownNodes.Verdict.FORMATTED, p.verdict(), md);
        return fx(() -> MarkdownNodes.render(p, find, opened::add));
    }

    private static List<Node> all(Node root) {
        List<Node> out = new ArrayList<>();
        out.add(root);
        if (root instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(all(c)));
        }
        return out;
    }

    private static List<Text> texts(Node root, String styleClass) {
        return all(root).stream().filter(n -> n instanceof Text t && t.getStyleClass().contains(styleClass))
                .map(n -> (Text) n).toList();
    }

    private static String flowText(TextFlow f) {
        return f.getChildren().stream().map(n -> ((Text) n).getText()).collect(Collectors.joining());
    }

    @Test
    void plainChatTextIsLeftToThePlainView() {
        assertEquals(MarkdownNodes.Verdict.PLAIN, MarkdownNodes.parse("Hi Sam, welcome to office hours!").verdict());
        assertEquals(MarkdownNodes.Verdict.PLAIN, MarkdownNodes.parse("Two lines,\nno markup - really.").verdict());
        String html = "<b>bold?</b> <script>alert(1)</script> & <img src=x onerror=alert(2)>";
        assertEquals(MarkdownNodes.Verdict.PLAIN, MarkdownNodes.parse(html).verdict(), "HTML alone: shown as text");
        assertEquals(MarkdownNodes.Verdict.FORMATTED, MarkdownNodes.parse("a *b* c").verdict());
    }

    @Test
    void paragraphsEmphasisAndInlineCodeAreStyledRuns() throws Exception {
        VBox root = render("First **bold** and *italic* and `code()`.\n\nSecond paragraph.", "", new ArrayList<>());
        assertTrue(root.getStyleClass().contains("markdown"));
        assertEquals(2, root.getChildren().size());
        TextFlow first = (TextFlow) root.getChildren().get(0);
        assertTrue(first.getStyleClass().contains("md-paragraph"));
        assertEquals("First bold and italic and code().", flowText(first));
        assertEquals("bold", texts(root, "md-bold").get(0).getText());
        assertEquals("italic", texts(root, "md-italic").get(0).getText());
        assertEquals("code()", texts(root, "md-code").get(0).getText());
        assertEquals("Second paragraph.", root.getChildren().get(1).getProperties().get(MarkdownBlocks.PLAIN_KEY));
    }

    @Test
    void headingsListsQuotesRulesAndCodeBlocks() throws Exception {
        String md = "# Title\n\n- one\n- two\n  1. nested\n  2. more\n\n> quoted *text*\n\n---\n\n"
                + "```python\ndef f():\n    return 1\n```\n\n    indented code\n";
        VBox root = render(md, "", new ArrayList<>());
        List<Node> blocks = root.getChildren();
        assertTrue(blocks.get(0).getStyleClass().containsAll(List.of("md-heading", "md-h1")));
        assertTrue(blocks.get(1).getStyleClass().contains("md-list"));
        List<String> markers = all(blocks.get(1)).stream().filter(n -> n instanceof Label l
                && l.getStyleClass().contains("md-list-marker")).map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of("•", "•", "1.", "2."), markers, "bullets, and numbers in the nested ordered list");
        assertEquals("• one\n• two\n1. nested\n2. more", blocks.get(1).getProperties().get(MarkdownBlocks.PLAIN_KEY));
        assertTrue(blocks.get(2).getStyleClass().contains("md-quote"));
        assertTrue(blocks.get(3) instanceof Separator && blocks.get(3).getStyleClass().contains("md-rule"));
        MessageText code = (MessageText) blocks.get(4);
        assertEquals("def f():\n    return 1", code.text());
        assertTrue(code.getChildren().get(0).getStyleClass().contains("message-code-label"), "the code style");
        assertEquals("indented code", ((MessageText) blocks.get(5)).text());
    }

    @Test
    void aTableIsAGridWithAHeaderRow() throws Exception {
        VBox root = render("| Criterion | Points |\n|---|--:|\n| Correctness | 10 |\n| Style | 3 |", "",
                new ArrayList<>());
        GridPane grid = (GridPane) root.getChildren().get(0);
        assertTrue(grid.getStyleClass().contains("md-table"));
        assertEquals(6, grid.getChildren().size());
        TextFlow header = (TextFlow) grid.getChildren().get(0);
        assertTrue(header.getStyleClass().contains("md-header-cell"));
        assertEquals("Criterion", flowText(header));
        TextFlow points = (TextFlow) grid.getChildren().get(3);
        assertEquals("10", flowText(points));
        assertEquals(javafx.scene.text.TextAlignment.RIGHT, points.getTextAlignment());
        assertEquals(1, GridPane.getRowIndex(grid.getChildren().get(2)));
        assertEquals("Criterion\tPoints\nCorrectness\t10\nStyle\t3", grid.getProperties().get(MarkdownBlocks.PLAIN_KEY));
    }

    @Test
    void htmlInMarkdownIsShownAsLiteralText() throws Exception {
        VBox root = render("**Note** <img src=x onerror=alert(1)> done\n\n<div>\n<script>alert(2)</script>\n</div>",
                "", new ArrayList<>());
        assertEquals("<img src=x onerror=alert(1)>", texts(root, "md-html").get(0).getText());
        MessageText block = (MessageText) root.getChildren().get(1);
        assertEquals("<div>\n<script>alert(2)</script>\n</div>", block.text());
    }

    @Test
    void linksShowTheirTargetAndOnlyWebAndMailLinksOpen() throws Exception {
        List<String> opened = new ArrayList<>();
        VBox root = render("See [the docs](https://example.org/a), [mail](mailto:ta@example.edu), "
                + "[run me](javascript:alert(1)) and [local](file:///etc/passwd).", "", opened);
        TextFlow f = (TextFlow) root.getChildren().get(0);
        assertEquals("See the docs (https://example.org/a), mail (mailto:ta@example.edu), run me (javascript:alert(1))"
                + " and local (file:///etc/passwd).", flowText(f));
        List<Text> links = texts(root, "md-link");
        assertEquals(List.of("the docs", "mail"), links.stream().map(Text::getText).toList());
        List<Text> blocked = texts(root, "md-link-blocked");
        assertEquals(List.of("run me", "local"), blocked.stream().map(Text::getText).toList());
        for (Text t : blocked) {
            assertNull(t.getOnMouseClicked(), "a javascript: or file: link has nothing to click");
        }
        fx(() -> {
            links.get(0).fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                    false, false, false, false, true, false, false, false, false, false, null));
            return null;
        });
        assertEquals(List.of("https://example.org/a"), opened);
        assertFalse(MarkdownNodes.isOpenable("javascript:alert(1)"));
        assertFalse(MarkdownNodes.isOpenable("JaVaScRiPt:alert(1)"));
        assertFalse(MarkdownNodes.isOpenable("data:text/html,<script>"));
        assertFalse(MarkdownNodes.isOpenable("https://exa\nmple.org"));
        assertFalse(MarkdownNodes.isOpenable("https://"));
        assertTrue(MarkdownNodes.isOpenable("HTTP://example.org"));
    }

    @Test
    void anAutolinkIsShownOnce() throws Exception {
        VBox root = render("Go to <https://example.org>.", "", new ArrayList<>());
        assertEquals("Go to https://example.org.", flowText((TextFlow) root.getChildren().get(0)));
    }

    @Test
    void findMarksTheMatchingRunsCaseInsensitively() throws Exception {
        VBox root = render("The **base case** stops; a Base case is needed.\n\n```\nno base here\n```", "base",
                new ArrayList<>());
        List<String> hits = texts(root, "md-find-hit").stream().map(Text::getText).toList();
        assertEquals(List.of("base", "Base"), hits);
        assertTrue(texts(root, "md-find-hit").get(0).getStyleClass().contains("md-bold"), "a hit keeps its style");
        MessageText code = (MessageText) root.getChildren().get(1);
        assertTrue(code.getChildren().get(0) instanceof SelectableText s && "base".equals(s.getSelectedText()),
                "code blocks select the match, as plain text does");
    }

    @Test
    void hostileNestingIsShownPlainWithANote() {
        String quotes = ">".repeat(10_000) + " deep";
        long t0 = System.nanoTime();
        MarkdownNodes.Parsed p = MarkdownNodes.parse(quotes);
        assertEquals(MarkdownNodes.Verdict.TOO_COMPLEX, p.verdict());
        assertTrue(p.note().contains("plain text"), p.note());
        String lists = "- a\n" + java.util.stream.IntStream.range(1, 2000).mapToObj(i -> "  ".repeat(i) + "- a")
                .collect(Collectors.joining("\n"));
        assertEquals(MarkdownNodes.Verdict.TOO_COMPLEX, MarkdownNodes.parse(lists).verdict());
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "bounded work");
    }

    @Test
    void deepInlineNestingRendersWithoutExhaustingTheStack() throws Exception {
        long t0 = System.nanoTime();
        for (String hostile : List.of("[".repeat(5_000) + "x" + "](a)".repeat(5_000),
                "*_".repeat(3_000) + "x" + "_*".repeat(3_000), "`".repeat(20_000) + "x",
                "**a ".repeat(8_000) + "b")) {
            MarkdownNodes.Parsed p = MarkdownNodes.parse(hostile);
            if (p.verdict() == MarkdownNodes.Verdict.FORMATTED) {
                VBox root = fx(() -> MarkdownNodes.render(p, "x", s -> { }));
                assertTrue(all(root).size() < 20_000, "bounded nodes");
            }
        }
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "bounded work");
    }

    @Test
    void aHugeTableIsShownPlainWithANote() {
        StringBuilder b = new StringBuilder("| a | b | c |\n|---|---|---|\n");
        while (b.length() < 1_000_000) {
            b.append("| x | y | z |\n");
        }
        long t0 = System.nanoTime();
        MarkdownNodes.Parsed big = MarkdownNodes.parse(b.toString());
        assertEquals(MarkdownNodes.Verdict.TOO_COMPLEX, big.verdict());
        assertNull(big.document());
        assertEquals(MarkdownNodes.Verdict.TOO_COMPLEX, MarkdownNodes.parse(b.substring(0, 60_000)).verdict(),
                "under the length fence, over the node count");
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "bounded work");
    }

    @Test
    void theMessageBodyOffersAToggleOnlyWhenMarkdownChangesSomething() throws Exception {
        var rendering = new app.glow.inspector.ui.detail.MessageRendering();
        List<Node> plain = fx(() -> MessageBody.nodes("just words", "t1", "", rendering, null));
        assertEquals(1, plain.size());
        assertTrue(plain.get(0) instanceof MessageText);
        List<Node> rich = fx(() -> MessageBody.nodes("- item *one*", "t2", "", rendering, null));
        VBox holder = (VBox) rich.get(0);
        assertTrue(holder.getChildren().get(0).getStyleClass().contains("markdown"));
        var toggle = all(holder).stream().filter(n -> n.getStyleClass().contains("markdown-toggle"))
                .map(n -> (javafx.scene.control.Button) n).findFirst().orElseThrow();
        assertEquals("Plain text", toggle.getText());
        fx(() -> {
            toggle.fire();
            return null;
        });
        assertEquals("- item *one*", ((MessageText) holder.getChildren().get(0)).text(), "the raw markup");
        assertFalse(rendering.formatted("t2"), "remembered for this text");
        assertTrue(rendering.formatted("t1"));
        List<Node> deep = fx(() -> MessageBody.nodes(">".repeat(500) + " x", "t3", "", rendering, null));
        assertTrue(deep.get(deep.size() - 1) instanceof Label l && l.getText().contains("plain text"));
    }

    @Test
    void aLinkOpensOnlyAfterTheUserSaidYes() throws Exception {
        var rendering = new app.glow.inspector.ui.detail.MessageRendering();
        List<String> opened = new ArrayList<>();
        rendering.useOpener(opened::add);
        List<String> asked = new ArrayList<>();
        boolean[] answer = {false};
        var dialogs = (app.glow.inspector.ui.DialogService) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {app.glow.inspector.ui.DialogService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("confirm")) {
                        asked.add((String) args[1]);
                        return answer[0];
                    }
                    throw new AssertionError("unexpected dialog " + method.getName());
                });
        List<Node> nodes = fx(() -> MessageBody.nodes("Read [this](https://example.org/x).", "t9", "", rendering,
                dialogs));
        Text link = texts(nodes.get(0), "md-link").get(0);
        Runnable click = () -> link.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
                MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, false, false, false, null));
        fx(() -> {
            click.run();
            return null;
        });
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).startsWith("https://example.org/x"), asked.get(0));
        assertTrue(opened.isEmpty(), "declined: not opened");
        answer[0] = true;
        fx(() -> {
            click.run();
            return null;
        });
        assertEquals(List.of("https://example.org/x"), opened);
    }

    @Test
    void ctrlCOnAFocusedBlockCopiesItsText() throws Exception {
        VBox root = render("Intro with **bold**.\n\n- first\n- second", "", new ArrayList<>());
        Node list = root.getChildren().get(1);
        String copied = fx(() -> {
            javafx.scene.input.Clipboard.getSystemClipboard().clear();
            list.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.C, false, !isMac(), false, isMac()));
            return javafx.scene.input.Clipboard.getSystemClipboard().getString();
        });
        assertEquals("• first\n• second", copied);
    }

    private static boolean isMac() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
    }
}
