package app.glow.inspector.ui.detail.timeline;

import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.ui.Formats;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Every run on a time axis by {@code created_at}: a bar per run, its height by tokens (input,
 * cached input and output stacked) or by cost, coloured by model. Wheel zooms around the
 * pointer, drag pans, click selects; the selected run is outlined and kept in view.
 */
public final class RunTimeline extends Region {
    private static final Color[] PALETTE = {
        Color.web("#4c78a8"), Color.web("#f58518"), Color.web("#54a24b"), Color.web("#e45756"),
        Color.web("#72b7b2"), Color.web("#b279a2"), Color.web("#eeca3b"), Color.web("#9d755d")};
    private static final double PAD = 16;
    private static final double BAR_MIN = 3;

    private final Canvas canvas = new Canvas();
    private final ObservableList<RunWithMessages> runs;
    private final IntegerProperty selected;
    private final ResourceNames names;
    private final ZoneId zone;
    private final BooleanProperty byCost = new SimpleBooleanProperty(false);
    private final BooleanProperty bySequence = new SimpleBooleanProperty(false);
    /** Where each run sits, 0..1 along the axis (time with long idle gaps shortened, or sequence). */
    private double[] axis = new double[0];
    /** Runs preceded by an idle gap that was shortened: drawn as a break. */
    private final java.util.List<Integer> breaks = new java.util.ArrayList<>();
    private Map<String, Color> modelColours = new HashMap<>();
    /** When positive, the time axis spans this many milliseconds from the first run (compare view). */
    private long fixedSpan = -1;
    private final Tooltip tip = new Tooltip();
    private double zoom = 1;
    private double offset; // pixels scrolled, in zoomed coordinates
    private double dragX = Double.NaN;
    private double dragOffset;
    private boolean dragged;
    private String firstRunId;

    public RunTimeline(ObservableList<RunWithMessages> runs, IntegerProperty selected, ResourceNames names,
                       ZoneId zone, IntConsumer onSelect) {
        this.runs = runs;
        this.selected = selected;
        this.names = names;
        this.zone = zone;
        setId("runTimeline");
        getStyleClass().add("run-timeline");
        getChildren().add(canvas);
        setMinHeight(90);
        setPrefHeight(110);
        runs.addListener((ListChangeListener<RunWithMessages>) c -> {
            String first = runs.isEmpty() ? null : runs.get(0).run().id();
            if (!java.util.Objects.equals(first, firstRunId)) {
                // another group: start from the whole span; the same group growing keeps the view
                zoom = 1;
                offset = 0;
                modelColours.clear();
                firstRunId = first;
            }
            layoutAxis();
            draw();
        });
        bySequence.addListener((o, a, b) -> {
            layoutAxis();
            draw();
        });
        selected.addListener((o, a, b) -> {
            ensureVisible(b.intValue());
            draw();
        });
        byCost.addListener((o, a, b) -> draw());
        layoutAxis();
        Tooltip.install(canvas, tip);
        tip.setShowDelay(javafx.util.Duration.millis(150));
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnScroll(this::zoom);
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragOffset = offset;
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            if (!Double.isNaN(dragX)) {
                offset = clampOffset(dragOffset - (e.getX() - dragX));
                dragged |= Math.abs(e.getX() - dragX) > 3;
                draw();
            }
        });
        canvas.setOnMouseReleased(e -> {
            if (!dragged) {
                int k = runAt(e.getX());
                if (k >= 0) {
                    onSelect.accept(k);
                }
            }
            dragX = Double.NaN;
        });
    }

    private ObservableList<String> marked = javafx.collections.FXCollections.observableArrayList();
    private final javafx.beans.InvalidationListener redraw = o -> draw();

    /** Runs (by id) that hold reviewed messages get a flag marker above their bar. */
    public void markRuns(ObservableList<String> runIds) {
        marked.removeListener(redraw);
        marked = runIds;
        marked.addListener(redraw);
        draw();
    }

    /** Size bars by cost instead of tokens. */
    public BooleanProperty byCostProperty() {
        return byCost;
    }

    public void zoomBy(double factor) {
        double centre = (offset + getWidth() / 2) / zoom;
        zoom = Math.max(1, Math.min(400, zoom * factor));
        offset = clampOffset(centre * zoom - getWidth() / 2);
        draw();
    }

    public void fit() {
        zoom = 1;
        offset = 0;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double innerWidth() {
        return Math.max(1, (getWidth() - 2 * PAD) * zoom);
    }

    private double clampOffset(double o) {
        return Math.max(0, Math.min(o, innerWidth() - (getWidth() - 2 * PAD)));
    }

    /**
     * Puts this timeline on a shared axis: {@code millis} from its first run, no gaps shortened,
     * and the given model colours, so two groups' timelines can be read against each other.
     */
    public void shareAxis(long millis, Map<String, Color> colours) {
        fixedSpan = millis;
        modelColours = colours;
        layoutAxis();
        draw();
    }

    /** Runs in equal slots, one after another, instead of by time. */
    public BooleanProperty bySequenceProperty() {
        return bySequence;
    }

    /**
     * Places the runs: by sequence, equal slots; by time, each gap as it was except idle gaps
     * longer than five times the typical one (and a minute), which are shortened to that and
     * drawn as a break, so a run that lands days later does not squeeze the rest into a sliver.
     */
    private void layoutAxis() {
        int n = runs.size();
        axis = new double[n];
        breaks.clear();
        if (n == 0) {
            return;
        }
        if (n == 1) {
            axis[0] = 0.5;
            return;
        }
        long[] gaps = new long[n];
        for (int k = 1; k < n; k++) {
            Instant a = runs.get(k - 1).run().createdAt();
            Instant b = runs.get(k).run().createdAt();
            gaps[k] = a == null || b == null ? 0 : Math.max(0, b.toEpochMilli() - a.toEpochMilli());
        }
        long[] sorted = java.util.Arrays.copyOfRange(gaps, 1, n);
        java.util.Arrays.sort(sorted);
        long typical = Math.max(1, sorted[sorted.length / 2]);
        long cap = Math.max(typical * 5, 60_000L);
        double[] pos = new double[n];
        for (int k = 1; k < n; k++) {
            if (gaps[k] > cap) {
                breaks.add(k);
            }
            pos[k] = pos[k - 1] + Math.min(gaps[k], cap);
        }
        if (fixedSpan > 0 && !bySequence.get()) {
            Instant t0 = runs.get(0).run().createdAt();
            breaks.clear();
            for (int k = 0; k < n; k++) {
                Instant t = runs.get(k).run().createdAt();
                double f = t0 == null || t == null ? (double) k / (n - 1)
                        : (double) (t.toEpochMilli() - t0.toEpochMilli()) / fixedSpan;
                axis[k] = Math.max(0, Math.min(1, f));
            }
            return;
        }
        boolean sequence = bySequence.get() || pos[n - 1] <= 0;
        for (int k = 0; k < n; k++) {
            axis[k] = sequence ? (double) k / (n - 1) : pos[k] / pos[n - 1];
        }
        if (sequence) {
            breaks.clear();
        }
    }

    /** X of run k's bar centre, in canvas coordinates. */
    double xOf(int k) {
        if (runs.isEmpty() || k < 0 || k >= axis.length) {
            return 0;
        }
        return PAD + axis[k] * innerWidth() - offset;
    }

    private double barWidth() {
        double w = innerWidth() / Math.max(1, runs.size()) * 0.7;
        return Math.max(BAR_MIN, Math.min(24, w));
    }

    private void ensureVisible(int k) {
        if (k < 0 || k >= runs.size()) {
            return;
        }
        double x = xOf(k);
        if (x < PAD || x > getWidth() - PAD) {
            offset = clampOffset(offset + x - getWidth() / 2);
        }
    }

    int runAt(double x) {
        int best = -1;
        double bestDist = Math.max(barWidth(), 6);
        for (int k = 0; k < runs.size(); k++) {
            double d = Math.abs(xOf(k) - x);
            if (d <= bestDist) {
                best = k;
                bestDist = d;
            }
        }
        return best;
    }

    private void hover(MouseEvent e) {
        int k = runAt(e.getX());
        if (k < 0) {
            tip.setText("Runs: " + runs.size() + " · wheel to zoom, drag to pan, click to select");
            return;
        }
        Run r = runs.get(k).run();
        tip.setText("Run " + (k + 1) + " of " + runs.size() + "\nid: " + r.id() + "\ncreated: "
                + Formats.exact(r.createdAt(), zone) + "\nmodel: " + names.model(r.modelId()) + "\nagent: "
                + names.agent(r.agentId()) + "\nprofile: " + names.profile(r.profileId()) + "\ninput tokens: "
                + Formats.count(r.inputTokens()) + "\ncached input tokens: " + Formats.count(r.cachedInputTokens())
                + "\noutput tokens: " + Formats.count(r.outputTokens()) + "\ncost: " + Money.exact(r.cost())
                + "\nmessages in view: " + runs.get(k).messages().size()
                + (marked.contains(r.id()) ? "\nreviewed: has flagged or noted messages" : ""));
    }

    private void zoom(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        double factor = e.getDeltaY() > 0 ? 1.25 : 0.8;
        double anchor = (offset + e.getX() - PAD) / zoom;
        zoom = Math.max(1, Math.min(400, zoom * factor));
        offset = clampOffset(anchor * zoom - (e.getX() - PAD));
        draw();
        e.consume();
    }

    private Color colour(String modelId) {
        return modelColours.computeIfAbsent(modelId == null ? "" : modelId,
                id -> PALETTE[modelColours.size() % PALETTE.length]);
    }

    /** The review flag colour: the same red-orange as the bubble marker, readable on both backgrounds. */
    private static final Color FLAG = Color.web("#cf222e");

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        // the background is the region's, from the theme (.run-timeline in app.css)
        if (runs.isEmpty()) {
            g.setFill(Color.GRAY);
            g.fillText("No runs", PAD, h / 2);
            return;
        }
        double max = 0;
        for (RunWithMessages rm : runs) {
            max = Math.max(max, value(rm.run()));
        }
        double base = h - 18;
        double usable = base - 6;
        double bw = barWidth();
        for (int k = 0; k < runs.size(); k++) {
            double x = xOf(k);
            if (x < -bw || x > w + bw) {
                continue;
            }
            Run r = runs.get(k).run();
            Color c = colour(r.modelId());
            if (byCost.get()) {
                double bh = max <= 0 ? 0 : Math.max(1, r.cost().doubleValue() / max * usable);
                g.setFill(c);
                g.fillRect(x - bw / 2, base - bh, bw, bh);
            } else {
                double scale = max <= 0 ? 0 : usable / max;
                double y = base;
                double[] parts = {r.inputTokens(), r.cachedInputTokens(), r.outputTokens()};
                Color[] shades = {c, c.deriveColor(0, 0.6, 1.25, 1), c.darker()};
                for (int p = 0; p < 3; p++) {
                    double bh = parts[p] * scale;
                    g.setFill(shades[p]);
                    g.fillRect(x - bw / 2, y - bh, bw, bh);
                    y -= bh;
                }
            }
            if (marked.contains(r.id())) {
                g.setFill(FLAG);
                g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {2, 2, 10}, 3);
            }
            if (k == selected.get()) {
                g.setStroke(Color.web("#d1242f"));
                g.setLineWidth(2);
                g.strokeRect(x - bw / 2 - 2, 3, bw + 4, base - 1);
            }
        }
        g.setStroke(Color.web("#8c959f"));
        g.setLineWidth(1);
        g.strokeLine(0, base + 0.5, w, base + 0.5);
        for (int k : breaks) {
            double x = (xOf(k - 1) + xOf(k)) / 2;
            g.setLineDashes(3, 3);
            g.strokeLine(x, 4, x, base);
            g.setLineDashes(null);
            g.setFill(Color.web("#8c959f"));
            g.fillText("≈", x - 3, base + 13);
        }
        g.setFill(Color.web("#8c959f")); // mid grey: readable on light and dark backgrounds
        Instant first = runs.get(0).run().createdAt();
        Instant last = runs.get(runs.size() - 1).run().createdAt();
        g.fillText(Formats.local(first, zone) + (zoom > 1 ? "  (zoom " + String.format("%.0f", zoom) + "×)" : ""),
                PAD, h - 4);
        String end = Formats.local(last, zone);
        g.fillText(end, Math.max(PAD, w - PAD - end.length() * 6.5), h - 4);
        g.fillText((byCost.get() ? "cost" : "tokens (input / cached / output)")
                + (bySequence.get() ? " · one slot per run" : breaks.isEmpty() ? "" : " · ≈ long idle gaps shortened"),
                PAD, 14);
    }

    private double value(Run r) {
        return byCost.get() ? r.cost().doubleValue()
                : (double) r.inputTokens() + r.cachedInputTokens() + r.outputTokens();
    }
}
