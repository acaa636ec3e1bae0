package app.glow.inspector.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.review.Annotation;
import app.glow.inspector.review.ReviewStatus;
import app.glow.inspector.review.SqliteReviewStore;
import app.glow.inspector.service.CachingGroupSource;
import app.glow.inspector.service.WindowCache;
import app.glow.inspector.ui.AppState;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.groups.GroupRow;
import app.glow.inspector.ui.review.ReviewViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review model alone: a same-thread runner, an in-memory source and a real database file. */
class ReviewViewModelTest {
    @TempDir
    Path dir;

    private final FakeSource fake = new FakeSource().group("g1", 3, 150).group("g2", 1, 4).group("g3", 1, 2);
    private final CachingGroupSource source = new CachingGroupSource(fake, new WindowCache(), "fake");
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private final AtomicReference<String> reviewer = new AtomicReference<>("Ana");

    private GroupRow row(String id) {
        return new GroupRow(fake.summary(id), "", "", "");
    }

    private ReviewViewModel model(SqliteReviewStore store, AppState state) {
        BackgroundRunner runner = Executors.sameThread();
        ReviewViewModel vm = new ReviewViewModel(source, store, runner, state,
                () -> Optional.ofNullable(reviewer.get()), clock);
        vm.start();
        return vm;
    }

    @Test
    void flagsNotesAndStatusAreSavedAndFoundAgainByAFreshModel() throws Exception {
        Path db = dir.resolve("reviews.db");
        try (SqliteReviewStore store = SqliteReviewStore.open(db)) {
            AppState state = new AppState(Executors.sameThread(), source);
            ReviewViewModel vm = model(store, state);
            state.open(row("g1"));
            assertTrue(vm.annotate("g1-r2-m10", 310L, "g1-run2", "Possible misconduct", "<script>x</script>"));
            assertTrue(vm.annotate(null, null, null, null, "whole group looks fine"));
            vm.setStatus(ReviewStatus.ESCALATED);
            assertEquals("Escalated · 1 flag", vm.summary("g1").text());
            assertEquals(List.of("g1-run2"), List.copyOf(vm.annotatedRuns()));
        }
        try (SqliteReviewStore store = SqliteReviewStore.open(db)) {
            AppState state = new AppState(Executors.sameThread(), source);
            ReviewViewModel vm = model(store, state);
            assertEquals("Escalated · 1 flag", vm.summary("g1").text(), "the list column knows before opening");
            state.open(row("g1"));
            List<Annotation> flags = vm.forMessage("g1-r2-m10");
            assertEquals(1, flags.size());
            assertEquals("<script>x</script>", flags.get(0).note(), "kept as text, exactly");
            assertEquals("Ana", flags.get(0).reviewer());
            assertEquals(1, vm.groupNotes().size());
            assertEquals(ReviewStatus.ESCALATED, vm.statusProperty().get().status());
            assertEquals(List.of("g1-run2"), List.copyOf(vm.annotatedRuns()), "located by reading the windows");
            assertEquals(Optional.of(310L), vm.nextFlagged(-1, true));
            assertEquals(Optional.of(310L), vm.nextFlagged(310, true), "wraps around to the only flag");
        }
    }

    @Test
    void nextFlaggedStepsInOrderBothWays() throws Exception {
        try (SqliteReviewStore store = SqliteReviewStore.open(dir.resolve("r.db"))) {
            AppState state = new AppState(Executors.sameThread(), source);
            ReviewViewModel vm = model(store, state);
            state.open(row("g1"));
            vm.annotate("g1-r0-m5", 5L, "g1-run0", "OK", "");
            vm.annotate("g1-r1-m0", 150L, "g1-run1", null, "a note");
            vm.annotate("g1-r2-m149", 449L, "g1-run2", "Tool error", "");
            assertEquals(Optional.of(150L), vm.nextFlagged(5, true));
            assertEquals(Optional.of(449L), vm.nextFlagged(150, true));
            assertEquals(Optional.of(5L), vm.nextFlagged(449, true));
            assertEquals(Optional.of(449L), vm.nextFlagged(5, false));
            state.open(row("g2"));
            assertEquals(Optional.empty(), vm.nextFlagged(0, true), "another group has its own flags");
        }
    }

    @Test
    void withoutAReviewerNameNothingIsSaved() throws Exception {
        try (SqliteReviewStore store = SqliteReviewStore.open(dir.resolve("r.db"))) {
            AppState state = new AppState(Executors.sameThread(), source);
            ReviewViewModel vm = model(store, state);
            state.open(row("g2"));
            reviewer.set(null);
            assertFalse(vm.annotate("g2-r0-m1", 1L, "g2-run0", "OK", ""));
            vm.setStatus(ReviewStatus.CLEARED);
            assertTrue(vm.messageProperty().get().contains("reviewer name"), vm.messageProperty().get());
            assertTrue(store.annotations(source.sourceKey(), "g2").isEmpty());
            assertEquals(ReviewStatus.UNREVIEWED, vm.summary("g2").status());
        }
    }

    @Test
    void nextUnreviewedSkipsGroupsWithAStatus() throws Exception {
        try (SqliteReviewStore store = SqliteReviewStore.open(dir.resolve("r.db"))) {
            AppState state = new AppState(Executors.sameThread(), source);
            ReviewViewModel vm = model(store, state);
            List<GroupRow> rows = List.of(row("g1"), row("g2"), row("g3"));
            state.open(rows.get(1));
            vm.setStatus(ReviewStatus.CLEARED);
            assertEquals("g3", vm.nextUnreviewed(rows, 0).orElseThrow().groupId());
            state.open(rows.get(2));
            vm.setStatus(ReviewStatus.IN_REVIEW);
            assertEquals("g1", vm.nextUnreviewed(rows, 2).orElseThrow().groupId());
            state.open(rows.get(0));
            vm.setStatus(ReviewStatus.ESCALATED);
            assertEquals(Optional.empty(), vm.nextUnreviewed(rows, 0));
        }
    }
}
