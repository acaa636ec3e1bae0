package app.glow.inspector.ui.cost;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.Pricing;
import app.glow.inspector.service.CostAudit;
import app.glow.inspector.service.CostBreakdown;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.PricingBook;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import app.glow.inspector.ui.groups.GroupRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final GroupSource source;
    private final BackgroundRunner runner;
    private final ResourceNames names;
    private final PricingBook pricing;
    private final ObjectProperty<List<Slice>> byModel = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<Slice>> byAgent = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<Slice>> byProfile = new SimpleObjectProperty<>(List.of());
    private final StringProperty breakdownStatus = new SimpleStringProperty("Select groups to see their cost.");
    private final ObservableList<Pricing> prices = FXCollections.observableArrayList();
    private final ObservableList<CostAudit.Result> flagged = FXCollections.observableArrayList();
    private final StringProperty auditStatus = new SimpleStringProperty("Not run yet.");
    private BackgroundRunner.Job breakdownJob;
    private BackgroundRunner.Job auditJob;

    public CostViewModel(GroupSource source, BackgroundRunner runner, ResourceNames names, PricingBook pricing) {
        this.source = source;
        this.runner = runner;
        this.names = names;
        this.pricing = pricing;
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

    /** Recomputes the breakdown for the selected groups (cancelling the previous one). */
    public void showSelection(List<GroupRow> selection) {
        if (breakdownJob != null) {
            breakdownJob.cancel();
        }
        refreshPrices();
        if (selection.isEmpty()) {
            byModel.set(List.of());
            byAgent.set(List.of());
            byProfile.set(List.of());
            breakdownStatus.set("Select groups to see their cost.");
            return;
        }
        List<String> ids = selection.stream().limit(MAX_BREAKDOWN_GROUPS).map(GroupRow::groupId).toList();
        breakdownStatus.set("Summing the runs of " + ids.size() + " groups…");
        breakdownJob = runner.submit(c -> {
            CostBreakdown b = new CostBreakdown();
            for (String id : ids) {
                GroupDetail d = source.detail(id, 0, 0, c);
                names.learn(d);
                b.add(d);
            }
            return b;
        }, b -> {
            byModel.set(slices(b.byModel(), names::model));
            byAgent.set(slices(b.byAgent(), names::agent));
            byProfile.set(slices(b.byProfile(), names::profile));
            breakdownStatus.set("Cost of " + ids.size() + " selected group" + (ids.size() == 1 ? "" : "s")
                    + (selection.size() > ids.size() ? " (the first " + ids.size() + " of " + selection.size() + ")"
                    : "") + ", from their runs.");
        }, t -> breakdownStatus.set(ErrorText.of(t)));
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
        auditJob = runner.submit(c -> {
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
            return new Object[] {out, unpriced};
        }, result -> {
            @SuppressWarnings("unchecked")
            List<CostAudit.Result> out = (List<CostAudit.Result>) result[0];
            flagged.setAll(out);
            int unpriced = (Integer) result[1];
            auditStatus.set("Audited " + todo.size() + " groups: " + out.size() + " differ from their tokens × prices"
                    + (unpriced > 0 ? "; " + unpriced + " use a model with no price (not checked)" : "") + ".");
        }, t -> auditStatus.set("Audit failed: " + ErrorText.of(t)));
    }
}
