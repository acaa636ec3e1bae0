package app.glow.inspector.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * One search over one searcher: the best {@code maxHits} messages with snippets, and every match
 * counted per group (doc values, no stored field read), then grouped best group first.
 */
final class QueryRunner {
    /** Characters of a message the highlighter looks at; the indexer keeps messages below this. */
    static final int HIGHLIGHT_CHARS = 1 << 20;

    private static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(Fields.GROUP_ID, Fields.GROUP_NAME,
            Fields.MESSAGE_ID, Fields.RUN_ID, Fields.ROLE, Fields.TIME, Fields.POSITION);

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    QueryRunner(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
    }

    SearchResults run(String text, Query userQuery, int maxHits) throws IOException {
        long t0 = System.nanoTime();
        Query q = new BooleanQuery.Builder().add(userQuery, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_MESSAGE)), BooleanClause.Occur.FILTER).build();
        int n = Math.max(1, maxHits);
        Object[] r = searcher.search(q, new MultiCollectorManager(new TopScoreDocCollectorManager(n, 1000),
                new GroupCountManager()));
        TopDocs top = (TopDocs) r[0];
        @SuppressWarnings("unchecked")
        Map<String, Integer> counts = (Map<String, Integer>) r[1];
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();

        int[] docs = new int[top.scoreDocs.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = top.scoreDocs[i].doc;
        }
        Object[] snippets = docs.length == 0 ? new Object[0]
                : new Highlighter(searcher, analyzer).snippets(userQuery, docs);
        Map<String, List<SearchHit>> byGroup = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < docs.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            Document d = stored.document(sd.doc, HIT_FIELDS); // not the text: it can be a megabyte
            IndexableField time = d.getField(Fields.TIME);
            IndexableField position = d.getField(Fields.POSITION);
            Snippet snippet = snippets[i] instanceof Snippet s ? s : Snippet.EMPTY;
            SearchHit hit = new SearchHit(d.get(Fields.GROUP_ID), d.get(Fields.GROUP_NAME), d.get(Fields.MESSAGE_ID),
                    d.get(Fields.RUN_ID), d.get(Fields.ROLE),
                    time == null ? null : Instant.ofEpochMilli(time.numericValue().longValue()),
                    position == null ? -1 : position.numericValue().longValue(), snippet, sd.score);
            byGroup.computeIfAbsent(hit.groupId(), k -> new ArrayList<>()).add(hit);
            names.putIfAbsent(hit.groupId(), hit.groupName());
        }
        List<GroupHits> groups = new ArrayList<>(byGroup.size());
        byGroup.forEach((id, hits) -> groups.add(new GroupHits(id, names.get(id), counts.getOrDefault(id, hits.size()),
                hits)));
        return new SearchResults(text, total, groups, counts, total > docs.length,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The highlighter, with the snippet as an object (its protected method made reachable). */
    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(IndexSearcher searcher, Analyzer analyzer) {
            // the whole message is one passage and the formatter cuts a window around the first match:
            // a sentence break iterator over a 1 MB log costs more than the search itself
            super(UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new SnippetFormatter())
                    .withBreakIterator(WholeBreakIterator::new).withMaxLength(HIGHLIGHT_CHARS)
                    .withWeightMatches(false) // term by term: much cheaper for prefixes; the formatter joins phrases
                    .withMaxNoHighlightPassages(1));
        }

        Object[] snippets(Query q, int[] docs) throws IOException {
            Map<String, Object[]> m = highlightFieldsAsObjects(new String[] {Fields.TEXT}, q, docs, new int[] {1});
            return m.get(Fields.TEXT);
        }
    }

    /** Counts matching messages per group id, for every match (not only the loaded hits). */
    private static final class GroupCountManager implements CollectorManager<GroupCounter, Map<String, Integer>> {
        @Override
        public GroupCounter newCollector() {
            return new GroupCounter();
        }

        @Override
        public Map<String, Integer> reduce(Collection<GroupCounter> collectors) throws IOException {
            Map<String, Integer> out = new HashMap<>();
            for (GroupCounter c : collectors) {
                c.addTo(out);
            }
            return out;
        }
    }

    private static final class GroupCounter implements Collector {
        private record Leaf(SortedDocValues values, int[] perOrd) {
        }

        private final List<Leaf> leaves = new ArrayList<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedDocValues dv = DocValues.getSorted(context.reader(), Fields.GROUP_ID);
            Leaf leaf = new Leaf(dv, new int[dv.getValueCount()]);
            leaves.add(leaf);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counts need no scores
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (dv.advanceExact(doc)) {
                        leaf.perOrd()[dv.ordValue()]++;
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        void addTo(Map<String, Integer> out) throws IOException {
            for (Leaf l : leaves) {
                for (int ord = 0; ord < l.perOrd().length; ord++) {
                    if (l.perOrd()[ord] > 0) {
                        out.merge(l.values().lookupOrd(ord).utf8ToString(), l.perOrd()[ord], Integer::sum);
                    }
                }
            }
        }
    }
}
