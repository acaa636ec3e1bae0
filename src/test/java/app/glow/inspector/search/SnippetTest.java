package app.glow.inspector.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A snippet is plain text with offsets: markup in a message stays text in every rendering. */
class SnippetTest {
    @Test
    void matchesAreMarkedAndMessageMarkupIsEscaped() {
        Snippet s = new Snippet("<b>base</b> case & co", List.of(new Snippet.Span(3, 7), new Snippet.Span(12, 16)));
        assertEquals("<b>[base]</b> [case] & co", s.marked("[", "]"));
        assertEquals("&lt;b&gt;<mark>base</mark>&lt;/b&gt; <mark>case</mark> &amp; co", s.html());
        assertEquals("", Snippet.EMPTY.html());
    }
}
