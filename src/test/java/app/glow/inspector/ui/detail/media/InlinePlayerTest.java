package app.glow.inspector.ui.detail.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.util.Duration;
import org.junit.jupiter.api.Test;

class InlinePlayerTest {
    @Test
    void speedCyclesFromHalfToDoubleAndBack() {
        double r = 1;
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            r = InlinePlayer.nextRate(r);
            seen.append(r).append(' ');
        }
        assertEquals("1.25 1.5 2.0 0.5 0.75 1.0 ", seen.toString());
    }

    @Test
    void timesAreWhole() {
        assertEquals("0:07", InlinePlayer.format(Duration.seconds(7.9)));
        assertEquals("75:00", InlinePlayer.format(Duration.minutes(75)));
        assertEquals("…", InlinePlayer.format(Duration.UNKNOWN));
    }
}
