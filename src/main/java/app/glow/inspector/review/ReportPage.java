package app.glow.inspector.review;

import java.io.IOException;
import java.io.Writer;

/**
 * The frame of a case report: XHTML that any browser shows and prints, with every style inline
 * and a content policy that forbids scripts and any fetch (images only from {@code data:}), so
 * nothing in the file can run or call out even if some text escaped the escaper.
 */
final class ReportPage {
    private static final String CSS = """
            :root { color-scheme: light; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330;
                   margin: 2em auto; max-width: 60em; padding: 0 1.5em; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; }
            h2 { font-size: 1.35em; border-bottom: 2px solid #d5dae3; padding-bottom: 0.2em; margin-top: 2em; }
            h3 { font-size: 1.1em; margin: 1.4em 0 0.5em; }
            table { border-collapse: collapse; margin: 0.5em 0 1em; }
            th, td { text-align: left; vertical-align: top; padding: 0.25em 0.8em 0.25em 0; }
            th { color: #5a6375; font-weight: 600; white-space: nowrap; }
            table.list th, table.list td { border-bottom: 1px solid #e3e6ec; padding: 0.3em 0.8em; }
            .num { text-align: right; font-variant-numeric: tabular-nums; }
            .mono, .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
            .id { color: #5a6375; word-break: break-all; }
            .muted { color: #5a6375; }
            .flag { border: 1px solid #d5dae3; border-radius: 6px; padding: 0.6em 0.9em; margin: 1em 0; }
            .msg { border-left: 3px solid #d5dae3; padding: 0.3em 0.7em; margin: 0.4em 0; background: #fafbfc; }
            .msg.flagged { border-left: 5px solid #c62828; background: #fff4f2; }
            .msg .who { font-size: 0.85em; color: #5a6375; margin-bottom: 0.2em; }
            .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font: inherit; }
            .note { border-left: 3px solid #f2a900; background: #fffaf0; padding: 0.35em 0.7em; margin: 0.4em 0; }
            .badge { display: inline-block; border-radius: 3px; padding: 0 0.45em; font-size: 0.85em;
                     font-weight: 600; background: #c62828; color: #fff; }
            .badge.plain { background: #e3e6ec; color: #1d2330; }
            .status-escalated { color: #c62828; font-weight: 600; }
            .status-cleared { color: #2e7d32; font-weight: 600; }
            .thumbs img { max-width: 320px; height: auto; border: 1px solid #d5dae3; margin: 0.3em 0.5em 0.3em 0; }
            .problem { color: #8a4b00; font-style: italic; }
            section.group { margin-top: 2.5em; }
            @media print {
              body { margin: 0; max-width: none; font-size: 11pt; }
              section.group { break-before: page; page-break-before: always; }
              .flag, .note, .msg, tr, img { break-inside: avoid; page-break-inside: avoid; }
              h2, h3 { break-after: avoid; page-break-after: avoid; }
              .msg.flagged { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    private ReportPage() {
    }

    static void open(Writer w, String title) throws IOException {
        w.write("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n");
        w.write("<meta charset=\"utf-8\" />\n");
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                + "style-src 'unsafe-inline'\" />\n");
        w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        w.write("<meta name=\"generator\" content=\"Glow Inspector\" />\n");
        w.write("<title>" + Html.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");
    }

    static void close(Writer w) throws IOException {
        w.write("</body>\n</html>\n");
    }
}
