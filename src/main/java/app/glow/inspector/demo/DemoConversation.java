package app.glow.inspector.demo;

import app.glow.inspector.demo.GroupSpec.RunSpec;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The words of the demo: system prompts, what the TA says, what the student persona answers,
 * and what the tools return. Scripted per scenario and varied per run, so a conversation reads
 * like a real practice session.
 */
final class DemoConversation {
    private DemoConversation() {
    }

    private static final List<String> OFFICE_TA = List.of(
            "Hi {first}, welcome to office hours! What would you like to work on today?",
            "Okay, before we look at your code: can you tell me in your own words what {topic} means?",
            "Good start. Let's trace a small example together. What happens when the input is 3?",
            "You're close. What do you think the base case should return here, and why?",
            "Try writing the next step yourself; I'll wait. Talk me through it as you type.",
            "Nice. How would you convince yourself this works for every input, not just the ones we tried?",
            "Let's look at the error message together. Which line does it point to?",
            "That's a really common misconception, so don't worry. Let's draw it on the whiteboard.",
            "Before you go: could you summarise the one thing you'll do differently next time?");

    private static final List<String> OFFICE_STUDENT = List.of(
            "Hi… um, so I've been stuck on the {topic} question for like two hours. I don't really know where to start.",
            "I think {topic} is when… the function does the thing again? But I don't get how it knows when to stop.",
            "If it's 3 then it calls itself with 2, then 1, then… 0? And then it just keeps going? I got a "
                    + "RecursionError last night.\n\n```python\ndef fact(n):\n    return n * fact(n - 1)\n```",
            "Oh. Wait. So if n is 0 it should just return 1 and not call itself again?",
            "Okay so like this?\n\n```python\ndef fact(n):\n    if n == 0:\n        return 1\n    return n * fact(n - 1)\n```\n"
                    + "It works for 3 and 5!",
            "I guess… if it works for n-1, then it works for n? Is that what induction is?",
            "It says line 4, `TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'`.",
            "Oh that makes so much more sense with the picture. The calls stack up and then come back down.",
            "Always write the base case first, and check what each call returns. Thank you so much!");

    private static final List<String> GRADING_TA = List.of(
            "Hi {first}, I've finished grading {topic}. Do you have a few minutes to go over the feedback?",
            "You lost two points on part (b) because the function doesn't handle the empty input. Can you see "
                    + "which case is missing?",
            "I understand it's frustrating. The rubric is the same for everyone, though; let me show you the line.",
            "If you can fix it and explain the change, I'll note it for the regrade request.",
            "The style deduction was for the 80-line function; splitting it up would help readability.",
            "Your test cases were excellent, by the way. That's why part (c) got full marks.",
            "Let me check the rubric wording for that question so we're both reading the same thing.",
            "I'll write up a short summary of this conversation for your records.");

    private static final List<String> GRADING_STUDENT = List.of(
            "Yes, but honestly I think I deserved more than a 14/20 on this. I spent the whole weekend on it.",
            "But the spec never said we had to handle empty input! That's not fair.",
            "Other people in my section got full credit for basically the same code though.",
            "Fine. If I add `if not lst: return 0` at the top, does that count?",
            "I thought long functions were okay as long as they worked…",
            "Oh, thanks. I wasn't sure if the tests mattered.",
            "Okay. Can you show me exactly where it says that?",
            "Sure. Could you also mention that I came to office hours twice?");

    private static final List<String> LAB_TA = List.of(
            "Hey {first}, how's the lab going? I saw you raised your hand for {topic}.",
            "Can you show me the exact error or output you're seeing? Paste it in if you can.",
            "Let's narrow it down. What did you expect to happen on that line, and what happened instead?",
            "Try adding a print (or a breakpoint) just before it. What are the values?",
            "Good debugging! What does that tell you about where the bug is?",
            "Let's check the handout: step 4 says to do this before the next part.",
            "Great, it works now. Can you explain to me why the fix works?",
            "Remember to commit your work before you leave the lab.");

    private static final List<String> LAB_STUDENT = List.of(
            "It's not going great honestly, nothing works and the lab is due at 5.",
            "Here's what I get:\n\n```\nSegmentation fault (core dumped)\n```\n\nThat's all it says.",
            "I expected it to print the list but it crashes instead. I didn't change anything, I swear.",
            "Okay I added a print. `node` is NULL right before it crashes… so I'm reading past the end?",
            "So the loop should stop when `node->next` is NULL, not when `node` is NULL?",
            "Oh, I skipped step 4. I thought it was optional.",
            "Because now the loop checks before it dereferences, so it never touches the NULL pointer.",
            "Done, committed and pushed. Thanks for the help!");

    private static final List<String> TOOL_OUTPUTS = List.of(
            "## Rubric: {topic}\n\n| Criterion | Points |\n|---|---|\n| Correctness (all doctests pass) | 10 |\n"
                    + "| Handles edge cases (empty input, n = 0) | 4 |\n| Style and decomposition | 3 |\n"
                    + "| Tests written by the student | 3 |\n\nDeductions must cite the criterion.",
            "Read 42 lines from the submission. Functions found: `count_stair_ways`, `helper`. No base case "
                    + "for n == 0 in `count_stair_ways` (line 7).",
            "Template *feedback/short*: Start with one strength, name one concrete fix, point to the rubric line, "
                    + "offer a next step.",
            "Notes, week 6: \"Every recursive function needs a base case that stops without calling itself, "
                    + "and recursive calls that make progress towards it.\"");

    /** The grading assistant's answer: Markdown, as such assistants write it (the Markdown view's showcase). */
    static final String GRADING_SUMMARY = """
            ### Feedback for {first}: {topic}

            I checked the **rubric** and the submission. Part (b) misses the base case for an *empty list*; \
            the rest matches the criteria.

            | Criterion | Points | Awarded |
            |---|--:|--:|
            | Correctness (all doctests pass) | 10 | 10 |
            | Handles edge cases (empty input, n = 0) | 4 | 2 |
            | Style and decomposition | 3 | 3 |
            | Tests written by the student | 3 | 3 |

            What to fix:

            1. Add a check for the empty list at the top of the function:
               ```python
               if not lst:
                   return 0
               ```
            2. Run the doctests again with `python3 -m doctest hw.py -v`.

            - Strength: *great tests*, they caught two **off-by-one** errors.
            - Next step: the [rubric notes](https://example.edu/rubrics/edge-cases) before a regrade request.

            > Suggested feedback: "Great tests! Add a check for the empty list at the top of the function."
            """;

    static String systemPrompt(GroupSpec s, RunSpec run) {
        if (run.toolRun()) {
            return "You are the grading assistant for " + s.course.code() + " (" + s.course.title() + "). Use the "
                    + "tools to look up the rubric and the student's submission before you answer. Quote rubric "
                    + "lines exactly. Never reveal other students' grades. Keep feedback kind and specific.";
        }
        return "You are " + s.persona.first() + ", a student in " + s.course.code() + " (" + s.course.title()
                + "). Persona: " + s.persona.trait() + ". You are talking to "
                + (s.ta.name() == null ? "your TA" : s.ta.name().replace("TA ", "")) // a TA who left has no name
                + ", a teaching assistant, about " + s.course.topic() + ". Stay in character: make the mistakes "
                + "this student would make, ask the questions they would ask, and do not solve the problem "
                + "unless the TA guides you there. Never mention that you are an AI. Run " + (run.index() + 1) + ".";
    }

    static String text(GroupSpec s, int k, int m, int part) {
        RunSpec run = s.runs.get(k);
        if (DemoComparePair.isPair(s.traits)) {
            return DemoComparePair.text(s, k, m);
        }
        if (m == 0) {
            return systemPrompt(s, run);
        }
        SplittableRandom r = new SplittableRandom(DemoIds.mix(s.index * 31L + k, m * 7L + part));
        if (part > 0) {
            return m == 1 ? fill(s, "(Attaching my notes from last time so we're on the same page, {first}.)")
                    : "P.S. " + fill(s, List.of("Sorry if this is a dumb question.",
                    "I also emailed the professor about the extension.",
                    "Is this going to be on the midterm?",
                    "My partner said the autograder is broken, is that true?").get(r.nextInt(4)));
        }
        String line;
        if (m == 3) {
            line = TOOL_OUTPUTS.get(r.nextInt(TOOL_OUTPUTS.size()));
        } else if (run.toolRun() && m == 2) {
            line = GRADING_SUMMARY;
        } else {
            List<String> script = switch (s.course.scenario()) {
                case OFFICE_HOURS -> m == 1 ? OFFICE_TA : OFFICE_STUDENT;
                case GRADING_FEEDBACK -> m == 1 ? GRADING_TA : GRADING_STUDENT;
                case LAB_HELP -> m == 1 ? LAB_TA : LAB_STUDENT;
            };
            line = script.get(k % script.size());
            if (k >= script.size()) {
                line = (m == 1 ? "(Round " + (k / script.size() + 1) + ") " : "") + line;
            }
        }
        return fill(s, line);
    }

    private static String fill(GroupSpec s, String line) {
        return line.replace("{first}", s.persona.first()).replace("{topic}", s.course.topic())
                .replace("{course}", s.course.code());
    }
}
