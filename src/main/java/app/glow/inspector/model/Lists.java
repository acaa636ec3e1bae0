package app.glow.inspector.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Null-tolerant list copies: the contract lets a server omit any array. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> in) {
        if (in == null || in.isEmpty()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(in.size());
        for (T t : in) {
            if (t != null) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** A copy whose strings are interned: for ids that repeat across many records. */
    static List<String> interned(List<String> in) {
        if (in == null || in.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(in.size());
        for (String s : in) {
            if (s != null) {
                out.add(s.intern());
            }
        }
        return List.copyOf(out);
    }

    static String orEmpty(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
