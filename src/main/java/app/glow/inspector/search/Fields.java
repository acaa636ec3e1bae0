package app.glow.inspector.search;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The index's fields, and the analyzer of each. One document per message ({@link #KIND} = message)
 * plus one per group holding its fingerprint ({@link #KIND} = group).
 */
final class Fields {
    /** Bumped when the fields change: an index of another schema is a stale cache and is rebuilt. */
    static final String SCHEMA = "2";

    static final String KIND = "kind";
    static final String KIND_MESSAGE = "message";
    static final String KIND_GROUP = "group";

    /** Exact ids (case-sensitive, not analyzed). */
    static final String GROUP_ID = "group_id";
    static final String MESSAGE_ID = "message";
    static final String RUN_ID = "run";

    /** Words of the group name; the query filter {@code group:} also matches the exact id. */
    static final String GROUP_NAME = "group";
    static final String TEXT = "text";
    /** Lower-cased whole values. */
    static final String ROLE = "role";
    static final String MODEL = "model";
    static final String TEMPLATE = "template";
    /** Words of names and ids. */
    static final String AGENT = "agent";
    static final String PROFILE = "profile";
    /** Tool-call file paths and upload file names, as words ({@code file:main.py}). */
    static final String FILE = "file";
    /** Message time (the run's), epoch milliseconds: a point for ranges, stored for display. */
    static final String TIME = "time";
    /** Where the message first appears in its group's message sequence (0-based), stored only. */
    static final String POSITION = "position";
    /** The query filter for {@link #TIME}; not an indexed field. */
    static final String DATE = "date";

    /** Stored on group documents. */
    static final String FINGERPRINT = "fingerprint";
    static final String MESSAGE_COUNT = "messages";

    /** The filters a query may name, in the order the help lists them. */
    static final List<String> FILTERS = List.of(ROLE, MODEL, TEMPLATE, FILE, GROUP_NAME, AGENT, PROFILE, DATE,
            RUN_ID, MESSAGE_ID, TEXT);

    /** Words without a filter search these. */
    static final String[] DEFAULT_FIELDS = {TEXT, FILE, TEMPLATE, GROUP_NAME};

    private Fields() {
    }

    static Analyzer analyzer() {
        Analyzer keyword = new KeywordAnalyzer(true);
        Analyzer exact = new KeywordAnalyzer(false);
        Analyzer words = new StandardAnalyzer();
        Map<String, Analyzer> perField = Map.of(ROLE, keyword, MODEL, keyword, TEMPLATE, keyword,
                GROUP_ID, exact, MESSAGE_ID, exact, RUN_ID, exact, KIND, exact);
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return perField.getOrDefault(fieldName, words);
            }
        };
    }
}
