package dev.tentacle.desktop.thumbprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.certificates.CertificateGenerator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ThumbprintPanelTest {
    static final CertificateThumbprints THUMBPRINTS = CertificateGenerator.generate("Thumbprint Panel Test")
            .thumbprints();

    ThumbprintPanel panel;
    final List<String> copied = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        panel = new ThumbprintPanel();
        panel.setOnCopied(copied::add);
        stage.setScene(new Scene(panel.root()));
        stage.show();
    }

    <T> T fx(java.util.concurrent.Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(5000, read);
    }

    @Test
    void showsBothFormsInSelectableReadOnlyMonospaceFields(FxRobot robot) {
        robot.interact(() -> panel.thumbprintsProperty().set(THUMBPRINTS));

        TextField sha1 = robot.lookup("#sha1Field").queryAs(TextField.class);
        TextField sha256 = robot.lookup("#sha256Field").queryAs(TextField.class);
        assertThat(this.<String>fx(sha1::getText)).isEqualTo(THUMBPRINTS.sha1().hex()).hasSize(40);
        assertThat(this.<String>fx(sha256::getText)).isEqualTo(THUMBPRINTS.sha256().hex()).hasSize(64);
        assertThat(sha1.isEditable()).isFalse();
        assertThat(fx(() -> sha256.getFont().getFamily().toLowerCase())).containsAnyOf("mono", "courier");
        robot.interact(sha256::selectAll);
        assertThat(fx(sha256::getSelectedText)).isEqualTo(THUMBPRINTS.sha256().hex());
    }

    @Test
    void copyPutsTheThumbprintOnTheClipboardAndSaysSo(FxRobot robot) {
        robot.interact(() -> panel.thumbprintsProperty().set(THUMBPRINTS));

        robot.clickOn("#copySha256Button");

        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(THUMBPRINTS.sha256().hex());
        Label confirmation = robot.lookup("#copiedLabel").queryAs(Label.class);
        assertThat(fx(confirmation::isVisible)).isTrue();
        assertThat(fx(confirmation::getText)).isEqualTo("Copied the SHA-256 thumbprint to the clipboard.");
        assertThat(copied).containsExactly(THUMBPRINTS.sha256().hex());

        robot.press(KeyCode.ALT).type(KeyCode.DIGIT1).release(KeyCode.ALT);

        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(THUMBPRINTS.sha1().hex());
        assertThat(fx(confirmation::getText)).isEqualTo("Copied the SHA-1 thumbprint to the clipboard.");
    }

    @Test
    void withoutThumbprintsTheFieldsAreEmptyAndNothingCanBeCopied(FxRobot robot) {
        robot.interact(() -> panel.thumbprintsProperty().set(THUMBPRINTS));
        robot.clickOn("#copySha1Button");
        robot.interact(() -> panel.thumbprintsProperty().set(null));

        assertThat(fx(() -> robot.lookup("#sha1Field").queryAs(TextField.class).getText())).isEmpty();
        assertThat(robot.lookup("#copySha1Button").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#copySha256Button").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(fx(() -> robot.lookup("#copiedLabel").queryAs(Label.class).isVisible())).isFalse();
    }
}
