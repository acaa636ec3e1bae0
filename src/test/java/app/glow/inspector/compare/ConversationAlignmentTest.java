package app.glow.inspector.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.compare.ConversationAlignment.Kind;
import app.glow.inspector.compare.ConversationAlignment.Row;
import app.glow.inspector.compare.GroupLoad.Msg;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crafted sequences: what is a gap, what is a changed pair, what is equal. */
class ConversationAlignmentTest {
    private static List<Msg> seq(String... roleText) {
        List<Msg> out = new ArrayList<>();
        for (int i = 0; i < roleText.length; i++) {
            String[] p = roleText[i].split(":", 2);
            out.add(new Msg(i, "m" + i, p[0], p[1], false, List.of()));
        }
        return out;
    }

    private static String kinds(ConversationAlignment a) {
        StringBuilder sb = new StringBuilder();
        for (Row r : a.rows()) {
            sb.append(switch (r.kind()) {
                case BOTH -> r.equal() ? "=" : "~";
                case LEFT_ONLY -> "<";
                case RIGHT_ONLY -> ">";
            });
        }
        return sb.toString();
    }

    private static ConversationAlignment align(List<Msg> l, List<Msg> r) throws SourceException {
        return ConversationAlignment.align(l, r, CompareProgress.NONE, Cancellation.none());
    }

    @Test
    void aMissingTurnIsAGapNotAShift() throws Exception {
        var l = seq("user:one", "assistant:1", "user:two", "assistant:2", "user:three", "assistant:3");
        var r = seq("user:one", "assistant:1", "user:three", "assistant:3");
        assertEquals("==<<==", kinds(align(l, r)));
        assertEquals("==>>==", kinds(align(r, l)));
    }

    @Test
    void whitespaceDoesNotCountAndAChangedSystemPromptPairsWithTheOtherSystemPrompt() throws Exception {
        var l = seq("system:Be  kind\nand brief.", "user:hi", "assistant:hello");
        var r = seq("system:Be kind and very brief.", "user:hi ", "assistant:hello");
        ConversationAlignment a = align(l, r);
        assertEquals("~==", kinds(a));
        assertEquals("+very", WordDiff.changes(a.rows().get(0).words()).replace(" ", ""));
    }

    @Test
    void onlyTheSameRoleMakesAPair() throws Exception {
        var l = seq("user:a", "assistant:question?");
        var r = seq("user:a", "tool:question?");
        assertEquals("=<>", kinds(align(l, r)));
    }

    @Test
    void wordDiffKeepsPunctuationAndHandlesEmptySides() {
        assertEquals("-. +!", WordDiff.changes(WordDiff.diff("Hello world.", "Hello world!")));
        assertEquals("+new text", WordDiff.changes(WordDiff.diff("", "new text")));
        assertTrue(WordDiff.diff("", "").isEmpty());
    }

    @Test
    void percentIsNullWhenTheLeftIsZeroAndSignedOtherwise() {
        assertNull(Delta.of(0, 5).percent());
        assertEquals("+5 (new)", Delta.of(0, 5).label());
        Delta d = Delta.of(new BigDecimal("0.003"), new BigDecimal("0.0015"));
        assertEquals(new BigDecimal("-0.0015"), d.delta());
        assertEquals(-1, d.sign());
        assertEquals(new BigDecimal("-50.00"), d.percent());
        assertEquals("0", Delta.of(7, 7).label().replace(" (0.00%)", ""));
    }

    @Test
    void aCancelStopsTheAlignment() {
        List<Msg> l = new ArrayList<>();
        List<Msg> r = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            l.add(new Msg(i, "l" + i, "user", "left " + i, false, List.of()));
            r.add(new Msg(i, "r" + i, "user", "right " + i, false, List.of()));
        }
        Cancellation c = new Cancellation();
        SourceException e = assertThrows(SourceException.class,
                () -> ConversationAlignment.align(l, r, (s, d, t) -> c.cancel(), c));
        assertEquals(SourceException.Reason.CANCELLED, e.reason());
    }
}
