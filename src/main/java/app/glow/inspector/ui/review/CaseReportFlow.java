package app.glow.inspector.ui.review;

import app.glow.inspector.review.CaseReport;
import app.glow.inspector.ui.DialogService;
import app.glow.inspector.ui.ErrorText;
import app.glow.inspector.ui.Workspace;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** File → Case report…: asks where, writes in the background, says how it went. */
public final class CaseReportFlow {
    private CaseReportFlow() {
    }

    public static void start(Workspace ws, List<String> ids, DialogService dialogs, ZoneId zone) {
        if (ids.isEmpty()) {
            dialogs.showWarning("Nothing selected", "Select the groups to report on first.");
            return;
        }
        dialogs.chooseFileToSave("Case report", "case-report.html", new DialogService.FileType("HTML", "*.html"))
                .ifPresent(file -> {
                    ws.list().noticeProperty().set("Writing the case report…");
                    ws.list().runner().submit(c -> new CaseReport(ws.source(), ws.review().store(), zone,
                                    Clock.systemDefaultZone()).write(ids, file, c),
                            r -> ws.list().noticeProperty().set("Case report written to " + file + ": " + r.groups()
                                    + " groups, " + r.annotations() + " annotations."),
                            t -> dialogs.showError("The case report was not written", ErrorText.of(t)));
                });
    }
}
