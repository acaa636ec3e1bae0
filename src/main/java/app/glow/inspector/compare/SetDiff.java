package app.glow.inspector.compare;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Two sets compared: what only the left has, only the right, and both; each in name order. */
public record SetDiff(List<String> onlyLeft, List<String> onlyRight, List<String> both) {
    public SetDiff {
        onlyLeft = List.copyOf(onlyLeft);
        onlyRight = List.copyOf(onlyRight);
        both = List.copyOf(both);
    }

    public static SetDiff of(Collection<String> left, Collection<String> right) {
        TreeSet<String> l = new TreeSet<>(left);
        TreeSet<String> r = new TreeSet<>(right);
        TreeSet<String> both = new TreeSet<>(l);
        both.retainAll(r);
        l.removeAll(both);
        r.removeAll(both);
        return new SetDiff(List.copyOf(l), List.copyOf(r), List.copyOf(both));
    }

    public boolean same() {
        return onlyLeft.isEmpty() && onlyRight.isEmpty();
    }
}
