package app.glow.inspector.ui.detail;

import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import app.glow.inspector.ui.Formats;
import app.glow.inspector.ui.groups.GroupRow;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The detail pane's header for the selected group: name, actor, counts, exact totals and the
 * models, agents and profiles involved. The actor comes from the lean call; a new selection
 * cancels the previous one.
 */
public final class GroupHeaderViewModel {
    private final GroupSource source;
    private final BackgroundRunner runner;
    private final ResourceNames names;
    private final StringProperty title = new SimpleStringProperty("Select a group");
    private final StringProperty actor = new SimpleStringProperty("");
    private final StringProperty totals = new SimpleStringProperty("");
    private final StringProperty involved = new SimpleStringProperty("");
    private BackgroundRunner.Job pending;

    public GroupHeaderViewModel(GroupSource source, BackgroundRunner runner, ResourceNames names) {
        this.source = source;
        this.runner = runner;
        this.names = names;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty actorProperty() {
        return actor;
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals;
    }

    public ReadOnlyStringProperty involvedProperty() {
        return involved;
    }

    public void show(GroupRow row) {
        if (pending != null) {
            pending.cancel();
        }
        if (row == null) {
            title.set("Select a group");
            actor.set("");
            totals.set("");
            involved.set("");
            return;
        }
        GroupSummary s = row.summary();
        title.set(s.groupName());
        actor.set("…");
        totals.set(Formats.count(s.runCount()) + " runs · " + Formats.count(s.messageCount()) + " messages · "
                + Formats.count(s.inputTokens()) + " input, " + Formats.count(s.cachedInputTokens()) + " cached, "
                + Formats.count(s.outputTokens()) + " output tokens · " + Money.exact(s.cost()));
        involved.set("Models: " + blankAsNone(names.models(s.modelIds())) + "\nAgents: "
                + blankAsNone(names.agents(s.agentIds())) + "\nProfiles: " + blankAsNone(names.profiles(s.profileIds())));
        pending = runner.submit(c -> source.resolve(s.groupId(), c),
                id -> actor.set(id.groupExists() ? "Actor: " + id.actorName() : "This group no longer exists."),
                t -> actor.set(ErrorText.of(t)));
    }

    private static String blankAsNone(String s) {
        return s.isEmpty() ? "none" : s;
    }
}
