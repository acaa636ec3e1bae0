package app.glow.inspector.ui.connection;

import app.glow.inspector.api.GlowConnection;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.control.Button;

/**
 * Instance URL and token, prefilled from the environment (or the remembered connection); "Test
 * connection" tries them in the background; "Use demo" switches to the built-in instance. The
 * token stays in memory unless "Remember" is ticked.
 */
public final class ConnectionDialog extends Dialog<ConnectionDialog.Choice> {
    /** What the user chose: a connection (remember or not), or the demo. The token never prints. */
    public record Choice(String url, String token, boolean allowInsecure, boolean remember, boolean demo) {
        public static Choice demoChoice() {
            return new Choice(null, null, false, false, true);
        }

        public GlowConnection connection() {
            return GlowConnection.of(url, token, allowInsecure);
        }

        @Override
        public String toString() {
            return demo ? "Choice[demo]" : "Choice[" + url + ", token=[hidden]]";
        }
    }

    public static final ButtonType USE_DEMO = new ButtonType("Use demo", ButtonBar.ButtonData.LEFT);

    /**
     * @param tester tries a connection in the background and reports a line back (on the FX thread)
     */
    public ConnectionDialog(String url, String token,
                            BiConsumer<GlowConnection, java.util.function.Consumer<String>> tester) {
        setTitle("Connect to a Glow instance");
        setHeaderText("Inspect a Glow instance, or the built-in demo.");
        TextField urlField = new TextField(url == null ? "" : url);
        urlField.setId("urlField");
        urlField.setPromptText("https://glow.example.edu");
        urlField.setPrefColumnCount(32);
        PasswordField tokenField = new PasswordField();
        tokenField.setId("tokenField");
        tokenField.setText(token == null ? "" : token);
        tokenField.setPromptText("bearer token");
        CheckBox remember = new CheckBox("Remember this connection (stored in a file only you can read)");
        remember.setId("rememberBox");
        CheckBox insecure = new CheckBox("Allow plain http:// to another host (the token travels unencrypted)");
        Label result = new Label();
        result.setId("testResult");
        result.setWrapText(true);
        Button test = new Button("Test connection");
        test.setId("testButton");
        test.setOnAction(e -> {
            try {
                GlowConnection c = GlowConnection.of(urlField.getText(), tokenField.getText(), insecure.isSelected());
                result.setText("Testing…");
                tester.accept(c, result::setText);
            } catch (IllegalArgumentException ex) {
                result.setText(ex.getMessage());
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        Label urlLabel = new Label("Instance URL");
        urlLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(0, urlLabel, urlField);
        grid.addRow(1, new Label("Token"), tokenField);
        grid.add(remember, 1, 2);
        grid.add(insecure, 1, 3);
        grid.add(new HBox(10, test, result), 1, 4);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(USE_DEMO, ButtonType.CANCEL, ButtonType.OK);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Connect");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                GlowConnection.of(urlField.getText(), tokenField.getText(), insecure.isSelected());
            } catch (IllegalArgumentException ex) {
                result.setText(ex.getMessage());
                e.consume();
            }
        });
        setResultConverter(bt -> {
            if (bt == USE_DEMO) {
                return Choice.demoChoice();
            }
            if (bt == ButtonType.OK) {
                return new Choice(urlField.getText().strip(), tokenField.getText().strip(), insecure.isSelected(),
                        remember.isSelected(), false);
            }
            return null;
        });
    }
}
