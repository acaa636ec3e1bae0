package app.glow.inspector.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glow.inspector.ui.notify.NotificationCenter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NotificationCenterTest {
    private final NotificationCenter center = new NotificationCenter(
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void twoReportsOfOneRunAreOneNoticeInEitherOrder() {
        center.post("g", "r1", "Generation failed in “A”", null);
        center.post("g", "r1", "Generation failed in “A”", "timed out");
        center.post("g", "r2", "Generation failed in “A”", "quota");
        center.post("g", "r2", "Generation failed in “A”", null);
        assertEquals(2, center.recent().size());
        assertEquals(2, center.unreadProperty().get());
        assertEquals("quota", center.recent().get(0).detail());
        assertEquals("timed out", center.recent().get(1).detail());
        assertEquals("quota", center.latestProperty().get().detail());
    }

    @Test
    void noticesWithoutARunAreNeverMergedAndTheListIsBounded() {
        for (int i = 0; i < 250; i++) {
            center.post(null, null, "Notice " + i, null);
        }
        assertEquals(200, center.recent().size());
        assertEquals("Notice 249", center.recent().get(0).title());
        assertEquals(250, center.unreadProperty().get());
        center.markAllRead();
        center.dismissLatest();
        assertEquals(0, center.unreadProperty().get());
        assertNull(center.latestProperty().get());
        assertEquals(200, center.recent().size(), "dismissing the bar keeps the notice in the list");
    }
}
