package app.glow.inspector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BudgetTest {
    @Test
    void smallerIsBetterVerdicts() {
        assertEquals("ok", Budget.verdict(50, 50, Budget.Sense.AT_MOST));
        assertEquals("over", Budget.verdict(99, 50, Budget.Sense.AT_MOST));
        assertEquals("FAIL", Budget.verdict(101, 50, Budget.Sense.AT_MOST));
    }

    @Test
    void largerIsBetterVerdicts() {
        assertEquals("ok", Budget.verdict(0.8, 0.8, Budget.Sense.AT_LEAST));
        assertEquals("over", Budget.verdict(0.5, 0.8, Budget.Sense.AT_LEAST));
        assertEquals("FAIL", Budget.verdict(0.12, 0.8, Budget.Sense.AT_LEAST));
    }
}
