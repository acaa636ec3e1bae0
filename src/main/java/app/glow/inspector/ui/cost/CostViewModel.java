package app.glow.inspector.ui.cost;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.Pricing;
import app.glow.inspector.service.CostAudit;
import app.glow.inspector.service.CostBreakdown;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.PricingBook;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.ui.AppState;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import app.glow.inspector.ui.groups.GroupRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cost view: cost by model, agent and profile for the selected groups (from their runs),
 * the pricing table, and the cost audit that recomputes every loaded group's cost from its
 * tokens and flags differences.
 */
public final class CostViewModel {
    /** More than this many selected groups are summarized from the first ones only. */
    static final int MAX_BREAKDOWN_GROUPS = 200;

    /** A named slice of a breakdown, exact. */
    public record Slice(String name, BigDecimal cost) {
    }

    /** How many groups' details the breakdown fetches at once (the bulk lane bounds it further). */
    static final int PARALLEL_FETCHES = 3;

    /** An audit's outcome: the flagged groups and how many could not be checked. */
    private record AuditOutcome(List<CostAudit.Result> flagged, int unpriced) {
    }

    private final GroupSource source;
    private final BackgroundRunner runner;
    private final AppState state;
    private final ResourceNames names;
    private final PricingBook pricing;
    private final ObjectProperty<List<Slice>> byModel = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<Slice>> byAgent = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<Slice>> byProfile = new SimpleObjectProperty<>(List.of());
    private final StringProperty breakdownStatus = new SimpleStringProperty("Select groups to see their cost.");
    private final DoubleProperty progress = new SimpleDoubleProperty(1);
    private final BooleanProperty visible = new SimpleBooleanProperty(false);
    private final ObservableList<Pricing> prices = FXCollections.observableArrayList();
    private final ObservableList<CostAudit.Result> flagged = FXCollections.observableArrayList();
    private final StringProperty auditStatus = new SimpleStringProperty("Not run yet.");
    private BackgroundRunner.Scope breakdown;
    private BackgroundRunner.Job auditJob;
    /** The selection changed while the view was hidden: compute when it shows. */
    private boolean stale = true;

    public CostViewModel(GroupSource source, BackgroundRunner runner, AppState state, ResourceNames names,
                         PricingBook pricing) {
        this.source = source;
        this.runner = runner;
        this.state = state;
        this.names = names;
        this.pricing = pricing;
        this.breakdown = runner.newScope();
        state.selectedGroups().addListener((ListChangeListener<GroupRow>) c -> selectionChanged());
        visible.addListener((o, a, shown) -> {
            if (shown && stale) {
                selectionChanged();
            } else if (!shown && breakdown.active() > 0) {
                breakdown.cancel(); // hidden: stop fetching; it starts again when shown
                stale = true;
            }
        });
    }

    /** Whether the cost view is on screen; it computes only then. */
    public BooleanProperty visibleProperty() {
        return visible;
    }

    /** Progress of the breakdown, 0 to 1 (1 when idle). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ObjectProperty<List<Slice>> byModelProperty() {
        return byModel;
    }

    public ObjectProperty<List<Slice>> byAgentProperty() {
        return byAgent;
    }

    public ObjectProperty<List<Slice>> byProfileProperty() {
        return byProfile;
    }

    public StringProperty breakdownStatusProperty() {
        return breakdownStatus;
    }

    public ObservableList<Pricing> prices() {
        return prices;
    }

    public ObservableList<CostAudit.Result> flagged() {
        return flagged;
    }

    public StringProperty auditStatusProperty() {
        return auditStatus;
    }

    public ResourceNames names() {
        return names;
    }

    public void refreshPrices() {
        List<Pricing> all = new ArrayList<>(pricing.all());
        all.sort(java.util.Comparator.comparing(p -> names.model(p.modelId())));
        prices.setAll(all);
    }

    private void selectionChanged() {
        breakdown.cancel();
        breakdown = runner.newScope();
        if (!visible.get()) {
            stale = true;
            return;
        }
        stale = false;
        showSelection(List.copyOf(state.selectedGroups()));
    }

    /** Computes the breakdown for {@code selection} with a few fetches at a time, showing progress. */
    private void showSelection(List<GroupRow> selection) {
        refreshPrices();
        if (selection.isEmpty()) {
            byModel.set(List.of());
            byAgent.set(List.of());
            byProfile.set(List.of());
            breakdownStatus.set("Select groups to see their cost.");
            progress.set(1);
            return;
        }
        List<String> ids = selection.stream().limit(MAX_BREAKDOWN_GROUPS).map(GroupRow::groupId).toList();
        breakdownStatus.set("Summing the runs of " + ids.size() + " groups…");
        progress.set(0);
        BackgroundRunner.Scope scope = breakdown;
        CostBreakdown sum = new CostBreakdown();
        ConcurrentLinkedQueue<String> todo = new ConcurrentLinkedQueue<>(ids);
        AtomicInteger done = new AtomicInteger();
        int workers = Math.min(PARALLEL_FETCHES, ids.size());
        AtomicInteger running = new AtomicInteger(workers);
        for (int w = 0; w < workers; w++) {
            scope.submitBulk(c -> {
                for (String id = todo.poll(); id != null; id = todo.poll()) {
                    GroupDetail d = source.detail(id, 0, 0, c); // runs only: a cached window answers it
                    names.learn(d);
                    synchronized (sum) {
                        sum.add(d);
                    }
                    int n = done.incrementAndGet();
                    runner.onFx(() -> {
                        if (!scope.isCancelled()) {
                            progress.set((double) n / ids.size());
                        }
                    });
                }
                return running.decrementAndGet() == 0;
            }, last -> {
                if (last) {
                    publish(sum, ids.size(), selection.size());
                }
            }, t -> {
                scope.cancel();
                progress.set(1);
                breakdownStatus.set(ErrorText.of(t));
            });
        }
    }

    private void publish(CostBreakdown b, int summed, int selected) {
        byModel.set(slices(b.byModel(), names::model));
        byAgent.set(slices(b.byAgent(), names::agent));
        byProfile.set(slices(b.byProfile(), names::profile));
        progress.set(1);
        breakdownStatus.set("Cost of " + summed + " selected group" + (summed == 1 ? "" : "s")
                + (selected > summed ? " (the first " + summed + " of " + selected + ")" : "") + ", from their runs.");
    }

    private static List<Slice> slices(Map<String, BigDecimal> costs, java.util.function.UnaryOperator<String> name) {
        Map<String, BigDecimal> merged = new LinkedHashMap<>();
        costs.forEach((id, cost) -> merged.merge(name.apply(id), cost, BigDecimal::add));
        List<Slice> out = new ArrayList<>();
        merged.forEach((n, c) -> out.add(new Slice(n, c)));
        out.sort((a, b) -> b.cost().compareTo(a.cost()));
        return out;
    }

    /** Recomputes every given group's cost from its runs' tokens and the known prices. */
    public void audit(List<GroupRow> rows) {
        if (auditJob != null) {
            auditJob.cancel();
        }
        refreshPrices();
        flagged.clear();
        Map<String, Pricing> book = pricing.asMap();
        List<GroupRow> todo = List.copyOf(rows);
        auditStatus.set("Auditing " + todo.size() + " groups…");
        auditJob = runner.submitBulk(c -> {
            List<CostAudit.Result> out = new ArrayList<>();
            int unpriced = 0;
            for (GroupRow r : todo) {
                GroupDetail d = source.detail(r.groupId(), 0, 0, c);
                CostAudit.Result res = CostAudit.audit(d, r.summary().cost(), book);
                if (res.flagged()) {
                    out.add(res);
                }
                unpriced += res.unpricedModelIds().isEmpty() ? 0 : 1;
            }
            return new AuditOutcome(out, unpriced);
        }, result -> {
            List<CostAudit.Result> out = result.flagged();
            flagged.setAll(out);
            int unpriced = result.unpriced();
            auditStatus.set("Audited " + todo.size() + " groups: " + out.size() + " flagged (cost differs from tokens × prices, "
                    + "or negative token counts)"
                    + (unpriced > 0 ? "; " + unpriced + " use a model with no price (not checked)" : "") + ".");
        }, t -> auditStatus.set("Audit failed: " + ErrorText.of(t)));
    }
}
