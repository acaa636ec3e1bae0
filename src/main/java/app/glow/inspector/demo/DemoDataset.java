package app.glow.inspector.demo;

import app.glow.inspector.demo.DemoIds.Type;
import app.glow.inspector.demo.GroupSpec.RunSpec;
import app.glow.inspector.demo.GroupSpec.Trait;
import app.glow.inspector.model.Message;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's groups, derived lazily from (seed, index): nothing is built up front, so 100,000
 * groups start as fast as 500. Group 0 is the newest. A small live overlay holds the runs the
 * live generator has added since start.
 */
final class DemoDataset {
    static final Instant NEWEST = Instant.parse("2026-11-27T16:45:00Z");
    private static final Duration GROUP_GAP = Duration.ofMinutes(11);
    private static final int SPEC_CACHE = 4096;

    final long seed;
    final int groupCount;
    final DemoIds ids;
    private final Map<Integer, List<Instant>> liveRuns = new ConcurrentHashMap<>();
    private final Map<Long, GroupSpec> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, GroupSpec> e) {
                    return size() > SPEC_CACHE;
                }
            });

    DemoDataset(long seed, int groupCount) {
        if (groupCount < 1) {
            throw new IllegalArgumentException("at least one group");
        }
        this.seed = seed;
        this.groupCount = groupCount;
        this.ids = new DemoIds(seed);
    }

    SplittableRandom rng(long... keys) {
        long h = seed;
        for (long k : keys) {
            h = DemoIds.mix(h, k);
        }
        return new SplittableRandom(h);
    }

    // ---- Group headers (cheap: no runs) ----------------------------------------------------

    Instant createdAt(int g) {
        long gap = GROUP_GAP.toMillis();
        long jitter = rng(1, g).nextLong(gap / 2);
        return NEWEST.minusMillis(g * gap + jitter);
    }

    EnumSet<Trait> traits(int g) {
        EnumSet<Trait> t = EnumSet.noneOf(Trait.class);
        Trait pair = DemoComparePair.trait(g, groupCount);
        if (pair != null) {
            t.add(pair);
            return t;
        }
        switch (g) {
            case 0, 8 -> t.add(Trait.RICH_MEDIA);
            case 1 -> t.add(Trait.HUGE_CONVERSATION);
            case 2 -> t.add(Trait.MANY_RUNS);
            case 3 -> t.add(Trait.HUGE_TEXT);
            case 4 -> t.add(Trait.HOSTILE_FILES);
            default -> {
            }
        }
        if (g == 0 || g == 6) {
            t.add(Trait.LIVE);
        }
        if (g > 8) {
            if (g % 97 == 13) {
                t.add(Trait.NO_RUNS);
            }
            if (g % 89 == 7) {
                t.add(Trait.EMPTY_RUNS);
            }
            if (g % 71 == 5) {
                t.add(Trait.UNNAMED_IDS);
            }
            if (g % 53 == 11) {
                t.add(Trait.COST_MISMATCH);
            }
        }
        return t;
    }

    String name(int g) {
        SplittableRandom r = rng(2, g);
        DemoCatalog.Course c = DemoCatalog.COURSES.get(r.nextInt(DemoCatalog.COURSES.size()));
        DemoCatalog.Persona p = DemoCatalog.PERSONAS.get(r.nextInt(DemoCatalog.PERSONAS.size()));
        EnumSet<Trait> t = traits(g);
        if (DemoComparePair.isPair(t)) {
            return DemoComparePair.name(t);
        }
        if (t.contains(Trait.HUGE_CONVERSATION)) {
            return "CS 61A · Exam review marathon with Priya 🎓📚";
        }
        if (t.contains(Trait.MANY_RUNS)) {
            return "CS 162 · Semester of lab help: debugging with Jordan B.";
        }
        if (t.contains(Trait.HUGE_TEXT)) {
            return "CS 162 · Lab help: a crash log pasted in full (Lin)";
        }
        if (t.contains(Trait.HOSTILE_FILES)) {
            return "CS 201 · Grading feedback: oddly named uploads (Tomás)";
        }
        String week = ", week " + (1 + r.nextInt(15));
        return switch (c.scenario()) {
            case OFFICE_HOURS -> c.code() + " · Office hours: " + c.topic() + " with " + p.first() + week;
            case GRADING_FEEDBACK -> c.code() + " · Grading feedback: " + c.topic() + " (" + p.first() + ")" + week;
            case LAB_HELP -> c.code() + " · Lab help: " + c.topic() + " — " + p.first() + week;
        };
    }

    // ---- Full specs --------------------------------------------------------------------------

    GroupSpec spec(int g) {
        if (g < 0 || g >= groupCount) {
            throw new IndexOutOfBoundsException("no group " + g);
        }
        List<Instant> live = liveRuns.getOrDefault(g, List.of());
        long key = ((long) g << 20) | live.size();
        GroupSpec s = cache.get(key);
        if (s == null) {
            s = build(g, live);
            cache.put(key, s);
        }
        return s;
    }

    Optional<GroupSpec> specById(String groupId) {
        return ids.decode(groupId)
                .filter(d -> d.type() == Type.GROUP && d.group() < groupCount)
                .map(d -> spec(d.group()));
    }

    /** Adds one run to a group "now" (the live generator); returns the new run's index. */
    synchronized int addLiveRun(int g, Instant at) {
        List<Instant> next = new ArrayList<>(liveRuns.getOrDefault(g, List.of()));
        next.add(at);
        liveRuns.put(g, List.copyOf(next));
        return spec(g).runs.size() - 1;
    }

    void clearCaches() {
        cache.clear();
    }

    private GroupSpec build(int g, List<Instant> live) {
        SplittableRandom r = rng(2, g);
        DemoCatalog.Course course = DemoCatalog.COURSES.get(r.nextInt(DemoCatalog.COURSES.size()));
        DemoCatalog.Persona persona = DemoCatalog.PERSONAS.get(r.nextInt(DemoCatalog.PERSONAS.size()));
        EnumSet<Trait> traits = traits(g);
        if (traits.contains(Trait.HUGE_CONVERSATION)) {
            course = DemoCatalog.COURSES.get(0);
            persona = DemoCatalog.PERSONAS.get(1);
        } else if (traits.contains(Trait.MANY_RUNS) || traits.contains(Trait.HUGE_TEXT)) {
            course = DemoCatalog.COURSES.get(7);
            persona = DemoCatalog.PERSONAS.get(traits.contains(Trait.MANY_RUNS) ? 4 : 3);
        } else if (traits.contains(Trait.HOSTILE_FILES)) {
            course = DemoCatalog.COURSES.get(5);
            persona = DemoCatalog.PERSONAS.get(6);
        }
        boolean pair = DemoComparePair.isPair(traits);
        if (pair) {
            course = DemoCatalog.COURSES.get(0);
            persona = DemoCatalog.PERSONAS.get(0);
        }
        SplittableRandom s = rng(3, g);
        DemoCatalog.Ta ta = DemoCatalog.TAS.get(s.nextInt(DemoCatalog.TAS.size()));
        DemoCatalog.DemoModel model = DemoCatalog.MODELS.get(s.nextInt(DemoCatalog.MODELS.size()));
        DemoCatalog.DemoModel toolModel = DemoCatalog.MODELS.get(s.nextInt(DemoCatalog.MODELS.size()));
        if (traits.contains(Trait.UNNAMED_IDS)) {
            // A TA who has left and a retired model: their ids appear in runs but no resource names them.
            ta = DemoCatalog.FORMER_TA;
            toolModel = DemoCatalog.RETIRED_MODEL;
        }
        if (pair) {
            ta = DemoCatalog.TAS.get(0);
            model = DemoComparePair.model(traits);
            toolModel = model;
        }
        boolean grading = course.scenario() == DemoCatalog.Scenario.GRADING_FEEDBACK;

        int base;
        int window = 6;
        if (traits.contains(Trait.NO_RUNS)) {
            base = 0;
        } else if (pair) {
            base = DemoComparePair.runs(traits);
            window = 0; // no replayed context: the two sequences are the turns themselves
        } else if (traits.contains(Trait.HUGE_CONVERSATION)) {
            base = 280;
            window = 16;
        } else if (traits.contains(Trait.MANY_RUNS)) {
            base = 500;
            window = 4;
        } else if (traits.contains(Trait.RICH_MEDIA)) {
            base = 6;
        } else {
            base = 1 + s.nextInt(4) + (s.nextInt(4) == 0 ? s.nextInt(14) : s.nextInt(5));
        }
        Instant created = createdAt(g);
        List<RunSpec> runs = new ArrayList<>(base + live.size());
        int ownBefore = 0;
        Instant t = created.plusSeconds(20 + s.nextInt(90));
        for (int k = 0; k < base + live.size(); k++) {
            SplittableRandom rk = rng(4, g, k);
            if (k >= base) {
                t = live.get(k - base);
            } else if (k > 0) {
                t = t.plusSeconds(25 + rk.nextInt(traits.contains(Trait.HUGE_CONVERSATION) ? 40 : 240));
            }
            boolean empty = traits.contains(Trait.EMPTY_RUNS) && k % 3 == 1;
            boolean toolRun = pair ? DemoComparePair.toolRun(k, base)
                    : !empty && (grading ? k % 3 == 2 : rk.nextInt(7) == 0) && k > 0;
            int own = empty ? 0 : (toolRun ? 3 : 2);
            int replay = empty ? 0 : Math.min(window, ownBefore);
            DemoCatalog.DemoModel m = toolRun ? toolModel : model;
            DemoCatalog.Persona agent = toolRun ? DemoCatalog.GRADING_AGENT : persona;

            long system = 380 + rk.nextInt(320);
            long replayTokens = replay * (90L + rk.nextInt(80));
            long fresh = 30 + rk.nextInt(220);
            long cached = k == 0 || empty ? 0 : ((system + replayTokens) / 128) * 128;
            long input = empty ? system : system + replayTokens + fresh - cached;
            long output = empty ? 0 : 60 + rk.nextInt(toolRun ? 300 : 650);
            BigDecimal cost = cost(m, input, cached, output);
            if (traits.contains(Trait.COST_MISMATCH) && k == Math.min(1, base - 1)) {
                // Billed under last term's price list: the audit should flag this group.
                cost = cost.add(new BigDecimal("0.0004125"));
            }
            runs.add(new RunSpec(k, ids.run(g, k), t, input, cached, output, cost, m, agent, ta, toolRun, own,
                    replay, empty, k >= base));
            ownBefore += own;
        }
        return new GroupSpec(g, ids.group(g), name(g), created, course, persona, ta, model, toolModel, traits,
                List.copyOf(runs));
    }

    static BigDecimal cost(DemoCatalog.DemoModel m, long input, long cached, long output) {
        BigDecimal micro = m.input().multiply(BigDecimal.valueOf(input))
                .add(m.cachedInput().multiply(BigDecimal.valueOf(cached)))
                .add(m.output().multiply(BigDecimal.valueOf(output)));
        BigDecimal c = micro.movePointLeft(6).stripTrailingZeros();
        return c.scale() < 0 ? c.setScale(0, RoundingMode.UNNECESSARY) : c;
    }

    // ---- Messages ----------------------------------------------------------------------------

    /** Message {@code pos} of run {@code k}'s whole list. */
    Message message(GroupSpec s, int k, int pos) {
        RunSpec run = s.runs.get(k);
        if (pos == 0) {
            String id = ids.message(s.index, k, 0);
            return new Message(id, "system", List.of(ids.upload(Type.TEXT, s.index, k, 0, 0)), List.of(), List.of(),
                    List.of(), List.of(), List.of());
        }
        if (pos <= run.replayed()) {
            int flat = s.ownPrefix[k] - run.replayed() + (pos - 1);
            int j = s.runOfOwnMessage(flat);
            return ownMessage(s, j, flat - s.ownPrefix[j] + 1);
        }
        return ownMessage(s, k, pos - run.replayed());
    }

    /** Role of own message {@code m} (1-based) of run {@code k}: the TA asks, the persona answers. */
    static String role(RunSpec run, int m) {
        return switch (m) {
            case 1 -> "user";
            case 2 -> "assistant";
            default -> "tool";
        };
    }

    /** Own message {@code m} (1-based) of run {@code k}, with its uploads and calls. */
    Message ownMessage(GroupSpec s, int k, int m) {
        RunSpec run = s.runs.get(k);
        String role = role(run, m);
        UploadCounts n = uploads(s, k, m);
        int g = s.index;
        return new Message(ids.message(g, k, m), role,
                list(Type.TEXT, g, k, m, n.text), list(Type.AUDIO, g, k, m, n.audio),
                list(Type.IMAGE, g, k, m, n.image), list(Type.VIDEO, g, k, m, n.video),
                list(Type.FILE, g, k, m, n.file), DemoToolCalls.of(this, s, k, m));
    }

    private List<String> list(Type type, int g, int k, int m, int count) {
        if (count == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            out.add(ids.upload(type, g, k, m, p));
        }
        return out;
    }

    record UploadCounts(int text, int audio, int image, int video, int file) {
    }

    /** How many uploads of each kind own message m of run k carries (m = 0: the system prompt). */
    UploadCounts uploads(GroupSpec s, int k, int m) {
        if (m == 0 || DemoComparePair.isPair(s.traits)) {
            return new UploadCounts(1, 0, 0, 0, 0);
        }
        RunSpec run = s.runs.get(k);
        SplittableRandom r = rng(5, s.index, k, m);
        int text = r.nextInt(10) == 0 ? 2 : 1;
        int audio = 0;
        int image = 0;
        int video = 0;
        int file = 0;
        boolean rich = s.has(Trait.RICH_MEDIA);
        if (m == 1) {
            image = r.nextInt(rich ? 3 : 14) == 0 ? 1 : 0;
            file = r.nextInt(rich ? 4 : 20) == 0 ? 1 : 0;
        } else if (m == 2 && !run.toolRun()) {
            audio = r.nextInt(rich ? 2 : 16) == 0 ? 1 : 0;
            image = r.nextInt(rich ? 3 : 14) == 0 ? 1 : 0;
            video = r.nextInt(rich ? 4 : 40) == 0 ? 1 : 0;
            file = r.nextInt(rich ? 5 : 25) == 0 ? 1 : 0;
        }
        if (rich && k == 0 && m == 1) {
            image = 1;
            file = 1;
        }
        if (rich && k == 0 && m == 2) {
            audio = 3; // a WAV, an MP3 and an AAC
        }
        if (rich && k == 1 && m == 2) {
            video = 1;
        }
        if (run.live() && m == 2 && !run.toolRun()) {
            image = 1; // the live generator announces this image with GenerationMediaCompleteEvent
        }
        if (s.has(Trait.HUGE_TEXT) && k == Math.min(1, s.runs.size() - 1) && m == 1) {
            text = 2; // the second part is the 1 MB log
        }
        if (s.has(Trait.HOSTILE_FILES) && k == 0 && m == 1) {
            file = DemoMedia.HOSTILE_NAMES.size();
        }
        return new UploadCounts(text, audio, image, video, file);
    }

    // ---- Uploads -------------------------------------------------------------------------------

    /** Where an upload id points, if it is one of this dataset's. */
    record UploadRef(GroupSpec spec, Type kind, int run, int message, int part) {
    }

    Optional<UploadRef> upload(Type kind, String uploadId) {
        Optional<DemoIds.Decoded> d = ids.decode(uploadId);
        if (d.isEmpty() || d.get().type() != kind || d.get().group() >= groupCount) {
            return Optional.empty();
        }
        DemoIds.Decoded x = d.get();
        GroupSpec s = spec(x.group());
        if (x.run() >= s.runs.size()) {
            return Optional.empty();
        }
        RunSpec run = s.runs.get(x.run());
        if (run.empty() || x.message() > run.ownMessages()) {
            return Optional.empty();
        }
        UploadCounts n = uploads(s, x.run(), x.message());
        int count = switch (kind) {
            case TEXT -> n.text();
            case AUDIO -> n.audio();
            case IMAGE -> n.image();
            case VIDEO -> n.video();
            case FILE -> n.file();
            default -> 0;
        };
        if (x.part() >= count) {
            return Optional.empty();
        }
        return Optional.of(new UploadRef(s, kind, x.run(), x.message(), x.part()));
    }
}
