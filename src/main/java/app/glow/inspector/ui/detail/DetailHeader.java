package app.glow.inspector.ui.detail;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.service.Summaries;
import app.glow.inspector.ui.Formats;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The open group's header: name, actor, totals, who was involved, and a status line. */
public final class DetailHeader {
    static final String NOTHING_OPEN = "Select a group";

    private final ResourceNames names;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(NOTHING_OPEN);
    private final ReadOnlyStringWrapper actor = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper involved = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public DetailHeader(ResourceNames names) {
        this.names = names;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actorProperty() {
        return actor.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty involvedProperty() {
        return involved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void status(String text) {
        status.set(text);
    }

    void clear() {
        title.set(NOTHING_OPEN);
        actor.set("");
        totals.set("");
        involved.set("");
        status.set("");
    }

    /** What the list row already knows, before the detail arrives. */
    void showSummary(GroupSummary s) {
        title.set(s.groupName() == null ? s.groupId() : s.groupName());
        actor.set("");
        updateTotals(s);
        involved.set(involvedText(s.modelIds(), s.agentIds(), s.profileIds()));
    }

    void updateTotals(GroupSummary s) {
        totals.set(Formats.count(s.runCount()) + " runs · " + Formats.count(s.messageCount()) + " messages · "
                + Formats.count(s.inputTokens()) + " input, " + Formats.count(s.cachedInputTokens()) + " cached, "
                + Formats.count(s.outputTokens()) + " output tokens · " + Money.exact(s.cost()));
    }

    /** The first window arrived: the actor and who was involved, from the runs themselves. */
    void showDetail(GroupDetail d) {
        actor.set(d.actorName() == null ? "" : "Actor: " + d.actorName());
        Set<String> m = new LinkedHashSet<>();
        Set<String> a = new LinkedHashSet<>();
        Set<String> p = new LinkedHashSet<>();
        for (RunWithMessages rm : d.runs()) {
            Summaries.addIfPresent(m, rm.run().modelId());
            Summaries.addIfPresent(a, rm.run().agentId());
            Summaries.addIfPresent(p, rm.run().profileId());
        }
        involved.set(involvedText(List.copyOf(m), List.copyOf(a), List.copyOf(p)));
    }

    private String involvedText(List<String> m, List<String> a, List<String> p) {
        return "Models: " + orNone(names.models(m)) + "\nAgents: " + orNone(names.agents(a)) + "\nProfiles: "
                + orNone(names.profiles(p));
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "none" : s;
    }
}
