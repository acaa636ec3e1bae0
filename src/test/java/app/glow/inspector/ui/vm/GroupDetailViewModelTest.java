package app.glow.inspector.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.model.Message;
import app.glow.inspector.model.ToolCall;
import app.glow.inspector.service.CachingGroupSource;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.service.TextLoader;
import app.glow.inspector.service.ToolCallIndex;
import app.glow.inspector.service.WindowCache;
import app.glow.inspector.ui.AppState;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.detail.media.MediaController;
import app.glow.inspector.ui.groups.GroupRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detail view model alone: a same-thread runner and an in-memory source, no FX toolkit. */
class GroupDetailViewModelTest {
    private final FakeSource fake = new FakeSource();
    private final CachingGroupSource source = new CachingGroupSource(fake, new WindowCache(), "fake");

    private GroupDetailViewModel detail(BackgroundRunner runner, AppState state) {
        return new GroupDetailViewModel(source, runner, state, new ResourceNames(), new TextLoader(source),
                new MediaController(source, runner));
    }

    private GroupRow row(String id) {
        return new GroupRow(fake.summary(id), "", "", "");
    }

    private static long placeholders(GroupDetailViewModel vm) {
        return vm.conversation().items().stream().filter(i -> i instanceof Conversation.Placeholder).count();
    }

    @Test
    void aWindowThatFailedIsAskedForAgainWhenShownAgain() {
        fake.group("g", 3, 150); // 450 messages: three windows of 200
        BackgroundRunner runner = Executors.sameThread();
        AppState state = new AppState(runner, source);
        GroupDetailViewModel vm = detail(runner, state);
        fake.failNext("g", 200, 2); // the tool-call index and then the conversation meet a dropped connection
        state.open(row("g"));
        assertEquals(2, placeholders(vm));
        assertTrue(vm.calls().statusProperty().get().startsWith("The tool calls could not be collected"));

        vm.conversation().loadWindow(1);
        assertTrue(vm.header().statusProperty().get().contains("Messages 201–400"), vm.header().statusProperty().get());
        assertTrue(vm.header().statusProperty().get().contains("dropped the connection"));
        assertEquals(2, placeholders(vm), "the failed window is still a placeholder");

        vm.conversation().loadWindow(1); // the placeholder shows again
        assertEquals(1, placeholders(vm), "the window loads on the second try");
        assertEquals(3, fake.callsFor("g", 200));
    }

    @Test
    void openingAnotherGroupCancelsTheFirstGroupsLoadsAndDropsTheirResults() {
        fake.group("a", 2, 150).group("b", 1, 3);
        Executors.Held held = new Executors.Held();
        BackgroundRunner runner = held.runner();
        AppState state = new AppState(runner, source);
        GroupDetailViewModel vm = detail(runner, state);
        state.open(row("a"));
        state.open(row("b"));
        held.runAll();
        assertEquals("b", vm.groupId());
        assertEquals(0, fake.callsFor("a", 0), "the first group's load never ran: it was cancelled first");
        assertEquals("Group b", vm.header().titleProperty().get());
        assertTrue(vm.conversation().items().stream().allMatch(i -> !(i instanceof Conversation.MessageItem m)
                || m.message().id().startsWith("b-")), "nothing of the first group shows");
    }

    @Test
    void replayedContextBecomesOneFoldPerRun() {
        Message first = FakeSource.message("m1", "system");
        Message second = FakeSource.message("m2", "user");
        Message third = FakeSource.message("m3", "assistant");
        List<FakeSource.FakeRun> runs = List.of(
                new FakeSource.FakeRun(FakeSource.run("r1", 0), List.of(first, second), null),
                new FakeSource.FakeRun(FakeSource.run("r2", 1), List.of(first, second, third), 0));
        fake.group("f", runs);
        BackgroundRunner runner = Executors.sameThread();
        AppState state = new AppState(runner, source);
        GroupDetailViewModel vm = detail(runner, state);
        state.open(row("f"));
        List<Conversation.Fold> folds = vm.conversation().items().stream()
                .filter(i -> i instanceof Conversation.Fold).map(i -> (Conversation.Fold) i).toList();
        assertEquals(1, folds.size());
        assertEquals(2, folds.get(0).messages().size(), "the two replayed messages are folded");
        int before = vm.conversation().items().size();
        vm.conversation().toggleFold(1);
        assertEquals(before + 2, vm.conversation().items().size());
        assertFalse(((Conversation.Fold) vm.conversation().items().stream()
                .filter(i -> i instanceof Conversation.Fold).findFirst().orElseThrow()).messages().isEmpty());
    }

    @Test
    void callsWithoutATemplateAreIndexedAndCounted() {
        List<Message> ms = new ArrayList<>();
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 0; i < 6; i++) {
            ToolCall call = new ToolCall("k" + i, i == 3 ? null : (i % 2 == 0 ? "grade_rubric" : "read_file"),
                    i == 4 ? null : "f" + i + ".md", i == 5 ? null : t);
            ms.add(FakeSource.message("c" + i, i == 2 ? null : "assistant", call));
        }
        fake.group("t", List.of(new FakeSource.FakeRun(FakeSource.run("r", 0), ms, null)));
        BackgroundRunner runner = Executors.sameThread();
        AppState state = new AppState(runner, source);
        GroupDetailViewModel vm = detail(runner, state);
        state.open(row("t"));
        ToolCallIndex index = vm.calls().indexProperty().get();
        assertEquals(6, index.size(), "all six calls, the nameless one too");
        assertEquals(1, index.countsByTemplate().get(ToolCallIndex.NO_TEMPLATE));
        assertEquals(3, index.countsByTemplate().get("grade_rubric"));
        assertTrue(index.summary().startsWith("6 calls"), index.summary());
        assertEquals(1, index.tree("no template").size());
        assertEquals("", vm.calls().statusProperty().get());
    }

    @Test
    void aLiveRefreshKeepsWindowsThatFinishedWhileItRanAndOnlyRefetchesWhatChanged() {
        fake.group("g", 3, 150);
        Executors.Held held = new Executors.Held();
        BackgroundRunner runner = held.runner();
        AppState state = new AppState(runner, source);
        GroupDetailViewModel vm = detail(runner, state);
        state.open(row("g"));
        held.runAll();
        // a run is saved: the cache drops the changed windows, the refresh starts...
        fake.groups.get("g").add(new FakeSource.FakeRun(FakeSource.run("g-new", 9),
                List.of(FakeSource.message("g-new-1", "user")), null));
        source.groupChanged("g");
        vm.refreshInPlace();
        vm.conversation().loadWindow(1); // ...while the reader scrolls to window 1
        held.runAll();
        assertTrue(vm.conversation().items().stream().anyMatch(i -> i instanceof Conversation.MessageItem m
                && m.position() == 250), "window 1, loaded while the refresh ran, stays loaded");
        assertEquals(4, vm.conversation().runs().size(), "the new run joined");
        assertTrue(vm.header().statusProperty().get().contains("updated live"));
        assertEquals(1, fake.callsFor("g", 200), "window 1 was fetched once: full windows stay cached");
    }
}
