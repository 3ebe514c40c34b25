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
    box.setVisible(false);
    box.managedProperty().bind(box.visibleProperty());
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

  /** Sets the caption's size for the window's font scale (see {@link #captionPixels}). */
  public void setFontScale(double scale) {
    text.setStyle(
        String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", captionPixels(scale)));
    more.setStyle(
        String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", captionPixels(scale) * 0.7));
  }

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
    return box.isVisible() ? text.getText() : "";
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
    box.setVisible(true);
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
