package app.glow.inspector.search;

/** A search the parser cannot read; the message is one sentence a reviewer can act on. */
public final class SearchSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public SearchSyntaxException(String message) {
        super(message);
    }
}
