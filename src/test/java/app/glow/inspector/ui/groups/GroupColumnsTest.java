package app.glow.inspector.ui.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glow.inspector.model.GroupSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupColumnsTest {
    @Test
    void namesShowOnOneLineWithVisibleBreaksAndTabs() {
        assertEquals("Week 3⏎Essay→draft", GroupColumns.oneLine("Week 3\nEssay\tdraft"));
        assertEquals("a⏎b⏎c", GroupColumns.oneLine("a\r\nb\rc"));
        assertEquals(300, GroupColumns.oneLine("x".repeat(100_000)).length(), "a huge name is cut for the row");
        assertNull(GroupColumns.oneLine(null));
    }

    @Test
    void totalTokensNeverWrap() {
        GroupSummary s = new GroupSummary("g", "n", Instant.EPOCH, null, 1, 1, Long.MAX_VALUE - 5, 10, 10,
                BigDecimal.ONE, List.of(), List.of(), List.of());
        assertEquals(Long.MAX_VALUE, GroupColumns.totalTokens(s));
        GroupSummary t = new GroupSummary("g", "n", Instant.EPOCH, null, 1, 1, 100, 20, 3, BigDecimal.ONE,
                List.of(), List.of(), List.of());
        assertEquals(123L, GroupColumns.totalTokens(t));
    }
}
