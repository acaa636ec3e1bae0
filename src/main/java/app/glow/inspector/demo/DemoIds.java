package app.glow.inspector.demo;

import java.util.Locale;
import java.util.Optional;

/**
 * The demo's ids: UUID-shaped strings that encode what they name (kind, group, run, message,
 * part) plus a keyed check, so any id can be resolved lazily and a forged one is simply unknown.
 * Clients treat them as opaque, as the contract says.
 */
final class DemoIds {
    enum Type {
        GROUP(1), RUN(2), MESSAGE(3), CALL(4), TEXT(5), AUDIO(6), IMAGE(7), VIDEO(8), FILE(9);

        final int code;

        Type(int code) {
            this.code = code;
        }

        static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    /** What an id names: group index, run index, message position, part. */
    record Decoded(Type type, int group, int run, int message, int part) {
    }

    /** An odd multiplier and its inverse mod 2^32: neighbouring groups get unrelated-looking ids. */
    private static final int SPREAD = 0x9E3779B1;
    private static final int UNSPREAD = 0x0e8b2f51;

    private final long seed;

    DemoIds(long seed) {
        this.seed = seed;
    }

    String group(int g) {
        return encode(Type.GROUP, g, 0, 0, 0);
    }

    String run(int g, int r) {
        return encode(Type.RUN, g, r, 0, 0);
    }

    String message(int g, int r, int m) {
        return encode(Type.MESSAGE, g, r, m, 0);
    }

    String call(int g, int r, int m, int part) {
        return encode(Type.CALL, g, r, m, part);
    }

    String upload(Type kind, int g, int r, int m, int part) {
        return encode(kind, g, r, m, part);
    }

    String encode(Type t, int g, int r, int m, int part) {
        if (r > 0xffff || m > 0xfff || part > 0xff) {
            throw new IllegalArgumentException("id field out of range");
        }
        // Masks keyed on the other fields make sibling ids look unrelated, as real UUIDs do.
        int rm = r ^ rMask(t.code, part, m);
        int gm = (g * SPREAD) ^ gMask(t.code, part, m, r);
        return String.format(Locale.ROOT, "%08x-%04x-4%01x%02x-8%03x-%012x", gm, rm, t.code, part, m,
                check(t, g, r, m, part));
    }

    Optional<Decoded> decode(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            String[] s = id.split("-");
            if (s.length != 5 || s[2].charAt(0) != '4' || s[3].charAt(0) != '8') {
                return Optional.empty();
            }
            Type t = Type.of(Character.digit(s[2].charAt(1), 16));
            if (t == null) {
                return Optional.empty();
            }
            int part = Integer.parseInt(s[2].substring(2), 16);
            int m = Integer.parseInt(s[3].substring(1), 16);
            int r = Integer.parseInt(s[1], 16) ^ rMask(t.code, part, m);
            int g = ((int) Long.parseLong(s[0], 16) ^ gMask(t.code, part, m, r)) * UNSPREAD;
            if (g < 0 || Long.parseLong(s[4], 16) != check(t, g, r, m, part)) {
                return Optional.empty();
            }
            return Optional.of(new Decoded(t, g, r, m, part));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private int rMask(int t, int part, int m) {
        return (int) (mix(mix(seed, 0xabc + t), part * 4096L + m) & 0xffff);
    }

    private int gMask(int t, int part, int m, int r) {
        return (int) mix(mix(mix(seed, 0x5eed + t), part * 4096L + m), r);
    }

    private long check(Type t, int g, int r, int m, int part) {
        long h = mix(seed, t.code);
        h = mix(h, g);
        h = mix(h, r);
        h = mix(h, m);
        h = mix(h, part);
        return h & 0xffff_ffff_ffffL;
    }

    /** SplitMix64-style mixing: cheap, deterministic, well spread. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
