package app.glow.inspector.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.Pricing;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Displays that cost O(1) whatever the value, sums that never wrap, negative counts flagged. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class NumbersTest {
    private static GroupSummary summary(long tokens) {
        return new GroupSummary("g", "G", null, null, 1, 1, tokens, tokens, tokens, BigDecimal.ONE, List.of(),
                List.of(), List.of());
    }

    private static Run run(String id, long in, long cached, long out, String cost) {
        return new Run(id, null, in, out, cached, new BigDecimal(cost), "m", null, null);
    }

    @Test
    void anyValueDisplaysInConstantTime() {
        for (String v : new String[] {"1e5000000", "-1e5000000", "1e-5000000", "1e999999999"}) {
            long t0 = System.nanoTime();
            String shown = Money.display(new BigDecimal(v));
            String exact = Money.exact(new BigDecimal(v));
            assertTrue(shown.length() < 30 && exact.length() < 30, shown + " / " + exact);
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "no digits are spelled out");
        }
        assertEquals("$1E+5000000", Money.display(new BigDecimal("1e5000000")));
        assertEquals("$0.0041", Money.display(new BigDecimal("0.0041275")));
        assertEquals("$0.0041275", Money.exact(new BigDecimal("0.0041275")));
        assertEquals("$1,234.5000", Money.display(new BigDecimal("1234.5")));
    }

    @Test
    void tokenSumsSaturateAndSayTheyDid() {
        List<GroupSummary> five = Collections.nCopies(5, summary(Long.MAX_VALUE - 10));
        Totals t = Totals.of(five);
        assertEquals(Long.MAX_VALUE, t.inputTokens(), "clamped, not wrapped to a negative");
        assertTrue(t.saturated());
        assertTrue(t.minus(five.get(0)).saturated(), "once inexact, always said so");
        Totals fine = Totals.of(List.of(summary(40), summary(2)));
        assertEquals(42, fine.outputTokens());
        assertFalse(fine.saturated());
        assertEquals(40, fine.minus(summary(2)).outputTokens());

        GroupDetail d = new GroupDetail(true, "g", "G", null, 0, Collections.nCopies(5,
                new RunWithMessages(run("r", Long.MAX_VALUE - 1, 0, 0, "0"), List.of(), null)), null, null, null);
        assertEquals(Long.MAX_VALUE, Summaries.of(d).inputTokens());
    }

    @Test
    void negativeTokenCountsAreFlaggedByTheAudit() {
        Map<String, Pricing> prices = Map.of("m", new Pricing("m", "USD", BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE));
        GroupDetail d = new GroupDetail(true, "g", "G", null, 0, List.of(
                new RunWithMessages(run("ok", 1_000_000, 0, 0, "1"), List.of(), null),
                new RunWithMessages(run("neg", -1_000_000, 0, 2_000_000, "1"), List.of(), null)), null, null, null);
        CostAudit.Result r = CostAudit.audit(d, new BigDecimal("2"), prices);
        assertTrue(r.mismatchedRunIds().isEmpty(), "its cost even recomputes: the count is what is wrong");
        assertEquals(List.of("neg"), r.negativeCountRunIds());
        assertTrue(r.flagged());
        assertTrue(r.reason().contains("negative token counts"), r.reason());
    }
}
