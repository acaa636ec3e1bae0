package app.glow.inspector.ui;

import app.glow.inspector.service.GroupSource;
import app.glow.inspector.ui.cost.CostViewModel;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.groups.GroupListViewModel;

/** Everything tied to one data source: the source and its view models. Replaced on switching. */
public record Workspace(app.glow.inspector.service.CachingGroupSource source, AppState state,
                        GroupListViewModel list, GroupDetailViewModel detail,
                        CostViewModel cost, app.glow.inspector.ui.live.LiveViewModel live,
                        app.glow.inspector.ui.review.ReviewViewModel review) implements AutoCloseable {
    @Override
    public void close() {
        live.close();
        state.reset(); // cancels what the open group was loading
        detail.media().close();
        source.close();
    }
}
