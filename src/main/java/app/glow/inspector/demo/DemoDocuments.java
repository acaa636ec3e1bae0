package app.glow.inspector.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small real documents: a valid one-page PDF, a grades CSV, a Python source file. */
final class DemoDocuments {
    private DemoDocuments() {
    }

    /** A minimal valid PDF 1.4 with a title and lines of Helvetica text. */
    static byte[] pdf(String title, List<String> lines) {
        StringBuilder content = new StringBuilder("BT /F1 18 Tf 56 760 Td (").append(escape(title)).append(") Tj ET\n");
        int y = 724;
        for (String line : lines) {
            content.append("BT /F1 12 Tf 56 ").append(y).append(" Td (").append(escape(line)).append(") Tj ET\n");
            y -= 20;
        }
        byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>");
        objects.add("<< /Length " + stream.length + " >>\nstream\n" + content + "endstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        long xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long off : offsets) {
            x.append(String.format("%010d 00000 n \n", off));
        }
        x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, x.toString());
        return out.toByteArray();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] gradesCsv(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] names = {"Sam", "Priya", "Marcus", "Lin", "Jordan B.", "Aisha", "Tomás", "Wei", "Elena", "Kofi"};
        StringBuilder sb = new StringBuilder("student,hw1,hw2,hw3,hw4,midterm,notes\n");
        for (String n : names) {
            sb.append('"').append(n).append('"');
            for (int i = 0; i < 5; i++) {
                sb.append(',').append(8 + r.nextInt(13));
            }
            sb.append(",\"").append(r.nextInt(4) == 0 ? "regrade requested" : "").append("\"\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] pythonSource(String topic) {
        return ("\"\"\"Practice solution: " + topic + ".\"\"\"\n\n"
                + "def count_stair_ways(n):\n"
                + "    \"\"\"Ways to climb n stairs taking 1 or 2 steps.\n\n"
                + "    >>> count_stair_ways(4)\n    5\n    \"\"\"\n"
                + "    if n <= 1:\n        return 1\n"
                + "    return count_stair_ways(n - 1) + count_stair_ways(n - 2)\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
