package app.glow.inspector.ui.detail.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measured heights of conversation rows, per item and width. The list measures rows it skips
 * over (to place the scroll bar and to jump); a row whose content is settled (its text loaded)
 * has the same height every time at the same width, so it is laid out once, not on every pass.
 * Bounded: the least recently used rows are forgotten first.
 */
final class RowHeights {
    static final int CAPACITY = 20_000;

    private final Map<Object, double[]> heights = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, double[]> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * The height measured for this row at this width and font size (the font size setting changes
     * every height), or a negative number when there is none.
     */
    double get(Object item, double width, double fontSize) {
        double[] e = heights.get(item);
        return e != null && Math.abs(e[0] - width) < 0.5 && e[1] == fontSize ? e[2] : -1;
    }

    void put(Object item, double width, double fontSize, double height) {
        heights.put(item, new double[] {width, fontSize, height});
    }

    /** Forgets one row's height (its content changed in place). */
    void remove(Object item) {
        heights.remove(item);
    }

    /** Forgets every height (highlights or review marks changed what rows contain). */
    void clear() {
        heights.clear();
    }

    int size() {
        return heights.size();
    }
}
