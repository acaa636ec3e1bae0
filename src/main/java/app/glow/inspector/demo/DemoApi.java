package app.glow.inspector.demo;

import app.glow.inspector.demo.GroupSpec.RunSpec;
import app.glow.inspector.model.AgentRef;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.ModelRef;
import app.glow.inspector.model.Pricing;
import app.glow.inspector.model.ProfileRef;
import app.glow.inspector.model.Run;
import app.glow.inspector.model.RunWithMessages;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the contract's responses from the dataset. No HTTP here. */
final class DemoApi {
    /** A request the contract refuses: becomes 400 invalid_request. */
    static final class InvalidRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidRequest(String message) {
            super(message);
        }
    }

    final DemoDataset data;
    private final PageTokens tokens;
    private final int messageCap;
    private final Map<String, Long> filteredCounts = new ConcurrentHashMap<>();

    DemoApi(DemoDataset data, PageTokens tokens, int messageCap) {
        this.data = data;
        this.tokens = tokens;
        this.messageCap = messageCap;
    }

    GroupIdentity lean(String groupId) {
        return data.specById(groupId)
                .map(s -> new GroupIdentity(true, s.id, s.name, DemoCatalog.ACTOR))
                .orElseGet(() -> new GroupIdentity(false, groupId, null, null));
    }

    /** The detail tree with messages [offset, offset + limit) of the whole sequence. */
    GroupDetail detail(String groupId, Integer offset, Integer limit, boolean capped) {
        var found = data.specById(groupId);
        if (found.isEmpty()) {
            return new GroupDetail(false, groupId, null, null, 0, List.of(), List.of(), List.of(), List.of());
        }
        GroupSpec s = found.get();
        long total = s.totalMessages();
        long from = Math.min(offset == null ? 0 : offset, total);
        long size = limit == null ? total : limit;
        if (capped) {
            size = Math.min(size, messageCap);
        }
        long to = Math.min(total, from + size);
        List<RunWithMessages> runs = new ArrayList<>(s.runs.size());
        for (RunSpec r : s.runs) {
            long start = s.messagePrefix[r.index()];
            long end = s.messagePrefix[r.index() + 1];
            long a = Math.max(from, start);
            long b = Math.min(to, end);
            List<Message> msgs = new ArrayList<>(Math.max(0, (int) (b - a)));
            for (long p = a; p < b; p++) {
                msgs.add(data.message(s, r.index(), (int) (p - start)));
            }
            runs.add(new RunWithMessages(run(r), msgs, r.previousContextStartIndex()));
        }
        Resources res = new Resources();
        res.add(s);
        return new GroupDetail(true, s.id, s.name, DemoCatalog.ACTOR, total, runs, res.models(), res.agents(),
                res.profiles());
    }

    static Run run(RunSpec r) {
        return new Run(r.id(), r.createdAt(), r.inputTokens(), r.outputTokens(), r.cachedInputTokens(), r.cost(),
                r.model().id(), r.agent().id(), r.profile().id());
    }

    GroupSummary summary(GroupSpec s) {
        long in = 0;
        long out = 0;
        long cached = 0;
        BigDecimal cost = BigDecimal.ZERO;
        Map<String, Boolean> models = new LinkedHashMap<>();
        Map<String, Boolean> agents = new LinkedHashMap<>();
        Map<String, Boolean> profiles = new LinkedHashMap<>();
        for (RunSpec r : s.runs) {
            in += r.inputTokens();
            out += r.outputTokens();
            cached += r.cachedInputTokens();
            cost = cost.add(r.cost());
            models.put(r.model().id(), true);
            agents.put(r.agent().id(), true);
            profiles.put(r.profile().id(), true);
        }
        return new GroupSummary(s.id, s.name, s.createdAt, s.updatedAt(), s.runs.size(), s.totalMessages(), in, out,
                cached, cost, List.copyOf(models.keySet()), List.copyOf(agents.keySet()),
                List.copyOf(profiles.keySet()));
    }

    /** One page, newest first. Dates bound created_at: after inclusive, before exclusive. */
    GroupsPage page(Integer pageSize, String pageToken, String query, Instant after, Instant before) {
        int size = pageSize == null ? 25 : pageSize;
        if (size < 1 || size > 500) {
            throw new InvalidRequest("page_size must be between 1 and 500.");
        }
        String q = query == null || query.isBlank() ? null : query.toLowerCase(Locale.ROOT);
        String a = after == null ? null : after.toString();
        String b = before == null ? null : before.toString();
        // created_at falls with the index, so [lo, hi) holds exactly after <= created_at < before.
        int lo = before == null ? 0 : firstIndexCreatedBefore(before);
        int hi = after == null ? data.groupCount : firstIndexCreatedBefore(after);
        int start = lo;
        if (pageToken != null) {
            PageTokens.Position p = tokens.decode(pageToken).orElseThrow(() -> new InvalidRequest(
                    "page_token is not valid: it is stale (the server restarted) or was altered."));
            if (!PageTokens.sameFilter(p, q, a, b)) {
                throw new InvalidRequest("page_token belongs to a different query or date range.");
            }
            start = Math.max(lo, p.next());
        }
        List<GroupSummary> rows = new ArrayList<>(size);
        Resources res = new Resources();
        int i = start;
        for (; i < hi && rows.size() < size; i++) {
            if (q != null && !data.name(i).toLowerCase(Locale.ROOT).contains(q)) {
                continue;
            }
            GroupSpec s = data.spec(i);
            rows.add(summary(s));
            res.add(s);
        }
        if (q != null) {
            while (i < hi && !data.name(i).toLowerCase(Locale.ROOT).contains(q)) {
                i++; // so the last page says it is the last
            }
        }
        String next = i < hi ? tokens.encode(new PageTokens.Position(i, q, a, b)) : null;
        long total = q == null ? Math.max(0, hi - lo) : countMatching(q, lo, hi);
        return new GroupsPage(rows, next, total, res.models(), res.agents(), res.profiles(), res.pricing());
    }

    private long countMatching(String q, int lo, int hi) {
        return filteredCounts.computeIfAbsent(q + "\u001f" + lo + "\u001f" + hi, k -> {
            long n = 0;
            for (int i = lo; i < hi; i++) {
                if (data.name(i).toLowerCase(Locale.ROOT).contains(q)) {
                    n++;
                }
            }
            return n;
        });
    }

    /** The first index whose created_at is strictly before t (created_at falls with the index). */
    private int firstIndexCreatedBefore(Instant t) {
        int lo = 0;
        int hi = data.groupCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (data.createdAt(mid).isBefore(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    void clearCaches() {
        filteredCounts.clear();
        data.clearCaches();
    }

    /** The resources of a page or a group: every named id once, in first-seen order. */
    static final class Resources {
        private final Map<String, DemoCatalog.DemoModel> models = new LinkedHashMap<>();
        private final Map<String, DemoCatalog.Persona> agents = new LinkedHashMap<>();
        private final Map<String, DemoCatalog.Ta> profiles = new LinkedHashMap<>();

        void add(GroupSpec s) {
            for (RunSpec r : s.runs) {
                if (DemoCatalog.isNamed(r.model().id())) {
                    models.putIfAbsent(r.model().id(), r.model());
                }
                agents.putIfAbsent(r.agent().id(), r.agent());
                if (DemoCatalog.isNamed(r.profile().id())) {
                    profiles.putIfAbsent(r.profile().id(), r.profile());
                }
            }
        }

        List<ModelRef> models() {
            return map(models.values(), DemoCatalog.DemoModel::ref);
        }

        List<AgentRef> agents() {
            return map(agents.values(), DemoCatalog.Persona::ref);
        }

        List<ProfileRef> profiles() {
            return map(profiles.values(), DemoCatalog.Ta::ref);
        }

        List<Pricing> pricing() {
            return map(models.values(), DemoCatalog.DemoModel::pricing);
        }

        private static <A, B> List<B> map(Collection<A> in, java.util.function.Function<A, B> f) {
            List<B> out = new ArrayList<>(in.size());
            for (A a : in) {
                out.add(f.apply(a));
            }
            return out;
        }
    }
}
