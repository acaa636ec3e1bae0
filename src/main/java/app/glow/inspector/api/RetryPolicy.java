package app.glow.inspector.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter, a bounded number of attempts, and a bounded total
 * time. A server's {@code Retry-After} is honoured; when it points past the time budget the call
 * gives up at once rather than wait in vain.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotal) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(300), Duration.ofSeconds(8), Duration.ofSeconds(45));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The pause before attempt {@code attempt + 1} after {@code attempt} failed (1-based). */
    public long backoffMillis(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return Math.max(0, retryAfter.toMillis());
        }
        long base = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        long exp = base << Math.min(attempt - 1, 20);
        long capped = Math.min(cap, exp);
        // "Equal jitter": at least half the delay, so retries never collapse to zero.
        long half = capped / 2;
        return half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
    }
}
