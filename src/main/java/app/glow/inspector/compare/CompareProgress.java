package app.glow.inspector.compare;

/** Reports how far a comparison has got; called from the loading thread, never the FX thread's business. */
@FunctionalInterface
public interface CompareProgress {
    CompareProgress NONE = (stage, done, total) -> {
    };

    /**
     * @param stage what is under way ("left", "right", "align")
     * @param done  messages (or steps) done so far
     * @param total how many there are, or -1 when not known yet
     */
    void update(String stage, long done, long total);
}
