package app.glow.inspector.demo;

import app.glow.inspector.demo.GroupSpec.RunSpec;
import app.glow.inspector.demo.GroupSpec.Trait;
import app.glow.inspector.model.ToolCall;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Two demo groups for the compare view: the same office-hours scenario (CS 61A recursion with Sam)
 * under two models. The right one has one inserted turn (its run 3) and a reworded system prompt,
 * and its grading run calls one different tool. They take the last two indexes of the generated
 * list (the oldest groups), so every other group stays exactly as it was.
 */
final class DemoComparePair {
    /** Below this many groups there is no room for the pair without touching the special groups 0..8. */
    static final int MIN_GROUPS = 12;
    static final int RUNS_LEFT = 4;
    /** The run of the right group that the left one does not have. */
    static final int INSERTED_RUN = 2;

    private DemoComparePair() {
    }

    /** The pair's trait for group {@code g}, or null when it is not one of the pair. */
    static Trait trait(int g, int groupCount) {
        if (groupCount < MIN_GROUPS) {
            return null;
        }
        if (g == groupCount - 2) {
            return Trait.COMPARE_LEFT;
        }
        return g == groupCount - 1 ? Trait.COMPARE_RIGHT : null;
    }

    static boolean isPair(EnumSet<Trait> traits) {
        return traits.contains(Trait.COMPARE_LEFT) || traits.contains(Trait.COMPARE_RIGHT);
    }

    static boolean isRight(GroupSpec s) {
        return s.has(Trait.COMPARE_RIGHT);
    }

    static String name(EnumSet<Trait> traits) {
        if (traits.contains(Trait.COMPARE_LEFT)) {
            return "CS 61A · Office hours: recursion with Sam (model comparison A: gpt-4o-mini)";
        }
        return "CS 61A · Office hours: recursion with Sam (model comparison B: claude-sonnet-4)";
    }

    static DemoCatalog.DemoModel model(EnumSet<Trait> traits) {
        return DemoCatalog.MODELS.get(traits.contains(Trait.COMPARE_LEFT) ? 0 : 3);
    }

    static int runs(EnumSet<Trait> traits) {
        return traits.contains(Trait.COMPARE_LEFT) ? RUNS_LEFT : RUNS_LEFT + 1;
    }

    /** The last run looks up the rubric with tools, on both sides. */
    static boolean toolRun(int k, int base) {
        return k == base - 1;
    }

    private static final String LEFT_PROMPT = "You are Sam, a student in CS 61A (Structure and Interpretation). "
            + "Persona: stuck on recursion. You are talking to Jordan Lee, a teaching assistant, about recursion. "
            + "Stay in character: make the mistakes this student would make, ask the questions they would ask, "
            + "and do not solve the problem unless the TA guides you there. Never mention that you are an AI.";
    /** The left prompt with a few words changed: what the word diff should highlight. */
    static final String RIGHT_PROMPT = "You are Sam, a student in CS 61A (Structure and Interpretation). "
            + "Persona: stuck on recursion. You are talking to Jordan Lee, a teaching assistant, about recursion. "
            + "Stay in character: make the small mistakes this student would make, ask short questions, "
            + "and do not solve the problem unless the TA guides you there. Never mention that you are an AI.";
    static final String INSERTED_USER = "Quick detour, Sam: what is a stack frame, in one sentence?";
    static final String INSERTED_ASSISTANT = "Um… it's like a box that holds one call's variables until it returns?";

    private static final List<String> TA = List.of(
            "Hi Sam, welcome to office hours! What would you like to work on today?",
            "Okay, before we look at your code: can you tell me in your own words what recursion means?",
            "Good start. Let's trace a small example together. What happens when the input is 3?");
    private static final List<String> STUDENT = List.of(
            "Hi… so I've been stuck on the recursion question for two hours. I don't know where to start.",
            "I think recursion is when the function calls itself? But I don't get how it knows when to stop.",
            "If it's 3 then it calls itself with 2, then 1, then 0? And then it keeps going forever?");

    /** The run of the left group that run {@code k} of this group matches (-1: the inserted run). */
    static int scriptRun(GroupSpec s, int k) {
        if (!isRight(s) || k < INSERTED_RUN) {
            return k;
        }
        return k == INSERTED_RUN ? -1 : k - 1;
    }

    static String text(GroupSpec s, int k, int m) {
        RunSpec run = s.runs.get(k);
        if (m == 0) {
            return run.toolRun() ? DemoConversation.systemPrompt(s, run) : isRight(s) ? RIGHT_PROMPT : LEFT_PROMPT;
        }
        int script = scriptRun(s, k);
        if (script < 0) {
            return m == 1 ? INSERTED_USER : INSERTED_ASSISTANT;
        }
        if (run.toolRun()) {
            return switch (m) {
                case 1 -> "Please check my HW 4 answer against the rubric.";
                case 2 -> "I checked the rubric and your submission: the base case for n == 0 is missing.";
                default -> "Rubric: correctness 10, edge cases 4, style 3, tests 3.";
            };
        }
        return (m == 1 ? TA : STUDENT).get(script % TA.size());
    }

    /** The grading run: both look up the rubric; left reads the submission, right searches the notes. */
    static List<ToolCall> calls(DemoIds ids, GroupSpec s, int k, int m) {
        RunSpec run = s.runs.get(k);
        if (!run.toolRun() || m != 2) {
            return List.of();
        }
        List<ToolCall> out = new ArrayList<>(2);
        out.add(new ToolCall(ids.call(s.index, k, m, 0), "lookup_rubric", "rubrics/cs61a/hw4.md",
                run.createdAt().plusMillis(900)));
        out.add(isRight(s)
                ? new ToolCall(ids.call(s.index, k, m, 1), "search_course_notes", "notes/cs61a/week-4.md",
                        run.createdAt().plusMillis(2100))
                : new ToolCall(ids.call(s.index, k, m, 1), "read_file", "submissions/sam/hw4/main.py",
                        run.createdAt().plusMillis(2100)));
        return out;
    }
}
