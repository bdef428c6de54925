package dev.tentacle.servermanager.machines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.fxml.FXMLLoader;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

/** The health icons' colours live in one style sheet, which every screen that shows them loads. */
class HealthIconsStyleTest {
    private static final Pattern STYLESHEETS = Pattern.compile("stylesheets=\"([^\"]+)\"");

    @Test
    void theMachinesPaneAndTheHealthCheckLoadTheHealthIconStyleSheet() throws Exception {
        for (String fxml : new String[] {"MachinesView.fxml", "../health/HealthCheckView.fxml"}) {
            URL location = HealthIcons.class.getResource(fxml);
            String attribute;
            try (InputStream in = location.openStream()) {
                Matcher matcher = STYLESHEETS.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(matcher.find()).as(fxml).isTrue();
                attribute = matcher.group(1);
            }
            // The root's style sheets as FXMLLoader resolves them beside that FXML.
            String root = "<?import javafx.scene.layout.VBox?><VBox xmlns=\"http://javafx.com/javafx\" stylesheets=\""
                    + attribute + "\"/>";
            VBox box = new FXMLLoader(location).load(new ByteArrayInputStream(root.getBytes(StandardCharsets.UTF_8)));

            assertThat(box.getStylesheets()).as(fxml).hasSize(2).anyMatch(sheet -> sheet.endsWith(
                    "/dev/tentacle/servermanager/machines/health-icons.css"));
            for (String sheet : box.getStylesheets()) {
                try (InputStream in = URI.create(sheet).toURL().openStream()) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(sheet).isNotBlank();
                }
            }
        }
    }
}
