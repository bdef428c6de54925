package dev.tentacle.desktop.thumbprint;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Two thumbprints one above the other, character under character in a monospace font, with the characters that
 * differ highlighted and marked with {@code ^} below (so the difference reads without colour too), and a sentence
 * saying how many differ. For "the Tentacle presented another certificate than the one you entered" and the like.
 * The comparison is {@link ThumbprintDifference}.
 *
 * <p>Style classes: {@code thumbprint-diff} on the whole, {@code thumbprint-diff-value} on each row of characters,
 * {@code thumbprint-diff-differs} / {@code thumbprint-diff-same} on its runs, {@code thumbprint-diff-markers} and
 * {@code thumbprint-diff-summary}.
 */
public final class ThumbprintDiff extends GridPane {
    static final String STYLESHEET = "thumbprint-diff.css";

    private final StringProperty expectedLabel = new SimpleStringProperty(this, "expectedLabel", "Expected");
    private final StringProperty actualLabel = new SimpleStringProperty(this, "actualLabel", "Presented");
    private final StringProperty expected = new SimpleStringProperty(this, "expected", "");
    private final StringProperty actual = new SimpleStringProperty(this, "actual", "");
    private final ReadOnlyObjectWrapper<ThumbprintDifference> difference =
            new ReadOnlyObjectWrapper<>(this, "difference", ThumbprintDifference.of("", ""));

    private final Label expectedName = new Label();
    private final Label actualName = new Label();
    private final HBox expectedRow = new HBox();
    private final HBox actualRow = new HBox();
    private final Label markers = new Label();
    private final Label summary = new Label();

    public ThumbprintDiff() {
        getStyleClass().add("thumbprint-diff");
        getStylesheets().add(Objects.requireNonNull(ThumbprintDiff.class.getResource(STYLESHEET), STYLESHEET)
                .toExternalForm());
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        getColumnConstraints().setAll(names, values);
        expectedName.textProperty().bind(expectedLabel);
        actualName.textProperty().bind(actualLabel);
        expectedName.getStyleClass().add("thumbprint-diff-name");
        actualName.getStyleClass().add("thumbprint-diff-name");
        expectedName.setLabelFor(expectedRow);
        actualName.setLabelFor(actualRow);
        expectedRow.getStyleClass().add("thumbprint-diff-value");
        actualRow.getStyleClass().add("thumbprint-diff-value");
        expectedRow.setId("thumbprint-diff-expected");
        actualRow.setId("thumbprint-diff-actual");
        markers.getStyleClass().add("thumbprint-diff-markers");
        summary.getStyleClass().add("thumbprint-diff-summary");
        summary.setWrapText(true);
        addRow(0, expectedName, expectedRow);
        addRow(1, actualName, actualRow);
        add(markers, 1, 2);
        add(summary, 0, 3, 2, 1);
        expected.addListener((observable, before, after) -> refresh());
        actual.addListener((observable, before, after) -> refresh());
        expectedLabel.addListener((observable, before, after) -> refresh());
        actualLabel.addListener((observable, before, after) -> refresh());
        refresh();
    }

    /** Shows two thumbprints with their captions, such as "You entered" and "The Tentacle presented". */
    public void compare(String expectedCaption, String expectedThumbprint, String actualCaption, String actualThumbprint) {
        expectedLabel.set(expectedCaption);
        actualLabel.set(actualCaption);
        expected.set(expectedThumbprint);
        actual.set(actualThumbprint);
    }

    private void refresh() {
        ThumbprintDifference compared = ThumbprintDifference.of(expected.get(), actual.get());
        difference.set(compared);
        fill(expectedRow, compared.expected(), expectedLabel.get());
        fill(actualRow, compared.actual(), actualLabel.get());
        markers.setText(compared.markers());
        markers.setAccessibleText(compared.differing().isEmpty() ? "No differences"
                : "Differences at positions " + compared.differing().stream().map(i -> String.valueOf(i + 1)).toList());
        summary.setText(compared.summary());
    }

    private static void fill(HBox row, List<ThumbprintDifference.Run> runs, String caption) {
        row.getChildren().setAll(runs.stream().map(run -> {
            Label text = new Label(run.text());
            text.getStyleClass().addAll("thumbprint-diff-run",
                    run.differs() ? "thumbprint-diff-differs" : "thumbprint-diff-same");
            text.setMinWidth(Label.USE_PREF_SIZE);
            return text;
        }).toList());
        row.setAccessibleText(caption + ": " + String.join("", runs.stream().map(ThumbprintDifference.Run::text).toList()));
    }

    /** The caption of the first thumbprint, such as "You entered". */
    public StringProperty expectedLabelProperty() {
        return expectedLabel;
    }

    /** The caption of the second thumbprint, such as "The Tentacle presented". */
    public StringProperty actualLabelProperty() {
        return actualLabel;
    }

    public StringProperty expectedProperty() {
        return expected;
    }

    public StringProperty actualProperty() {
        return actual;
    }

    /** The comparison shown now. */
    public ReadOnlyObjectProperty<ThumbprintDifference> differenceProperty() {
        return difference.getReadOnlyProperty();
    }

    public ThumbprintDifference difference() {
        return difference.get();
    }
}
