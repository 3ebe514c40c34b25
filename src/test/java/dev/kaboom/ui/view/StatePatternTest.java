package dev.kaboom.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Strategy;
import dev.kaboom.scenario.TreeNode;
import dev.kaboom.ui.MainWindow;
import dev.kaboom.ui.model.TreeModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every node state has its own line, not only its own colour: each state's box is drawn with the
 * window's sheets (light theme, dark theme, high contrast), turned into greyscale, and its border
 * measured (how often the line breaks along the top edge, how many lines cross it, how thick the
 * first one is). No two states may measure alike.
 */
@ExtendWith(ApplicationExtension.class)
class StatePatternTest {
  private Stage stage;

  /** The states, as the pseudo-classes ProcessNodeView sets for them. */
  private static final Map<String, List<String>> STATES = new LinkedHashMap<>();

  static {
    STATES.put("running", List.of("running"));
    STATES.put("crashed", List.of("crashed"));
    STATES.put("restarting", List.of("restarting"));
    STATES.put("stopped", List.of("stopped"));
    STATES.put("trapping", List.of("running", "trapping"));
    STATES.put("gave up", List.of("crashed", "gave-up"));
    STATES.put("spec removed", List.of("stopped", "deleted"));
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  /** What greyscale keeps of a border: breaks along it, lines across it, the first one's width. */
  record Signature(int breaks, int lines, int thickness) {
    boolean alike(Signature o) {
      return Math.abs(breaks - o.breaks) <= Math.max(2, Math.max(breaks, o.breaks) / 4)
          && lines == o.lines
          && Math.abs(thickness - o.thickness) <= 1;
    }
  }

  private Map<String, Signature> measure(FxRobot robot, boolean dark, boolean highContrast) {
    Map<String, Signature> out = new LinkedHashMap<>();
    robot.interact(
        () -> {
          javafx.application.Application.setUserAgentStylesheet(MainWindow.themeStylesheet(dark));
          List<TreeNode> workers = new ArrayList<>();
          STATES.keySet().forEach(s -> workers.add(TreeNode.worker("w" + workers.size())));
          TreeModel tree =
              new TreeModel(TreeNode.supervisor("root", Strategy.ONE_FOR_ONE, workers));
          java.util.ResourceBundle bundle = MainWindow.bundle(Locale.ENGLISH);
          HBox row = new HBox(30);
          row.setStyle("-fx-font-size: 26px; -fx-padding: 30;");
          row.getStyleClass().add("tree-pane");
          List<ProcessNodeView> views = new ArrayList<>();
          int i = 0;
          for (List<String> classes : STATES.values()) {
            ProcessNodeView v = new ProcessNodeView(tree.root().children().get(i++), bundle, false);
            for (String c : List.of("running", "crashed", "restarting", "stopped")) {
              v.pseudoClassStateChanged(PseudoClass.getPseudoClass(c), false);
            }
            classes.forEach(c -> v.pseudoClassStateChanged(PseudoClass.getPseudoClass(c), true));
            v.setMinSize(300, 140);
            v.setPrefSize(300, 140);
            v.setMaxSize(300, 140);
            views.add(v);
          }
          row.getChildren().addAll(views);
          Scene scene = new Scene(row);
          scene.getStylesheets().add(MainWindow.class.getResource("kaboom.css").toExternalForm());
          if (dark) {
            scene
                .getStylesheets()
                .add(MainWindow.class.getResource("kaboom-dark.css").toExternalForm());
          }
          if (highContrast) {
            scene
                .getStylesheets()
                .add(MainWindow.class.getResource("high-contrast.css").toExternalForm());
          }
          stage.setScene(scene);
          stage.show();
          row.applyCss();
          row.layout();
          int k = 0;
          for (String state : STATES.keySet()) {
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            ProcessNodeView v = views.get(k++);
            // the box and a margin of the pane's own background around it
            javafx.geometry.Bounds b = v.getBoundsInParent();
            p.setViewport(
                new javafx.geometry.Rectangle2D(
                    b.getMinX() - 12, b.getMinY() - 12, b.getWidth() + 24, b.getHeight() + 24));
            WritableImage img = row.snapshot(p, null);
            out.put(state, signature(img));
            if (System.getProperty("kaboom.patterns") != null) {
              try {
                int iw = (int) img.getWidth();
                int ih = (int) img.getHeight();
                java.awt.image.BufferedImage bi =
                    new java.awt.image.BufferedImage(
                        iw, ih, java.awt.image.BufferedImage.TYPE_INT_ARGB);
                for (int yy = 0; yy < ih; yy++) {
                  for (int xx = 0; xx < iw; xx++) {
                    bi.setRGB(xx, yy, img.getPixelReader().getArgb(xx, yy));
                  }
                }
                javax.imageio.ImageIO.write(
                    bi,
                    "png",
                    new java.io.File(
                        System.getProperty("kaboom.patterns")
                            + "/"
                            + state.replace(' ', '-')
                            + (dark ? "-dark" : "")
                            + (highContrast ? "-hc" : "")
                            + ".png"));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
          }
        });
    javafx.application.Application.setUserAgentStylesheet(MainWindow.themeStylesheet(false));
    return out;
  }

  /** Luminance (0..255) of a pixel: what greyscale keeps. */
  private static double grey(PixelReader r, int x, int y) {
    Color c = r.getColor(x, y);
    return 255 * (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue());
  }

  /**
   * Measures the border in greyscale: the ink is whatever differs from the box's inside by more
   * than a third of the contrast between the border's darkest or lightest pixel and the inside.
   */
  static Signature signature(WritableImage img) {
    PixelReader r = img.getPixelReader();
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    int cx = w / 2;
    int depth = h / 4; // from the top (outside the box) to well inside it
    double inside = grey(r, cx, depth);
    double outside = grey(r, cx, 2);
    double far = 0;
    for (int y = 0; y < depth; y++) {
      for (int x = cx - 24; x <= cx + 24; x++) {
        far =
            Math.max(
                far, Math.min(Math.abs(grey(r, x, y) - inside), Math.abs(grey(r, x, y) - outside)));
      }
    }
    double threshold = far / 2;
    // lines across the edge: depths where some pixel near the middle of the top edge is ink
    int lines = 0;
    int thickness = 0;
    int firstLine = -1;
    boolean in = false;
    for (int y = 0; y < depth; y++) {
      boolean ink = false;
      for (int x = cx - 24; x <= cx + 24 && !ink; x++) {
        ink = ink(r, x, y, inside, outside, threshold);
      }
      if (ink && !in) {
        lines++;
        if (firstLine < 0) {
          firstLine = y;
        }
      }
      if (ink && lines == 1) {
        thickness++;
      }
      in = ink;
    }
    // breaks along the edge, in the middle of the first line
    int breaks = 0;
    if (firstLine >= 0) {
      int y = firstLine + thickness / 2;
      boolean prev = true;
      for (int x = w / 6; x < w - w / 6; x++) {
        boolean ink = ink(r, x, y, inside, outside, threshold);
        if (ink != prev) {
          breaks++;
        }
        prev = ink;
      }
    }
    return new Signature(breaks, lines, thickness);
  }

  private static boolean ink(
      PixelReader r, int x, int y, double inside, double outside, double threshold) {
    double g = grey(r, x, y);
    return Math.abs(g - inside) > threshold && Math.abs(g - outside) > threshold;
  }

  private static void assertApart(Map<String, Signature> s, String where) {
    List<String> names = new ArrayList<>(s.keySet());
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        Signature a = s.get(names.get(i));
        Signature b = s.get(names.get(j));
        assertThat(a.alike(b))
            .as(
                "%s: %s %s and %s %s look alike in greyscale",
                where, names.get(i), a, names.get(j), b)
            .isFalse();
      }
    }
  }

  @Test
  void everyStateHasItsOwnLineInGreyscaleInEveryTheme(FxRobot robot) {
    assertApart(measure(robot, false, false), "light");
    assertApart(measure(robot, true, false), "dark");
    assertApart(measure(robot, false, true), "high contrast");
  }
}
