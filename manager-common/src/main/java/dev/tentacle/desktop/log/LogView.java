package dev.tentacle.desktop.log;

import dev.tentacle.desktop.fx.Fxml;
import dev.tentacle.desktop.fx.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Window;

/** Binds {@link LogViewModel} to {@code LogView.fxml}: matching lines are highlighted, the match itself emphasised. */
public final class LogView {
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("match");

    private final LogViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Label searchLabel;
    @FXML private TextField searchField;
    @FXML private Button nextButton;
    @FXML private Label matchCountLabel;
    @FXML private CheckBox onlyMatchingBox;
    @FXML private CheckBox followBox;
    @FXML private ListView<String> linesList;
    @FXML private Label statusLabel;
    @FXML private Button closeButton;

    public LogView(LogViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        Fxml.load(this);
        searchLabel.setLabelFor(searchField);
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        searchField.setOnAction(event -> nextMatch());
        onlyMatchingBox.selectedProperty().bindBidirectional(viewModel.onlyMatchingProperty());
        followBox.selectedProperty().bindBidirectional(viewModel.followProperty());
        nextButton.disableProperty().bind(viewModel.matchCountProperty().isEqualTo(0));
        matchCountLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.searchProperty().get()
                .isEmpty() ? "" : viewModel.matchCountProperty().get() + " matching", viewModel.matchCountProperty(),
                viewModel.searchProperty()));
        statusLabel.textProperty().bind(viewModel.statusProperty());
        linesList.setItems(viewModel.visibleLines());
        linesList.setCellFactory(list -> new LineCell());
        Views.followEnd(linesList, viewModel.visibleLines(), viewModel.followProperty()::get);
        // A new search changes which lines are highlighted, not the lines themselves.
        viewModel.searchProperty().addListener((o, a, b) -> linesList.refresh());
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void nextMatch() {
        int next = viewModel.nextMatch(linesList.getSelectionModel().getSelectedIndex());
        if (next >= 0) {
            viewModel.followProperty().set(false);
            linesList.getSelectionModel().clearAndSelect(next);
            linesList.scrollTo(next);
        }
    }

    @FXML
    private void close() {
        Window window = Views.window(root);
        if (window != null) {
            window.hide();
        }
    }

    /** A line, with the search term's occurrences emphasised. */
    private final class LineCell extends ListCell<String> {
        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                pseudoClassStateChanged(MATCH, false);
                return;
            }
            boolean matches = viewModel.matches(line);
            pseudoClassStateChanged(MATCH, matches);
            setGraphic(matches ? highlighted(line) : plain(line));
        }

        private TextFlow plain(String line) {
            Text text = new Text(line);
            text.getStyleClass().add("log-text");
            return new TextFlow(text);
        }

        private TextFlow highlighted(String line) {
            List<Text> parts = new ArrayList<>();
            int length = viewModel.termLength();
            int from = 0;
            int at;
            while ((at = viewModel.matchStart(line, from)) >= 0) {
                parts.add(part(line.substring(from, at), "log-text"));
                parts.add(part(line.substring(at, at + length), "log-match"));
                from = at + length;
            }
            parts.add(part(line.substring(from), "log-text"));
            return new TextFlow(parts.toArray(Text[]::new));
        }

        private static Text part(String text, String style) {
            Text node = new Text(text);
            node.getStyleClass().add(style);
            return node;
        }
    }
}
