package app.glow.inspector.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.compare.GroupLoad.Msg;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.ModelRef;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.model.ToolCall;
import app.glow.inspector.source.Cancellation;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile names, texts, roles and tool paths never reach the page as markup. */
class CompareHtmlTest {
    private static GroupLoad load(String id, String name, List<Msg> messages) {
        Run run = new Run("r-" + id, Instant.EPOCH, 10, 5, 0, new BigDecimal("0.0001"), "<m>", null, null);
        GroupDetail head = new GroupDetail(true, id, name, null, messages.size(),
                List.of(new RunWithMessages(run, List.of(), null)), List.of(new ModelRef("<m>", "<img src=x>")),
                List.of(), List.of());
        return new GroupLoad(id, head, messages);
    }

    @Test
    void everythingFromAGroupIsEscaped() throws Exception {
        ToolCall evil = new ToolCall("c", "<svg onload=x>", "\"><script>alert(3)</script>", null);
        GroupLoad l = load("a", "</title><script>alert(1)</script>", List.of(
                new Msg(0, "m0", "system", "Be <b>bold</b> & brief", false, List.of()),
                new Msg(1, "m1", "<i>role</i>", "only left <script>alert(2)</script>", false, List.of(evil))));
        GroupLoad r = load("b", "B & co", List.of(
                new Msg(0, "n0", "system", "Be <b>bolder</b> & brief", false, List.of())));
        Comparison c = Comparison.of(l, r, CompareProgress.NONE, Cancellation.none());
        StringWriter w = new StringWriter();
        CompareHtml.render(c, w);
        String page = w.toString();
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("<svg") || page.contains("<img") || page.contains("<b>") || page.contains("<i>"), page);
        assertTrue(page.contains("&lt;/title&gt;&lt;script&gt;"), page);
        assertTrue(page.contains("<del>bold</del>") && page.contains("<ins>bolder</ins>"), page);
        assertTrue(page.contains("B &amp; co"));
        assertTrue(page.contains("class=\"gap\""));
    }
}
