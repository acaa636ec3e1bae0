package app.glow.inspector.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Reads what a reviewer types: words (all must match), {@code "phrases"}, {@code prefix*},
 * {@code AND}/{@code OR}/{@code NOT}, parentheses, filters such as {@code role:assistant},
 * {@code model:gpt-4o}, {@code template:grade_rubric}, {@code file:main.py}, {@code group:...}
 * (name words or exact id) and {@code date:[2026-01-01 TO 2026-02-01]} (days in the reviewer's zone,
 * both ends included). Anything it cannot read becomes a {@link SearchSyntaxException} whose
 * message says what to change; no parser jargon reaches the reviewer.
 */
public final class SearchQueryParser {
    public static final int MAX_LENGTH = 1000;

    private static final Map<String, String> EXAMPLES = Map.of(Fields.ROLE, "role:assistant",
            Fields.MODEL, "model:gpt-4o", Fields.TEMPLATE, "template:grade_rubric", Fields.FILE, "file:main.py",
            Fields.GROUP_NAME, "group:recursion", Fields.DATE, "date:[2026-01-01 TO 2026-02-01]",
            Fields.AGENT, "agent:sam", Fields.PROFILE, "profile:jordan", Fields.RUN_ID, "run:<run id>",
            Fields.MESSAGE_ID, "message:<message id>");
    private static final Pattern EMPTY_FILTER = Pattern.compile("(?<![\\\\\\w])([\\p{L}_][\\w.]*):(?=\\s|\\)|$)");
    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
    private static final String SPECIAL = "Put words with special characters (+ - ! ( ) { } [ ] ^ \" ~ * ? : \\) "
            + "in quotes.";

    private final Analyzer analyzer;
    private final ZoneId zone;

    public SearchQueryParser(ZoneId zone) {
        this(Fields.analyzer(), zone);
    }

    SearchQueryParser(Analyzer analyzer, ZoneId zone) {
        this.analyzer = analyzer;
        this.zone = zone;
    }

    /** The filters a search may use, for help texts. */
    public static Map<String, String> filterExamples() {
        return EXAMPLES;
    }

    public Query parse(String input) throws SearchSyntaxException {
        String text = prepare(input);
        Parser p = new Parser(analyzer);
        Query q;
        try {
            q = p.parse(text);
        } catch (Readable e) {
            throw new SearchSyntaxException(e.getMessage());
        } catch (ParseException e) {
            throw new SearchSyntaxException(explain(e, text));
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyClauses();
        }
        if (q == null || (q instanceof BooleanQuery b && b.clauses().isEmpty())) {
            throw new SearchSyntaxException("The search has no words left to look for (only punctuation?).");
        }
        if (onlyExclusions(q)) {
            // "NOT role:system" means every message but those, not nothing at all
            BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            ((BooleanQuery) q).clauses().forEach(all::add);
            return all.build();
        }
        return q;
    }

    static SearchSyntaxException tooManyClauses() {
        return new SearchSyntaxException("The search has too many words or alternatives; shorten it.");
    }

    /** Checks what the grammar reports badly, and makes {@code /} plain text (no regular expressions). */
    private static String prepare(String input) throws SearchSyntaxException {
        if (input == null || input.isBlank()) {
            throw new SearchSyntaxException("Type something to search for.");
        }
        if (input.length() > MAX_LENGTH) {
            throw new SearchSyntaxException(String.format("The search is too long (%,d characters); keep it under "
                    + "%,d.", input.length(), MAX_LENGTH));
        }
        StringBuilder out = new StringBuilder(input.length() + 8);
        // the query outside quotes, a quoted part standing as one letter: "file:" alone is empty, "file:"x"" is not
        StringBuilder outside = new StringBuilder(input.length());
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < input.length(); i++) {
            char ch = input.charAt(i);
            if (Character.isISOControl(ch)) {
                ch = ' ';
            }
            if (ch == '\\' && i + 1 < input.length()) {
                out.append(ch).append(input.charAt(++i));
                outside.append(quoted ? "" : "__");
                continue;
            }
            if (ch == '"') {
                quoted = !quoted;
                outside.append(quoted ? "q" : "");
            } else if (!quoted) {
                if (ch == '/') {
                    out.append('\\'); // a path, not the start of a regular expression
                } else if (ch == '(') {
                    depth++;
                } else if (ch == ')' && --depth < 0) {
                    throw new SearchSyntaxException("There is a “)” with no “(” before it.");
                }
                outside.append(ch);
            }
            out.append(ch);
        }
        if (quoted) {
            throw new SearchSyntaxException("A quotation mark is not closed: add the closing \" or remove it.");
        }
        if (depth > 0) {
            throw new SearchSyntaxException("A “(” is not closed: add the closing “)” or remove it.");
        }
        Matcher m = EMPTY_FILTER.matcher(outside);
        if (m.find()) {
            String f = m.group(1);
            String example = EXAMPLES.get(f);
            throw new SearchSyntaxException("“" + f + ":” needs a value"
                    + (example == null ? "." : ", for example " + example + "."));
        }
        return out.toString();
    }

    private static String explain(ParseException e, String text) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("not allowed as first character")) {
            return "A word cannot start with * or ?: put a few letters first (recurs*).";
        }
        if (m.contains("too many boolean clauses")) {
            return tooManyClauses().getMessage();
        }
        Matcher c = COLUMN.matcher(m);
        if (c.find()) {
            int col = Integer.parseInt(c.group(1));
            int from = Math.max(0, Math.min(text.length(), col - 1) - 12);
            String near = text.substring(from, Math.min(text.length(), from + 24)).strip();
            if (near.matches(".*\\b(AND|OR|NOT)\\b.*")) {
                return "AND, OR and NOT join two searches (base AND case); to look for the word itself, write it "
                        + "in lower case.";
            }
            if (!near.isEmpty()) {
                return "The search could not be read near “" + near + "”. " + SPECIAL;
            }
            return "The search ends too early (an operator or filter without anything after it?). " + SPECIAL;
        }
        return "The search could not be read. " + SPECIAL;
    }

    private static boolean onlyExclusions(Query q) {
        if (!(q instanceof BooleanQuery b) || b.clauses().isEmpty()) {
            return false;
        }
        return b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
    }

    /** A parse failure whose message is already meant for the reviewer. */
    private static final class Readable extends ParseException {
        private static final long serialVersionUID = 1L;

        Readable(String message) {
            super(message);
        }
    }

    private final class Parser extends MultiFieldQueryParser {
        Parser(Analyzer analyzer) {
            super(Fields.DEFAULT_FIELDS, analyzer);
            setDefaultOperator(QueryParser.Operator.AND);
            setSplitOnWhitespace(true); // required by the next line; words are split on spaces anyway
            setAutoGeneratePhraseQueries(true);
            setAllowLeadingWildcard(false);
        }

        @Override
        public Query parse(String query) throws ParseException {
            try {
                return super.parse(query);
            } catch (ParseException e) {
                // the base class wraps our own exceptions; unwrap them so their message survives
                Throwable cause = e.getCause();
                if (cause instanceof Readable r) {
                    throw r;
                }
                throw e;
            }
        }

        private void check(String field) throws ParseException {
            if (field != null && !Fields.FILTERS.contains(field)) {
                throw new Readable("There is no filter “" + field + ":”. Filters: "
                        + String.join(", ", Fields.FILTERS) + ". To search for “" + field
                        + ":” as text, put it in quotes.");
            }
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            check(field);
            if (Fields.DATE.equals(field)) {
                return dateRange(queryText, queryText, true, true);
            }
            if (Fields.GROUP_NAME.equals(field)) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                Query words = super.getFieldQuery(field, queryText, quoted);
                if (words != null) {
                    b.add(words, BooleanClause.Occur.SHOULD);
                }
                b.add(new TermQuery(new Term(Fields.GROUP_ID, queryText)), BooleanClause.Occur.SHOULD);
                return b.build();
            }
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            check(field);
            return super.getFieldQuery(field, queryText, slop);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            check(field);
            if (Fields.DATE.equals(field)) {
                return dateRange(part1, part2, startInclusive, endInclusive);
            }
            return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            check(field);
            dateNeedsDay(field);
            return super.getPrefixQuery(field, termStr);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            if ("*".equals(field) && "*".equals(termStr)) {
                return new MatchAllDocsQuery(); // *:* lists every message
            }
            check(field);
            dateNeedsDay(field);
            return super.getWildcardQuery(field, termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            check(field);
            dateNeedsDay(field);
            return super.getFuzzyQuery(field, termStr, minSimilarity);
        }

        private void dateNeedsDay(String field) throws ParseException {
            if (Fields.DATE.equals(field)) {
                throw new Readable("“date:” takes a day, a month, a year or a range, for example "
                        + EXAMPLES.get(Fields.DATE) + ".");
            }
        }

        /** Days, months or years in the reviewer's zone; inclusive ends take the whole period. */
        private Query dateRange(String from, String to, boolean fromInclusive, boolean toInclusive)
                throws ParseException {
            long lo = Long.MIN_VALUE;
            long hi = Long.MAX_VALUE;
            if (from != null) {
                Instant[] p = period(from);
                lo = (fromInclusive ? p[0] : p[1]).toEpochMilli();
            }
            if (to != null) {
                Instant[] p = period(to);
                hi = (toInclusive ? p[1] : p[0]).toEpochMilli() - 1;
            }
            if (lo > hi) {
                throw new Readable("The date range ends before it starts.");
            }
            return LongPoint.newRangeQuery(Fields.TIME, lo, hi);
        }

        /** [start, end) of a year, a month, a day or an instant. */
        private Instant[] period(String text) throws ParseException {
            String t = text.strip();
            try {
                if (t.matches("\\d{4}")) {
                    LocalDate d = LocalDate.of(Integer.parseInt(t), 1, 1);
                    return new Instant[] {start(d), start(d.plusYears(1))};
                }
                if (t.matches("\\d{4}-\\d{2}")) {
                    YearMonth m = YearMonth.parse(t);
                    return new Instant[] {start(m.atDay(1)), start(m.plusMonths(1).atDay(1))};
                }
                if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    LocalDate d = LocalDate.parse(t);
                    return new Instant[] {start(d), start(d.plusDays(1))};
                }
                Instant i = Instant.parse(t);
                return new Instant[] {i, i.plusMillis(1)};
            } catch (java.time.DateTimeException | NumberFormatException e) {
                throw new Readable("“" + t + "” is not a date: write 2026-01-31, 2026-01 or 2026.");
            }
        }

        private Instant start(LocalDate d) {
            return ZonedDateTime.of(d.atStartOfDay(), zone).toInstant();
        }
    }
}
