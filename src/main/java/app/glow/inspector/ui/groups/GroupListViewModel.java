package app.glow.inspector.ui.groups;

import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.service.GroupLinks;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.PricingBook;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.service.Totals;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import app.glow.inspector.ui.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The master list's state: loaded rows (filtered and sorted for the table), paging, the search
 * and date filters, selection and totals, the error banner, and the opened group. Pages load on
 * demand as the user scrolls; nothing fetches everything.
 */
public final class GroupListViewModel {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GroupListViewModel.class);

    static final int PAGE_SIZE = 100;

    private final GroupSource source;
    private final BackgroundRunner runner;
    private final ResourceNames names;
    private final PricingBook pricing;
    private final ZoneId zone;

    private final ObservableList<GroupRow> loaded = FXCollections.observableArrayList();
    private final FilteredList<GroupRow> filtered = new FilteredList<>(loaded, r -> true);
    private final SortedList<GroupRow> sorted = new SortedList<>(filtered);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty notice = new SimpleStringProperty();
    private final StringProperty queryText = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> createdFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> createdTo = new SimpleObjectProperty<>();
    private final ObjectProperty<Totals> loadedTotals = new SimpleObjectProperty<>(Totals.EMPTY);
    private final ObjectProperty<Totals> selectionTotals = new SimpleObjectProperty<>(Totals.EMPTY);
    private final Set<String> loadedIds = new LinkedHashSet<>();
    private final ObjectProperty<Set<String>> reselect = new SimpleObjectProperty<>();
    private final app.glow.inspector.ui.EventStream<Set<String>> selectRequests =
            new app.glow.inspector.ui.EventStream<>();
    private final javafx.beans.property.IntegerProperty insertedAtTop =
            new javafx.beans.property.SimpleIntegerProperty();
    private final javafx.collections.ObservableMap<String, LiveProgress> progress =
            FXCollections.observableHashMap();

    private String nextToken;
    private boolean exhausted;
    private Long totalCount;
    private GroupsQuery baseQuery = GroupsQuery.firstPage(PAGE_SIZE);
    private final app.glow.inspector.ui.AppState state;
    /** Everything the current listing started (pages, live row refreshes); a reload cancels it. */
    private BackgroundRunner.Scope listing;

    public GroupListViewModel(GroupSource source, BackgroundRunner runner, app.glow.inspector.ui.AppState state,
                              ResourceNames names, PricingBook pricing, ZoneId zone) {
        this.source = source;
        this.runner = runner;
        this.state = state;
        this.listing = runner.newScope();
        ObservableList<GroupRow> selection = state.selectedGroups();
        this.names = names;
        this.pricing = pricing;
        this.zone = zone;
        selection.addListener((javafx.collections.ListChangeListener<GroupRow>) c ->
                selectionTotals.set(Totals.of(selection.stream().map(GroupRow::summary).toList())));
    }

    /** The rows for the table: loaded, filtered by the search, sorted by the table. */
    public SortedList<GroupRow> rows() {
        return sorted;
    }

    /** Every loaded row, whatever the filter. */
    public ObservableList<GroupRow> loadedRows() {
        return loaded;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** A failure to show in the banner (with Retry), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** A passing message (e.g. "no such group"), or null. */
    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty queryTextProperty() {
        return queryText;
    }

    public ObjectProperty<LocalDate> createdFromProperty() {
        return createdFrom;
    }

    public ObjectProperty<LocalDate> createdToProperty() {
        return createdTo;
    }

    /** The group shown in the detail pane: the selected row, or one opened by id. */
    public javafx.beans.property.ReadOnlyObjectProperty<GroupRow> openedProperty() {
        return state.openGroupProperty();
    }

    /** Opens {@code row} in the detail pane (cancelling what the previous group was loading). */
    public void open(GroupRow row) {
        state.open(row);
    }

    /** The table's selected rows (the view keeps this in step). */
    public ObservableList<GroupRow> selection() {
        return state.selectedGroups();
    }

    /** Asks the table to select exactly these groups (those loaded); returns how many of them are loaded. */
    public int selectOnly(Set<String> groupIds) {
        selectRequests.emit(Set.copyOf(groupIds));
        return (int) loaded.stream().filter(r -> groupIds.contains(r.groupId())).count();
    }

    /** Requests to select exactly a set of groups (the search's "select all groups with hits"). */
    public app.glow.inspector.ui.EventStream<Set<String>> selectRequests() {
        return selectRequests;
    }

    public ReadOnlyObjectProperty<Totals> loadedTotalsProperty() {
        return loadedTotals;
    }

    public ReadOnlyObjectProperty<Totals> selectionTotalsProperty() {
        return selectionTotals;
    }

    public GroupSource source() {
        return source;
    }

    /** Live generation progress per group id, shown in the list while it runs. */
    public javafx.collections.ObservableMap<String, LiveProgress> progress() {
        return progress;
    }

    /** Ids the view should select again after rows were replaced (live updates). */
    public ReadOnlyObjectProperty<Set<String>> reselectProperty() {
        return reselect;
    }

    /** Bumped by the number of rows inserted at the top, so the view can keep its place. */
    public javafx.beans.property.ReadOnlyIntegerProperty insertedAtTopProperty() {
        return insertedAtTop;
    }

    /** The loaded row of a group, or null. */
    public GroupRow row(String groupId) {
        for (GroupRow r : loaded) {
            if (r.groupId().equals(groupId)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Fetches one group again (after a live generation saved it) and replaces its row in place,
     * or puts it at the top when it is new; the selection stays as it was.
     */
    public void refreshGroup(String groupId) {
        listing.submit(c -> {
            var d = source.detail(groupId, 0, 0, c);
            names.learn(d);
            return d;
        }, d -> {
            if (!d.groupExists()) {
                return;
            }
            Set<String> selected = new LinkedHashSet<>();
            state.selectedGroups().forEach(r -> selected.add(r.groupId()));
            GroupRow old = row(groupId);
            GroupSummary fresh = app.glow.inspector.service.Summaries.of(d);
            if (old != null) {
                GroupSummary o = old.summary();
                fresh = new GroupSummary(o.groupId(), d.groupName() != null ? d.groupName() : o.groupName(),
                        o.createdAt(), fresh.updatedAt(), fresh.runCount(), fresh.messageCount(), fresh.inputTokens(),
                        fresh.outputTokens(), fresh.cachedInputTokens(), fresh.cost(), fresh.modelIds(),
                        fresh.agentIds(), fresh.profileIds());
                GroupRow row = GroupRow.of(fresh, names);
                loaded.set(loaded.indexOf(old), row);
                loadedTotals.set(loadedTotals.get().minus(o).plus(fresh));
            } else {
                loaded.add(0, GroupRow.of(fresh, names));
                loadedIds.add(groupId);
                loadedTotals.set(loadedTotals.get().plus(fresh));
                if (totalCount != null) {
                    totalCount++;
                }
                insertedAtTop.set(insertedAtTop.get() + 1);
            }

            updateStatus();
            reselect.set(null);
            reselect.set(selected);
        }, t -> log.info("live refresh of group {} failed; its row stays as it was until the next event: {}",
                groupId, ErrorText.of(t)));
    }

    public BackgroundRunner runner() {
        return runner;
    }

    public boolean hasMore() {
        return !exhausted;
    }

    // ---- Loading -------------------------------------------------------------------------------

    /** Drops what is loaded and fetches the first page with the current filters. */
    public void reload() {
        listing.cancel(); // the page in flight and live row refreshes belong to the old listing
        listing = runner.newScope();
        loaded.clear();
        loadedIds.clear();
        loadedTotals.set(Totals.EMPTY);
        nextToken = null;
        exhausted = false;
        totalCount = null;
        loading.set(false);
        error.set(null);
        loadMore();
    }

    private Predicate<GroupRow> extraFilter = r -> true;

    /** A filter the server knows nothing of (the review status), applied to loaded rows only. */
    public void setExtraFilter(Predicate<GroupRow> p) {
        extraFilter = p == null ? r -> true : p;
        applyFilters();
    }

    /** Applies the search text and date range: at once to loaded rows, then on the server. */
    public void applyFilters() {
        String q = queryText.get() == null ? "" : queryText.get().strip();
        Instant after = createdFrom.get() == null ? null : createdFrom.get().atStartOfDay(zone).toInstant();
        Instant before = createdTo.get() == null ? null : createdTo.get().plusDays(1).atStartOfDay(zone).toInstant();
        filtered.setPredicate(GroupFilters.local(q, after, before).and(extraFilter));
        GroupsQuery next = new GroupsQuery(PAGE_SIZE, null, q.isEmpty() ? null : q, after, before);
        if (!next.equals(baseQuery)) {
            baseQuery = next;
            reload();
        }
    }

    /** Called by the view when row {@code index} is shown; loads the next page near the end. */
    public void visibleUpTo(int index) {
        if (index >= sorted.size() - PAGE_SIZE / 4) {
            loadMore();
        }
    }

    public void loadMore() {
        if (loading.get() || exhausted) {
            return;
        }
        loading.set(true);
        error.set(null);
        updateStatus();
        GroupsQuery q = baseQuery.withPageToken(nextToken);
        listing.submit(c -> source.groups(q, c), this::accept, t -> {
            loading.set(false);
            error.set(ErrorText.of(t));
            updateStatus();
        });
    }

    /** After a failure: try the failed page again, keeping what is loaded. */
    public void retry() {
        error.set(null);
        loadMore();
    }

    private void accept(GroupsPage page) {
        names.learn(page);
        pricing.learn(page);
        List<GroupRow> fresh = new ArrayList<>(page.groups().size());
        Totals t = loadedTotals.get();
        for (GroupSummary g : page.groups()) {
            if (loadedIds.add(g.groupId())) { // a group that moved between pages is listed once
                fresh.add(GroupRow.of(g, names));
                t = t.plus(g);
            }
        }
        loaded.addAll(fresh);
        loadedTotals.set(t);
        nextToken = page.nextPageToken();
        exhausted = page.isLastPage();
        if (page.totalCount() != null) {
            totalCount = page.totalCount();
        }
        loading.set(false);
        updateStatus();
    }

    private void updateStatus() {
        StringBuilder sb = new StringBuilder();
        sb.append(Formats.count(loaded.size()));
        if (totalCount != null) {
            sb.append(" of ").append(Formats.count(totalCount));
        }
        sb.append(" groups loaded");
        if (filtered.size() != loaded.size()) {
            sb.append(" · ").append(Formats.count(filtered.size())).append(" shown");
        }
        if (loading.get()) {
            sb.append(" · loading…");
        }
        status.set(sb.toString());
    }

    // ---- Opening a group -------------------------------------------------------------------------

    /**
     * Resolves a pasted id or link with the lean call and opens the group, loaded or not.
     * {@code onResult} gets null on success or a message for the user.
     */
    public void openById(String text, Consumer<String> onResult) {
        var id = GroupLinks.extractId(text);
        if (id.isEmpty()) {
            onResult.accept("No group id found in \"" + abbreviate(text) + "\".");
            return;
        }
        String groupId = id.get();
        for (GroupRow r : loaded) {
            if (r.groupId().equals(groupId)) {
                state.open(r);
                onResult.accept(null);
                return;
            }
        }
        BackgroundRunner.Scope request = state.newOpenRequest();
        request.submit(c -> {
            var lean = source.resolve(groupId, c);
            if (!lean.groupExists()) {
                return null;
            }
            var detail = source.detail(groupId, 0, 0, c);
            names.learn(detail);
            return detail.groupExists() ? detail : null;
        }, detail -> {
            if (detail == null) {
                onResult.accept("No such group: " + groupId);
                return;
            }
            state.openFrom(request, GroupRow.of(app.glow.inspector.service.Summaries.of(detail), names));
            onResult.accept(null);
        }, t -> onResult.accept(ErrorText.of(t)));
    }

    private static String abbreviate(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }


}
