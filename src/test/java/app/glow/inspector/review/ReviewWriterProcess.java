package app.glow.inspector.review;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process for {@link ReviewCrashTest}: saves annotations as fast as it can and prints
 * "SAVED id" for each one only after the store returned (committed). Every tenth round is an
 * import of three at once, to be killed inside a multi-row transaction too. Runs until killed.
 */
public final class ReviewWriterProcess {
    static final String KEY = "crash-test";

    private ReviewWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (SqliteReviewStore store = SqliteReviewStore.open(Path.of(args[0]))) {
            for (long i = 0; ; i++) {
                Instant now = Instant.now();
                if (i % 10 == 9) {
                    List<ReviewsFile.Entry> batch = new ArrayList<>();
                    for (int k = 0; k < 3; k++) {
                        Annotation a = Annotation.create(KEY, "g" + (i % 7), "m" + i + "-" + k, "Tool error",
                                "batch " + i, "Crash Tester", now);
                        batch.add(new ReviewsFile.Entry(a.id(), a.groupId(), a.messageId(), a.category(), a.note(),
                                a.reviewer(), now.toString(), now.toString()));
                    }
                    store.importReviews(KEY, new ReviewsFile(ReviewsFile.VERSION, List.of(), batch));
                    for (ReviewsFile.Entry e : batch) {
                        System.out.println("SAVED " + e.groupId() + " " + e.id());
                    }
                } else {
                    Annotation a = Annotation.create(KEY, "g" + (i % 7), "m" + i, "Possible misconduct",
                            "note " + i + " " + "x".repeat((int) (i % 50)), "Crash Tester", now);
                    store.save(a);
                    System.out.println("SAVED " + a.groupId() + " " + a.id());
                }
                System.out.flush();
            }
        }
    }
}
