package dev.kaboom.ui.view;

import dev.kaboom.explain.Narration;
import dev.kaboom.ui.model.MainViewModel;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The caption strip over the tree: the sentence of the current step, large enough to read from the
 * back of the room. Each caption stays at least {@link #MIN_SHOW_NANOS} (2.5 s) whatever the speed;
 * when steps come faster, the strip skips to the newest waiting ones (it never falls more than
 * {@link #MAX_BACKLOG} captions behind), unless "wait for me" is on: then the animation holds still
 * until every waiting caption has had its time.
 *
 * <p>Time comes from {@link #tick(long)} (the frame loop's clock), so tests drive it by hand.
 */
public final class CaptionStrip {
  /** How long a caption stays at least: 2.5 s. */
  public static final long MIN_SHOW_NANOS = 2_500_000_000L;

  /** At most this many captions wait (without "wait for me"); older ones are skipped. */
  public static final int MAX_BACKLOG = 2;

  private final MainViewModel vm;
  private final Label text = new Label();
  private final Label more = new Label();
  private final HBox box = new HBox(text, more);
  private final Deque<Narration> waiting = new ArrayDeque<>();
  private final BooleanProperty waitForMe = new SimpleBooleanProperty(false);
  private Narration current;
  private long shownAt = Long.MIN_VALUE;
  private long now;
  private final ListChangeListener<Narration> listener =
      c -> {
        while (c.next()) {
          if (c.wasAdded()) {
            waiting.addAll(c.getAddedSubList());
          }
        }
      };

  public CaptionStrip(MainViewModel vm) {
    this.vm = vm;
    box.setId("caption-strip");
    box.getStyleClass().add("caption-strip");
    box.setAlignment(Pos.CENTER_LEFT);
    box.setMouseTransparent(true);
    box.setMaxWidth(Double.MAX_VALUE);
    text.setId("caption-text");
    text.getStyleClass().add("caption-text");
    text.setWrapText(true);
    text.setMnemonicParsing(false);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(text, Priority.ALWAYS);
    more.setId("caption-more");
    more.getStyleClass().add("caption-more");
    more.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    // always there, always the same height: a caption appearing never moves the tree
    text.pseudoClassStateChanged(HINT, true);
    text.widthProperty().addListener((o, a, b) -> fitText());
    vm.narration().captions().addListener(listener);
    waitForMe.addListener((o, a, b) -> updateHold());
  }

  /**
   * The caption's size for a font scale: 22 px at 100 % (1.7 times the window's 13 px), 30 px at
   * 250 %: large on a projector, yet a sentence fits in two or three lines at 1280x720.
   */
  public static double captionPixels(double scale) {
    return 22 + 8 * (Math.min(2.5, Math.max(1, scale)) - 1) / 1.5;
  }

  /**
   * Sets the caption's size for the window's font scale (see {@link #captionPixels}). The strip is
   * two lines high at that size; a sentence that needs more lines is drawn smaller until it fits in
   * two (down to 70 %).
   */
  public void setFontScale(double scale) {
    basePixels = captionPixels(scale);
    double pad = Math.round(basePixels * 0.3);
    box.setStyle(
        String.format(
            java.util.Locale.ROOT,
            "-fx-padding: %.0fpx %.0fpx %.0fpx %.0fpx;",
            pad,
            pad * 2,
            pad,
            pad * 2));
    double h = Math.ceil(2 * lineHeight(basePixels) + 2 * pad);
    box.setMinHeight(h);
    box.setPrefHeight(h);
    box.setMaxHeight(h);
    more.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", basePixels * 0.7));
    fitText();
  }

  /** One line's height of caption text at {@code px}. */
  private static double lineHeight(double px) {
    return Math.ceil(px * 1.32);
  }

  /** Draws the caption at the largest size (base down to 70 %) at which it fits in two lines. */
  private void fitText() {
    double width = text.getWidth();
    double px = basePixels;
    if (width > 0 && !text.getText().isEmpty()) {
      javafx.scene.text.Text probe = new javafx.scene.text.Text(text.getText());
      probe.setWrappingWidth(width - 2);
      String family = text.getFont().getFamily();
      while (px > basePixels * 0.7) {
        probe.setFont(javafx.scene.text.Font.font(family, px));
        if (probe.getLayoutBounds().getHeight() <= 2 * lineHeight(px) * 1.02) {
          break;
        }
        px -= 1;
      }
    }
    if (Math.abs(px - shownPixels) > 0.01) {
      shownPixels = px;
      text.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", px));
    }
  }

  /** The caption's font size now (px): the base size, or smaller for a long sentence. */
  public double textPixels() {
    return shownPixels;
  }

  /** The text shown before the first caption (a hint that captions come here). */
  public void setHint(String hint) {
    if (current == null) {
      text.setText(hint);
    }
  }

  private static final javafx.css.PseudoClass HINT = javafx.css.PseudoClass.getPseudoClass("hint");
  private double basePixels = captionPixels(1.0);
  private double shownPixels = -1;

  /** The strip (goes over the tree, at its top). */
  public HBox node() {
    return box;
  }

  /** "Wait for me": the animation holds until each caption has been shown its 2.5 s. */
  public BooleanProperty waitForMeProperty() {
    return waitForMe;
  }

  /** The caption shown now, if any. */
  public String shownText() {
    return current == null ? "" : text.getText();
  }

  /** How many captions are waiting behind the shown one. */
  public int waitingCount() {
    return waiting.size();
  }

  /** Stops following the view model (the view is being replaced). */
  public void dispose() {
    vm.narration().captions().removeListener(listener);
    vm.holdAnimationProperty().set(false);
  }

  /** Shows {@code n} at once (a clicked log line), for its full 2.5 s. */
  public void show(Narration n) {
    waiting.clear();
    display(n);
  }

  /** Called once per frame with the frame clock (ns): moves to the next caption when due. */
  public void tick(long nowNanos) {
    now = nowNanos;
    boolean due = current == null || now - shownAt >= MIN_SHOW_NANOS;
    if (due && !waiting.isEmpty()) {
      if (!waitForMe.get()) {
        while (waiting.size() > MAX_BACKLOG + 1) {
          waiting.removeFirst();
        }
      }
      display(waiting.removeFirst());
    }
    more.setText(waiting.isEmpty() ? "" : "+" + waiting.size());
    updateHold();
  }

  /** Renders the shown caption again (the language changed). */
  public void refresh() {
    if (current != null) {
      text.setText(vm.narration().render(current));
    }
  }

  private void display(Narration n) {
    current = n;
    shownAt = now;
    text.setText(vm.narration().render(n));
    text.pseudoClassStateChanged(HINT, false);
    fitText();
  }

  private void updateHold() {
    boolean hold =
        waitForMe.get()
            && (!waiting.isEmpty() || (current != null && now - shownAt < MIN_SHOW_NANOS));
    if (vm.holdAnimationProperty().get() != hold) {
      vm.holdAnimationProperty().set(hold);
    }
  }
}
