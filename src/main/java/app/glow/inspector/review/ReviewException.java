package app.glow.inspector.review;

/** The review database could not be read or written; the message says what and what to do. */
public final class ReviewException extends Exception {
    public ReviewException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReviewException(String message) {
        super(message);
    }
}
