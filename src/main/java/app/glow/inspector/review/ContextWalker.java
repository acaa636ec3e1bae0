package app.glow.inspector.review;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.source.Cancellation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Walks a group's messages window by window (never all at once) and hands over each wanted
 * message with the {@link #AROUND} messages before and after it. A message replayed as context in
 * a later run is the same turn again, so only its first appearance counts, and the walk stops as
 * soon as every wanted message has been handed over.
 */
final class ContextWalker {
    static final int AROUND = 2;
    static final int WINDOW = 200;

    /** One message in the group's sequence of distinct turns (1-based position) and its run. */
    record Turn(int position, Message message, Run run) {
    }

    /** A wanted message with its context. */
    record Found(List<Turn> before, Turn turn, List<Turn> after) {
    }

    interface Sink {
        void accept(Found found) throws Exception;
    }

    private ContextWalker() {
    }

    /**
     * @param first  the group's first window (offset 0), already fetched
     * @param window how many messages to ask for at a time
     * @param wanted message ids to find; those found are removed from it
     */
    static void walk(GroupSource source, GroupDetail first, int window, Set<String> wanted, Sink sink,
                     Cancellation c) throws Exception {
        if (wanted.isEmpty()) {
            return;
        }
        Deque<Turn> before = new ArrayDeque<>();
        List<Pending> pending = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int position = 0;
        long offset = 0;
        GroupDetail current = first;
        while (true) {
            c.throwIfCancelled();
            int inWindow = 0;
            for (RunWithMessages rm : current.runs()) {
                for (Message m : rm.messages()) {
                    inWindow++;
                    if (m.id() != null && !seen.add(m.id())) {
                        continue;
                    }
                    Turn t = new Turn(++position, m, rm.run());
                    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                        Pending p = it.next();
                        p.after.add(t);
                        if (p.after.size() == AROUND) {
                            sink.accept(new Found(p.before, p.turn, p.after));
                            it.remove();
                        }
                    }
                    if (m.id() != null && wanted.remove(m.id())) {
                        pending.add(new Pending(List.copyOf(before), t, new ArrayList<>()));
                    }
                    before.addLast(t);
                    if (before.size() > AROUND) {
                        before.removeFirst();
                    }
                }
            }
            offset += inWindow;
            boolean done = wanted.isEmpty() && pending.isEmpty();
            if (done || inWindow == 0 || offset >= current.totalMessageCount()) {
                break;
            }
            current = source.detail(first.groupId(), (int) Math.min(Integer.MAX_VALUE, offset), window, c);
        }
        for (Pending p : pending) {
            sink.accept(new Found(p.before, p.turn, p.after));
        }
    }

    private record Pending(List<Turn> before, Turn turn, List<Turn> after) {
    }
}
