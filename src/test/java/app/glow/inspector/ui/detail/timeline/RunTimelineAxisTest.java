package app.glow.inspector.ui.detail.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.service.ResourceNames;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Where runs sit on the timeline: a run days after the others does not squeeze them into a sliver. */
class RunTimelineAxisTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static RunWithMessages run(String id, Instant at) {
        return new RunWithMessages(new Run(id, at, 10, 0, 5, BigDecimal.ONE, "m", "a", "p"), List.of(), null);
    }

    @Test
    void longIdleGapsAreShortenedAndSequenceGivesEqualSlots() throws Exception {
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        var runs = FXCollections.observableArrayList(run("r0", t0), run("r1", t0.plusSeconds(60)),
                run("r2", t0.plusSeconds(120)), run("r3", t0.plusSeconds(3 * 86_400)));
        RunTimeline t = WaitForAsyncUtils.asyncFx(() -> {
            RunTimeline tl = new RunTimeline(runs, new SimpleIntegerProperty(-1), new ResourceNames(), ZoneOffset.UTC,
                    k -> { });
            tl.resize(1000, 100);
            return tl;
        }).get();
        double span = t.xOf(3) - t.xOf(0);
        assertTrue(t.xOf(2) - t.xOf(0) > 0.25 * span, "the first three runs keep a quarter of the axis: "
                + (t.xOf(2) - t.xOf(0)) / span);
        assertEquals(t.xOf(1) - t.xOf(0), t.xOf(2) - t.xOf(1), 0.01, "equal gaps stay equal");
        WaitForAsyncUtils.asyncFx(() -> t.bySequenceProperty().set(true)).get();
        assertEquals(span / 3, t.xOf(1) - t.xOf(0), 0.01);
        assertEquals(span / 3, t.xOf(3) - t.xOf(2), 0.01);
    }
}
