package app.glow.inspector.demo;

import app.glow.inspector.model.AgentRef;
import app.glow.inspector.model.ModelRef;
import app.glow.inspector.model.Pricing;
import app.glow.inspector.model.ProfileRef;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The fixed cast of the demo: models with prices, student personas, TAs, courses and scripts. */
final class DemoCatalog {
    private DemoCatalog() {
    }

    record DemoModel(String id, String name, BigDecimal input, BigDecimal cachedInput, BigDecimal output) {
        ModelRef ref() {
            return new ModelRef(id, name);
        }

        Pricing pricing() {
            return new Pricing(id, "USD", input, cachedInput, output);
        }
    }

    record Persona(String id, String name, String first, String trait) {
        AgentRef ref() {
            return new AgentRef(id, name);
        }
    }

    record Ta(String id, String name) {
        ProfileRef ref() {
            return new ProfileRef(id, name);
        }
    }

    enum Scenario { OFFICE_HOURS, GRADING_FEEDBACK, LAB_HELP }

    record Course(String code, String title, Scenario scenario, String topic, String slug) {
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("glow-demo:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static DemoModel model(String name, String in, String cached, String out) {
        return new DemoModel(uuid("model:" + name), name, new BigDecimal(in), new BigDecimal(cached),
                new BigDecimal(out));
    }

    static final List<DemoModel> MODELS = List.of(
            model("gpt-4o-mini", "0.15", "0.075", "0.60"),
            model("gpt-4o", "2.50", "1.25", "10.00"),
            model("claude-3-5-haiku", "0.80", "0.08", "4.00"),
            model("claude-sonnet-4", "3.00", "0.30", "15.00"),
            model("gemini-2.0-flash", "0.10", "0.025", "0.40"),
            model("o3-mini", "1.10", "0.55", "4.40"));

    private static Persona persona(String first, String trait) {
        return new Persona(uuid("agent:" + first), "Student persona: " + first + " (" + trait + ")", first, trait);
    }

    static final List<Persona> PERSONAS = List.of(
            persona("Sam", "stuck on recursion"),
            persona("Priya", "anxious before the midterm"),
            persona("Marcus", "argues for every point"),
            persona("Lin", "careful, English is a second language"),
            persona("Jordan B.", "overconfident"),
            persona("Aisha", "quiet, needs prompting"),
            persona("Tomás", "copied from a friend"));

    /** The tool-using helper agent that looks up rubrics and files in grading runs. */
    static final Persona GRADING_AGENT = new Persona(uuid("agent:grader"), "Grading assistant", "Grader",
            "rubric lookups");

    static final List<Ta> TAS = List.of(
            new Ta(uuid("profile:jordan-lee"), "TA Jordan Lee"),
            new Ta(uuid("profile:amara-okafor"), "TA Amara Okafor"),
            new Ta(uuid("profile:diego-ramirez"), "TA Diego Ramírez"),
            new Ta(uuid("profile:mei-chen"), "TA Mei Chen"),
            new Ta(uuid("profile:noah-williams"), "TA Noah Williams"),
            new Ta(uuid("profile:fatima-al-sayed"), "TA Fatima Al-Sayed"),
            new Ta(uuid("profile:priyanka-rao"), "TA Priyanka Rao"),
            new Ta(uuid("profile:tom-silva"), "TA Tom Silva"));

    static final List<Course> COURSES = List.of(
            new Course("CS 61A", "Structure and Interpretation", Scenario.OFFICE_HOURS, "recursion", "cs61a"),
            new Course("CS 101", "Intro to Python", Scenario.OFFICE_HOURS, "list comprehensions", "cs101"),
            new Course("CS 201", "Data Structures", Scenario.OFFICE_HOURS, "hash tables", "cs201"),
            new Course("STAT 110", "Probability", Scenario.OFFICE_HOURS, "conditional probability", "stat110"),
            new Course("CS 61A", "Structure and Interpretation", Scenario.GRADING_FEEDBACK, "HW 4: recursion",
                    "cs61a"),
            new Course("CS 201", "Data Structures", Scenario.GRADING_FEEDBACK, "Lab 3: linked lists", "cs201"),
            new Course("CHEM 2L", "General Chemistry Lab", Scenario.GRADING_FEEDBACK, "Lab report 2: titration",
                    "chem2l"),
            new Course("CS 162", "Operating Systems", Scenario.LAB_HELP, "debugging a segfault", "cs162"),
            new Course("DATA 100", "Data Science", Scenario.LAB_HELP, "pandas groupby", "data100"),
            new Course("CHEM 2L", "General Chemistry Lab", Scenario.LAB_HELP, "titration curves", "chem2l"),
            new Course("CS 61B", "Data Structures in Java", Scenario.LAB_HELP, "git merge conflicts", "cs61b"));

    /** Used by a few groups, named by no resource: a TA who has left, a model that was retired. */
    static final Ta FORMER_TA = new Ta(uuid("profile:former-ta"), null);
    static final DemoModel RETIRED_MODEL = model("legacy-tutor-2024", "1.00", "0.50", "3.00");

    static boolean isNamed(String id) {
        return !id.equals(FORMER_TA.id()) && !id.equals(RETIRED_MODEL.id());
    }

    static final String ACTOR = "Dana Reviewer";

    /** Tool templates and the files they read, per scenario. */
    static final List<String[]> TOOL_CALLS = List.of(
            new String[] {"lookup_rubric", "rubrics/%s/%s.md"},
            new String[] {"read_file", "submissions/%s/%s/main.py"},
            new String[] {"grading_template", "templates/feedback/%s.md"},
            new String[] {"search_course_notes", "notes/%s/week-%s.md"},
            new String[] {"fetch_lab_handout", "labs/%s/%s/handout.pdf"});
}
