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

    static String orEmpty(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
