package dev.kaboom.ui.view;

import dev.kaboom.ui.model.ProcessNodeModel;
import dev.kaboom.ui.model.TreeModel;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.abego.treelayout.NodeExtentProvider;
import org.abego.treelayout.TreeLayout;
import org.abego.treelayout.util.DefaultConfiguration;
import org.abego.treelayout.util.DefaultTreeForTreeLayout;

/**
 * The supervision tree, laid out top-down by abego TreeLayout, with zoom (wheel, buttons), pan (drag)
 * and fit-to-window. Cheap at 2,000 nodes: each process is a small box of texts, all links are one
 * {@link Path}, and lit links a second one rebuilt only on change.
 */
public final class TreePane extends Region {
  /** Trees bigger than this are drawn with compact boxes (id and pid). */
  static final int COMPACT_ABOVE = 150;

  private final ResourceBundle bundle;
  private final Group content = new Group();
  private final Path edges = new Path();
  private final Path litEdges = new Path();
  private final Group nodeLayer = new Group();
  private final Translate translate = new Translate();
  private final Scale scale = new Scale(1, 1, 0, 0);
  private final Map<String, ProcessNodeView> views = new LinkedHashMap<>();
  private Map<ProcessNodeModel, Rectangle2D.Double> bounds = new HashMap<>();
  private TreeModel model;
  private double treeWidth;
  private double treeHeight;
  private boolean fitPending;
  /** Refit on resize until the user zooms or pans. */
  private boolean autoFit = true;
  private double pressX;
  private double pressY;
  private Consumer<String> onNodeClicked = p -> {};
  private BiConsumer<String, ContextMenuEvent> onNodeContextMenu = (p, e) -> {};

  public TreePane(ResourceBundle bundle) {
    this.bundle = bundle;
    getStyleClass().add("tree-pane");
    edges.getStyleClass().add("link-edge");
    litEdges.getStyleClass().add("link-edge-lit");
    content.getChildren().addAll(edges, litEdges, nodeLayer);
    content.getTransforms().addAll(translate, scale);
    content.setManaged(false);
    getChildren().add(content);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    setMinSize(100, 100);
    addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      pressX = e.getX();
      pressY = e.getY();
    });
    addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
        autoFit = false;
        translate.setX(translate.getX() + e.getX() - pressX);
        translate.setY(translate.getY() + e.getY() - pressY);
        pressX = e.getX();
        pressY = e.getY();
      }
    });
    addEventHandler(ScrollEvent.SCROLL, e -> {
      if (e.getDeltaY() != 0) {
        zoomBy(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        e.consume();
      }
    });
  }

  public void setOnNodeClicked(Consumer<String> handler) {
    this.onNodeClicked = handler;
  }

  public void setOnNodeContextMenu(BiConsumer<String, ContextMenuEvent> handler) {
    this.onNodeContextMenu = handler;
  }

  /** The box drawn for the node at {@code path}, if any. */
  public ProcessNodeView viewOf(String path) {
    return views.get(path);
  }

  public double zoom() {
    return scale.getX();
  }

  /** Draws {@code m}: builds the boxes, lays them out, and fits the tree to the window. */
  public void setModel(TreeModel m) {
    this.model = m;
    views.clear();
    nodeLayer.getChildren().clear();
    boolean compact = m.size() > COMPACT_ABOVE;
    for (ProcessNodeModel n : m.nodes()) {
      ProcessNodeView v = new ProcessNodeView(n, bundle, compact);
      double[] size = size(n, compact);
      v.setMinSize(size[0], size[1]);
      v.setPrefSize(size[0], size[1]);
      v.setMaxSize(size[0], size[1]);
      v.setOnMouseClicked(e -> {
        if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
          onNodeClicked.accept(n.path());
          e.consume();
        }
      });
      v.setOnContextMenuRequested(e -> {
        onNodeContextMenu.accept(n.path(), e);
        e.consume();
      });
      views.put(n.path(), v);
    }
    nodeLayer.getChildren().addAll(views.values());
    layoutTree(compact);
    refresh();
    fitPending = true;
    autoFit = true;
    requestLayout();
  }

  static double[] size(ProcessNodeModel n, boolean compact) {
    if (compact) {
      return n.isSupervisor() ? new double[] {120, 54} : new double[] {90, 36};
    }
    return n.isSupervisor() ? new double[] {190, 86} : new double[] {150, 62};
  }

  private void layoutTree(boolean compact) {
    DefaultTreeForTreeLayout<ProcessNodeModel> t = new DefaultTreeForTreeLayout<>(model.root());
    addChildren(t, model.root());
    NodeExtentProvider<ProcessNodeModel> extents =
        new NodeExtentProvider<>() {
          @Override
          public double getWidth(ProcessNodeModel n) {
            return size(n, compact)[0];
          }

          @Override
          public double getHeight(ProcessNodeModel n) {
            return size(n, compact)[1];
          }
        };
    DefaultConfiguration<ProcessNodeModel> cfg =
        new DefaultConfiguration<>(compact ? 40 : 60, compact ? 8 : 24);
    TreeLayout<ProcessNodeModel> layout = new TreeLayout<>(t, extents, cfg);
    bounds = layout.getNodeBounds();
    Rectangle2D all = layout.getBounds();
    treeWidth = all.getWidth();
    treeHeight = all.getHeight();
    edges.getElements().clear();
    for (Map.Entry<ProcessNodeModel, Rectangle2D.Double> b : bounds.entrySet()) {
      ProcessNodeView v = views.get(b.getKey().path());
      v.relocate(b.getValue().x - all.getX(), b.getValue().y - all.getY());
    }
    for (ProcessNodeModel n : model.nodes()) {
      n.parent().ifPresent(p -> addEdge(edges, p, n));
    }
  }

  private void addChildren(DefaultTreeForTreeLayout<ProcessNodeModel> t, ProcessNodeModel n) {
    for (ProcessNodeModel c : n.children()) {
      t.addChild(n, c);
      addChildren(t, c);
    }
  }

  private void addEdge(Path path, ProcessNodeModel parent, ProcessNodeModel child) {
    ProcessNodeView pv = views.get(parent.path());
    ProcessNodeView cv = views.get(child.path());
    double px = pv.getLayoutX() + pv.getPrefWidth() / 2;
    double py = pv.getLayoutY() + pv.getPrefHeight();
    double cx = cv.getLayoutX() + cv.getPrefWidth() / 2;
    double cy = cv.getLayoutY();
    double midY = (py + cy) / 2;
    path.getElements().addAll(
        new MoveTo(px, py), new LineTo(px, midY), new LineTo(cx, midY), new LineTo(cx, cy));
  }

  /** Updates every box from the model and redraws the lit links. */
  public void refresh() {
    if (model == null) {
      return;
    }
    double now = model.nowNanos();
    litEdges.getElements().clear();
    for (ProcessNodeView v : views.values()) {
      v.update(now);
      ProcessNodeModel n = v.model();
      if (n.edgeLit(now)) {
        n.parent().ifPresent(p -> addEdge(litEdges, p, n));
      }
    }
  }

  // ---- zoom and pan ----

  /** Zooms by {@code factor} around the point ({@code x}, {@code y}) of this pane. */
  public void zoomBy(double factor, double x, double y) {
    autoFit = false;
    double old = scale.getX();
    double next = Math.max(0.02, Math.min(4.0, old * factor));
    double k = next / old;
    translate.setX(x - (x - translate.getX()) * k);
    translate.setY(y - (y - translate.getY()) * k);
    scale.setX(next);
    scale.setY(next);
  }

  public void zoomIn() {
    zoomBy(1.25, getWidth() / 2, getHeight() / 2);
  }

  public void zoomOut() {
    zoomBy(0.8, getWidth() / 2, getHeight() / 2);
  }

  /** Scales the whole tree into the window (never above 150%) and centres it. */
  public void fit() {
    double w = getWidth();
    double h = getHeight();
    if (w <= 0 || h <= 0 || treeWidth <= 0) {
      fitPending = true;
      return;
    }
    double margin = 24;
    double s = Math.min((w - 2 * margin) / treeWidth, (h - 2 * margin) / treeHeight);
    s = Math.max(0.02, Math.min(1.5, s));
    scale.setX(s);
    scale.setY(s);
    translate.setX((w - treeWidth * s) / 2);
    translate.setY(Math.max(margin, (h - treeHeight * s) / 2 * 0.6));
    fitPending = false;
    autoFit = true;
  }

  /** Width and height of the laid-out tree at zoom 1. */
  public double[] treeSize() {
    return new double[] {treeWidth, treeHeight};
  }

  @Override
  protected void layoutChildren() {
    content.autosize();
    if ((fitPending || autoFit) && getWidth() > 0 && getHeight() > 0) {
      fit();
    }
  }

  @Override
  protected double computePrefWidth(double height) {
    return 800;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 500;
  }

  Bounds contentBounds() {
    return content.getBoundsInParent();
  }
}
