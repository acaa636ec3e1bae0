package app.glow.inspector.search;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The whole value as one token, optionally lower-cased: {@code model:gpt-4o} matches the model
 * named exactly that (not gpt-4o-mini), {@code template:grade_rubric} the template. Lucene core has
 * no keyword tokenizer (it lives in analysis-common), so this is the few lines it takes.
 */
final class KeywordAnalyzer extends Analyzer {
    /** Longer values are cut: ids and names are short, and a token has a hard size limit. */
    static final int MAX_CHARS = 1024;

    private final boolean lowerCase;

    KeywordAnalyzer(boolean lowerCase) {
        this.lowerCase = lowerCase;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer t = new WholeInput();
        return new TokenStreamComponents(t, lowerCase ? new LowerCaseFilter(t) : t);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return lowerCase ? new LowerCaseFilter(in) : in;
    }

    private static final class WholeInput extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final char[] buffer = new char[256];
        private boolean done;
        private int end;

        @Override
        public boolean incrementToken() throws IOException {
            if (done) {
                return false;
            }
            clearAttributes();
            done = true;
            int read = 0;
            int n;
            while ((n = input.read(buffer)) > 0) {
                int keep = Math.min(n, MAX_CHARS - term.length());
                if (keep > 0) {
                    term.append(new String(buffer, 0, keep));
                }
                read += n;
            }
            end = correctOffset(read);
            if (term.length() == 0) {
                return false;
            }
            offset.setOffset(correctOffset(0), correctOffset(Math.min(read, MAX_CHARS)));
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(end, end);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            done = false;
            end = 0;
        }
    }
}
