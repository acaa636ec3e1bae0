package app.glow.inspector.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a reviewer types becomes the intended query, and anything unreadable a sentence, never jargon. */
class SearchQueryParserTest {
    final SearchQueryParser parser = new SearchQueryParser(ZoneOffset.UTC);

    @Test
    void wordsMustAllMatchAcrossTheDefaultFields() throws Exception {
        String q = parser.parse("base case").toString();
        assertTrue(q.contains("+(text:base"), q);
        assertTrue(q.contains("+(text:case"), q);
        assertTrue(q.contains("file:base"), q);
    }

    @Test
    void filtersUseTheirOwnAnalysis() throws Exception {
        assertEquals("model:gpt-4o", parser.parse("model:GPT-4o").toString(), "a model is one whole, lower-cased value");
        assertEquals("template:grade_rubric", parser.parse("template:grade_rubric").toString());
        assertEquals("role:assistant", parser.parse("role:Assistant").toString());
        assertEquals("file:\"rubrics cs61a hw3 md\"", parser.parse("file:rubrics/cs61a/hw3.md").toString(),
                "a path is a phrase of its parts, not a regular expression");
        assertEquals("model:gpt*", parser.parse("model:GPT*").toString());
        String g = parser.parse("group:4f1c-77").toString();
        assertTrue(g.contains("group:\"4f1c 77\"") && g.contains("group_id:4f1c-77"), g);
    }

    @Test
    void dateRangesCoverWholeDaysInTheReviewersZone() throws Exception {
        Query q = parser.parse("date:[2026-01-01 TO 2026-01-31]");
        long from = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2026-02-01T00:00:00Z").toEpochMilli() - 1;
        assertEquals(LongPoint.newRangeQuery(Fields.TIME, from, to), q);
        Query day = new SearchQueryParser(ZoneOffset.ofHours(2)).parse("date:2026-03-05");
        assertEquals(LongPoint.newRangeQuery(Fields.TIME, Instant.parse("2026-03-04T22:00:00Z").toEpochMilli(),
                Instant.parse("2026-03-05T22:00:00Z").toEpochMilli() - 1), day);
        Query open = parser.parse("date:[2026-11 TO *]");
        assertEquals(LongPoint.newRangeQuery(Fields.TIME, Instant.parse("2026-11-01T00:00:00Z").toEpochMilli(),
                Long.MAX_VALUE), open);
    }

    @Test
    void aSearchOfOnlyExclusionsMeansEverythingElse() throws Exception {
        assertEquals("+*:* -role:system", parser.parse("NOT role:system").toString());
        assertEquals("file:\"final final\"", parser.parse("file:\"final FINAL\"").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced", "*", "role:", "role: assistant", "(base case", "base case)", "foo\\",
        "date:[2026-13-01 TO 2026-14-01]", "date:soon", "nosuchfilter:x", "AND", "OR OR", "[a TO", "\"\"",
        "---", "~", "date:2026*", "   ", "a:b:c", "!", "{}", "^2", "date:[2026-02-01 TO 2026-01-01]",
        "*:foo", "?x", "group:"})
    void hostileSearchesGiveAReadableSentence(String input) {
        SearchSyntaxException e = assertThrows(SearchSyntaxException.class, () -> parser.parse(input));
        assertReadable(e.getMessage());
    }

    @Test
    void hugeInputIsRefusedBeforeParsing() {
        String huge = "word ".repeat(100_000);
        SearchSyntaxException e = assertThrows(SearchSyntaxException.class, () -> parser.parse(huge));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
        assertReadable(e.getMessage());
    }

    @Test
    void specificMistakesSaySpecificThings() {
        assertTrue(message("\"base case").contains("quotation mark"));
        assertTrue(message("role:").contains("role:assistant"));
        assertTrue(message("*").contains("cannot start with *"));
        assertTrue(message("colour:red").contains("no filter “colour:”"));
        assertTrue(message("date:tomorrow").contains("not a date"));
        assertTrue(message("base AND").contains("AND, OR and NOT join"));
    }

    @Test
    void quotedOrEscapedSpecialCharactersAreText() throws Exception {
        assertTrue(parser.parse("\"note: this\"").toString().contains("\"note this\""));
        assertTrue(parser.parse("a\\:b").toString().contains("a:b"));
        assertFalse(parser.parse("http\\://x.org/a").toString().isEmpty());
    }

    private String message(String input) {
        return assertThrows(SearchSyntaxException.class, () -> parser.parse(input)).getMessage();
    }

    static void assertReadable(String m) {
        assertFalse(m == null || m.isBlank());
        for (String jargon : new String[] {"Exception", "Lexical", "Encountered", "<EOF>", "Cannot parse",
            "TooManyClauses", "expecting"}) {
            assertFalse(m.contains(jargon), "jargon in: " + m);
        }
        assertTrue(m.length() < 300, m);
    }
}
