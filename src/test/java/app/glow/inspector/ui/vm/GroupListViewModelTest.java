package app.glow.inspector.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glow.inspector.service.CachingGroupSource;
import app.glow.inspector.service.PricingBook;
import app.glow.inspector.service.ResourceNames;
import app.glow.inspector.service.WindowCache;
import app.glow.inspector.ui.AppState;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.groups.GroupListViewModel;
import app.glow.inspector.ui.groups.GroupRow;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list view model alone: open-by-id races and live refreshes across a reload. */
class GroupListViewModelTest {
    private final FakeSource fake = new FakeSource().group("a", 2, 3).group("b", 1, 2).group("c", 4, 1);
    private final CachingGroupSource source = new CachingGroupSource(fake, new WindowCache(), "fake");

    private GroupListViewModel list(BackgroundRunner runner, AppState state) {
        return new GroupListViewModel(source, runner, state, new ResourceNames(), new PricingBook(), ZoneOffset.UTC);
    }

    @Test
    void aLateOpenGroupResultDoesNotReplaceTheGroupClickedSince() {
        Executors.Held held = new Executors.Held();
        BackgroundRunner runner = held.runner();
        AppState state = new AppState(runner, source);
        GroupListViewModel vm = list(runner, state);
        vm.reload();
        held.runAll();
        List<String> messages = new ArrayList<>();
        fake.group("z", 1, 1);
        vm.openById("https://glow.example/audit?group=z", messages::add);
        GroupRow clicked = vm.loadedRows().get(1);
        vm.open(clicked); // the user clicks a row before the lookup answers
        held.runAll();
        assertEquals(clicked, state.openGroup(), "the click wins");
        assertEquals(List.of(), messages, "the cancelled lookup reports nothing");
    }

    @Test
    void openGroupOpensWhenNothingElseWasAsked() {
        BackgroundRunner runner = Executors.sameThread();
        AppState state = new AppState(runner, source);
        GroupListViewModel vm = list(runner, state);
        fake.group("zz", 1, 1);
        List<String> messages = new ArrayList<>();
        vm.openById("zz", messages::add);
        assertEquals("zz", state.openGroup().groupId());
        messages.removeIf(m -> m == null);
        assertEquals(List.of(), messages);
        vm.openById("no-such-group", messages::add);
        assertEquals(List.of("No such group: no-such-group"), messages);
    }

    @Test
    void aLiveRefreshStartedBeforeAReloadDoesNotSkewTheNewTotals() {
        Executors.Held held = new Executors.Held();
        BackgroundRunner runner = held.runner();
        AppState state = new AppState(runner, source);
        GroupListViewModel vm = list(runner, state);
        vm.reload();
        held.runAll();
        vm.refreshGroup("a"); // a live event...
        vm.reload(); // ...then F5 before its fetch answers
        held.runAll();
        assertEquals(3, vm.loadedRows().size());
        BigDecimal expected = fake.groups.keySet().stream().map(id -> fake.summary(id).cost())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, expected.compareTo(vm.loadedTotalsProperty().get().cost()),
                "totals count each group once: " + vm.loadedTotalsProperty().get().cost());
        assertEquals(2, fake.groupsCalls.get());
    }

    @Test
    void aNewSourceStartsWithNothingOpenOrSelected() {
        BackgroundRunner runner = Executors.sameThread();
        AppState state = new AppState(runner, source);
        GroupListViewModel vm = list(runner, state);
        vm.reload();
        state.select(List.of(vm.loadedRows().get(0)));
        vm.open(vm.loadedRows().get(0));
        state.reset();
        assertNull(state.openGroup());
        assertEquals(0, state.selectedGroups().size());
    }
}
