package dev.kaboom.ui.view;

import dev.kaboom.ui.model.NodeStatus;
import dev.kaboom.ui.model.ProcessNodeModel;
import dev.kaboom.ui.model.TreeModel;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.animation.Interpolator;
import javafx.animation.Transition;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.abego.treelayout.NodeExtentProvider;
import org.abego.treelayout.TreeLayout;
import org.abego.treelayout.util.DefaultConfiguration;
import org.abego.treelayout.util.DefaultTreeForTreeLayout;

/**
 * The supervision tree, laid out top-down by abego TreeLayout, with zoom (wheel, buttons), pan
 * (drag) and fit-to-window. Each process is a small box of texts, all links are one {@link Path},
 * and lit links a second one rebuilt only on change. A tree of more than {@link #VIRTUAL_ABOVE}
 * processes is virtual: only the boxes on screen exist (recycled as the view moves, so no CSS is
 * looked up again), the links drawn are the ones on screen, and when more than {@link
 * #MAX_REALIZED} boxes would be on screen (zoomed far out) the tree is drawn on a canvas instead.
 */
public final class TreePane extends Region {
  /** Trees bigger than this are drawn with compact boxes (id and pid). */
  static final int COMPACT_ABOVE = 150;

  /** Trees bigger than this get boxes only for what is on screen (see the class comment). */
  public static final int VIRTUAL_ABOVE = 500;

  /** A virtual tree shows at most this many boxes; with more on screen it draws a canvas. */
  static final int MAX_REALIZED = 400;

  /** On a Mac a control-click is a right-click. */
  private static final boolean MAC =
      System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");

  private final ResourceBundle bundle;
  private final Group content = new Group();
  private final Path edges = new Path();
  private final Path litEdges = new Path();
  private final Group nodeLayer = new Group();
  private final Translate translate = new Translate();
  private final Scale scale = new Scale(1, 1, 0, 0);
  private final Map<String, ProcessNodeView> views = new LinkedHashMap<>();
  private static final Duration MOVE_TIME = Duration.millis(450);
  private TreeModel model;
  private boolean compact;
  private double fontScale = 1.0;
  private long shownStructure = -1;

  /** Where the laid-out tree's top-left corner is in content coordinates (the root stays put). */
  private double offsetX;

  private double offsetY;
  private Transition moving;
  private final Map<ProcessNodeView, PathElement[]> edgeOf = new HashMap<>();
  private Runnable land = () -> {};
  private double treeWidth;
  private double treeHeight;
  private boolean fitPending;

  /** Refit on resize until the user zooms or pans. */
  private boolean autoFit = true;

  /**
   * Whether the automatic view is the readable one (a minimum zoom, the tree scrolls) or F's fit.
   */
  private boolean readableView = true;

  private final OverviewMap overview = new OverviewMap();
  private double pressX;
  private double pressY;
  private Consumer<String> onNodeClicked = p -> {};
  private NodeMenuHandler onNodeContextMenu = (p, x, y) -> {};

  // ---- a virtual tree (more than VIRTUAL_ABOVE nodes) ----

  /** True while the tree is virtual: {@link #views} holds only the boxes on screen. */
  private boolean virtual;

  /** Every node's place in a virtual tree, in content coordinates. */
  private final Map<String, Box> boxes = new LinkedHashMap<>();

  /** The nodes of a virtual tree whose link to their parent crosses the screen (lit links). */
  private List<Box> linkedOnScreen = List.of();

  /** The supervisors of a virtual tree (a DynamicSupervisor's children are framed). */
  private List<ProcessNodeModel> supervisors = List.of();

  /** Boxes not in use, by kind ({@link #poolKey}): hidden, ready to be rebound. */
  private final Map<Integer, List<ProcessNodeView>> pool = new HashMap<>();

  /** The view moved or the tree changed: which boxes are on screen is decided again. */
  private boolean viewportDirty;

  /** A virtual tree zoomed far out, drawn on {@link #farCanvas}. */
  private boolean far;

  private final javafx.scene.canvas.Canvas farCanvas = new javafx.scene.canvas.Canvas();

  /** The far canvas's colours from the theme: invisible shapes whose fill the stylesheet sets. */
  private final javafx.scene.layout.Pane farPalette = new javafx.scene.layout.Pane();

  private final Map<String, javafx.scene.shape.Rectangle> farSwatches = new HashMap<>();

  /** How many labels the last far drawing wrote (tests). */
  private int farLabels;

  /** Counts of what the virtual tree did (tests). */
  private long realizePasses;

  private long boxesCreated;

  /** A node's place in a virtual tree: x, y, width and height in content coordinates. */
  private static final class Box {
    final ProcessNodeModel node;
    final Box parent;
    double x;
    double y;
    final double w;
    final double h;
    NodeStatus lastStatus;

    Box(ProcessNodeModel node, Box parent, double w, double h) {
      this.node = node;
      this.parent = parent;
      this.w = w;
      this.h = h;
      this.lastStatus = node.status();
    }

    double[] xywh() {
      return new double[] {x, y, w, h};
    }
  }

  /** Opens a node's menu at a screen point. */
  @FunctionalInterface
  public interface NodeMenuHandler {
    void open(String path, double screenX, double screenY);
  }

  public TreePane(ResourceBundle bundle) {
    this.bundle = bundle;
    getStyleClass().add("tree-pane");
    edges.getStyleClass().add("link-edge");
    litEdges.getStyleClass().add("link-edge-lit");
    focusRing.getStyleClass().add("focus-ring");
    focusRing.setId("focus-ring");
    focusRing.setVisible(false);
    focusRing.setMouseTransparent(true);
    effects.setMouseTransparent(true);
    effects.getStyleClass().add("tree-effects");
    groups.setMouseTransparent(true);
    content.getChildren().addAll(groups, edges, litEdges, focusRing, nodeLayer, effects);
    content.getTransforms().addAll(translate, scale);
    content.setManaged(false);
    farCanvas.setManaged(false);
    farCanvas.setMouseTransparent(true);
    farCanvas.setVisible(false);
    farPalette.setManaged(false);
    farPalette.setVisible(false);
    for (String swatch :
        List.of("running", "crashed", "restarting", "stopped", "edge", "label", "sup")) {
      javafx.scene.shape.Rectangle r = new javafx.scene.shape.Rectangle();
      r.getStyleClass().add("far-" + swatch);
      farSwatches.put(swatch, r);
      farPalette.getChildren().add(r);
    }
    getChildren().addAll(farCanvas, content, overview, farPalette);
    // zoomed far out there are no boxes: a click on the canvas finds the node under it
    addEventHandler(MouseEvent.MOUSE_CLICKED, this::clickFar);
    javafx.beans.InvalidationListener moved =
        o -> {
          if (virtual) {
            viewportDirty = true;
            requestLayout();
          }
        };
    translate.xProperty().addListener(moved);
    translate.yProperty().addListener(moved);
    scale.xProperty().addListener(moved);
    overview.setOnMoveTo(this::centreOn);
    overview.showToggle();
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    setMinSize(100, 100);
    setStyle("-fx-font-size: 13px;");
    addEventHandler(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          pressX = e.getX();
          pressY = e.getY();
          // a press in the tree (its background too) takes the keyboard focus from the console:
          // the arrows travel in time again and Ctrl+Z undoes
          if (!ownsFocus()) {
            focusTree();
          }
        });
    addEventHandler(
        MouseEvent.MOUSE_DRAGGED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
            autoFit = false;
            translate.setX(translate.getX() + e.getX() - pressX);
            translate.setY(translate.getY() + e.getY() - pressY);
            pressX = e.getX();
            pressY = e.getY();
            overview.update();
            realizeIfDirty();
          }
        });
    // the wheel scrolls the tree (Shift: sideways); Ctrl + wheel zooms
    addEventHandler(
        ScrollEvent.SCROLL,
        e -> {
          if (e.isControlDown() || e.isShortcutDown()) {
            if (e.getDeltaY() != 0) {
              zoomBy(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
            }
          } else {
            double dx = e.isShiftDown() ? e.getDeltaY() : e.getDeltaX();
            double dy = e.isShiftDown() ? 0 : e.getDeltaY();
            scrollBy(dx, dy);
          }
          e.consume();
        });
  }

  public void setOnNodeClicked(Consumer<String> handler) {
    this.onNodeClicked = handler;
  }

  public void setOnNodeContextMenu(NodeMenuHandler handler) {
    this.onNodeContextMenu = handler;
  }

  /**
   * The box drawn for the node at {@code path}, if any (in a virtual tree, made for it if it is off
   * screen; it goes back to the pool once the view moves on).
   */
  public ProcessNodeView viewOf(String path) {
    return virtual ? ensureView(path) : views.get(path);
  }

  public double zoom() {
    return scale.getX();
  }

  /** Draws {@code m}: builds the boxes, lays them out, and fits the tree to the window. */
  public void setModel(TreeModel m) {
    stopMoving();
    this.model = m;
    if (followPath != null && m.node(followPath).isEmpty()) {
      followPath = null;
    }
    views.clear();
    nodeLayer.getChildren().clear();
    pool.clear();
    boxes.clear();
    compact = m.size() > COMPACT_ABOVE;
    virtual = m.size() > VIRTUAL_ABOVE;
    far = false;
    farCanvas.setVisible(false);
    focusable = null;
    shownStructure = m.structureVersion();
    offsetX = 0;
    offsetY = 0;
    if (virtual) {
      placeBoxes(layoutTree());
      setFocusable(ensureView(m.root().path()));
      viewportDirty = true;
    } else {
      for (ProcessNodeModel n : m.nodes()) {
        views.put(n.path(), newView(n, true));
      }
      nodeLayer.getChildren().addAll(views.values());
      setFocusable(views.get(m.root().path()));
      Map<String, double[]> at = layoutTree();
      at.forEach((path, xy) -> views.get(path).relocate(xy[0], xy[1]));
      rebuildEdges();
    }
    refresh();
    fitPending = true;
    autoFit = true;
    requestLayout();
  }

  private ProcessNodeView newView(ProcessNodeModel n, boolean withId) {
    ProcessNodeView v = new ProcessNodeView(n, bundle, compact, withId);
    double[] size = size(n);
    v.setMinSize(size[0], size[1]);
    v.setPrefSize(size[0], size[1]);
    v.setMaxSize(size[0], size[1]);
    v.setOnMouseClicked(
        e -> {
          boolean macMenuClick = MAC && e.getButton() == MouseButton.PRIMARY && e.isControlDown();
          if (e.getButton() == MouseButton.PRIMARY && !macMenuClick && e.isStillSincePress()) {
            onNodeClicked.accept(v.model().path());
            e.consume();
          } else if ((e.getButton() == MouseButton.SECONDARY || macMenuClick)
              && e.isStillSincePress()) {
            // the right-click menu opens on the click itself, the same on every platform (headless
            // Monocle sends no context-menu event for a right click)
            onNodeContextMenu.open(v.model().path(), e.getScreenX(), e.getScreenY());
            e.consume();
          }
        });
    v.setOnContextMenuRequested(
        e -> {
          if (e.isKeyboardTrigger()) { // the menu key; a mouse right-click is handled above
            openMenuFromKeyboard(v);
          }
          e.consume();
        });
    v.setFocusTraversable(false); // one box at a time is in the Tab order (see focusable)
    v.setOnKeyPressed(e -> onNodeKey(v, e));
    v.focusedProperty()
        .addListener(
            (o, was, focused) -> {
              if (focused) {
                setFocusable(v);
                follow(v.model().path());
                onNodeFocused.accept(v.model().path());
              }
              placeFocusRing();
            });
    return v;
  }

  // ---- keyboard ----

  private Consumer<String> onNodeFocused = p -> {};

  /** Called with a node's path when it gets the keyboard focus (the window selects it). */
  public void setOnNodeFocused(Consumer<String> handler) {
    this.onNodeFocused = handler;
  }

  /** The box that Tab reaches in the tree (the last focused one, else the root). */
  private ProcessNodeView focusable;

  private void setFocusable(ProcessNodeView v) {
    if (focusable != null && focusable != v) {
      focusable.setFocusTraversable(false);
    }
    focusable = v;
    v.setFocusTraversable(true);
  }

  /**
   * A key on a focused box: the arrows move between boxes (up: the parent, down: the first child,
   * left and right: the neighbours at the same depth, across subtrees); Enter sends {@code :kaboom}
   * (as a click does); Shift+F10 or the menu key open its menu. Keys with Alt, Ctrl or Meta go on
   * to the window (Alt+arrows step time).
   */
  private void onNodeKey(ProcessNodeView v, javafx.scene.input.KeyEvent e) {
    if (e.isAltDown() || e.isControlDown() || e.isMetaDown()) {
      return;
    }
    ProcessNodeModel n = v.model();
    ProcessNodeModel to = null;
    switch (e.getCode()) {
      case UP -> to = n.parent().orElse(null);
      case DOWN -> to = n.children().stream().filter(c -> drawn(c.path())).findFirst().orElse(null);
      case LEFT -> to = neighbour(n, -1);
      case RIGHT -> to = neighbour(n, +1);
      case ENTER -> {
        onNodeClicked.accept(n.path());
        e.consume();
        return;
      }
      case F10 -> {
        if (!e.isShiftDown()) {
          return;
        }
        openMenuFromKeyboard(v);
        e.consume();
        return;
      }
      default -> {
        return;
      }
    }
    e.consume();
    if (to != null && drawn(to.path())) {
      focusNode(to.path());
    }
  }

  /** Whether the node at {@code path} is in the drawn tree (a box, or a place in a virtual one). */
  private boolean drawn(String path) {
    return virtual ? boxes.containsKey(path) : views.containsKey(path);
  }

  /**
   * The place of the node at {@code path} in content coordinates: x, y, width, height; null if it
   * is not drawn.
   */
  private double[] box(String path) {
    if (virtual) {
      Box b = path == null ? null : boxes.get(path);
      return b == null ? null : b.xywh();
    }
    ProcessNodeView v = path == null ? null : views.get(path);
    return v == null ? null : xywh(v);
  }

  private static double[] xywh(ProcessNodeView v) {
    return new double[] {v.getLayoutX(), v.getLayoutY(), v.getPrefWidth(), v.getPrefHeight()};
  }

  private void openMenuFromKeyboard(ProcessNodeView v) {
    Bounds b = v.localToScreen(v.getBoundsInLocal());
    if (b != null) {
      onNodeContextMenu.open(v.model().path(), b.getCenterX(), b.getMaxY());
    }
  }

  /** The box left ({@code -1}) or right ({@code +1}) of {@code n} at its depth, if any. */
  private ProcessNodeModel neighbour(ProcessNodeModel n, int direction) {
    int depth = depth(n);
    List<ProcessNodeModel> row = new ArrayList<>();
    List<ProcessNodeModel> all = new ArrayList<>();
    if (virtual) {
      boxes.values().forEach(b -> all.add(b.node));
    } else {
      views.values().forEach(v -> all.add(v.model()));
    }
    for (ProcessNodeModel m : all) {
      if (depth(m) == depth) {
        row.add(m);
      }
    }
    row.sort(java.util.Comparator.comparingDouble(m -> box(m.path())[0]));
    int i = -1;
    for (int k = 0; k < row.size(); k++) {
      if (row.get(k).path().equals(n.path())) {
        i = k + direction;
      }
    }
    return i >= 0 && i < row.size() ? row.get(i) : null;
  }

  private static int depth(ProcessNodeModel n) {
    int d = 0;
    for (ProcessNodeModel p = n.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
      d++;
    }
    return d;
  }

  /**
   * Gives the keyboard focus to the tree itself (no box): the window's keys then act on the run
   * (←/→ travel in time, Ctrl+Z undoes), as they do after a click on the tree's background.
   */
  public void focusTree() {
    requestFocus();
  }

  /** Whether the keyboard focus is on the tree or one of its boxes. */
  private boolean ownsFocus() {
    javafx.scene.Node f = getScene() == null ? null : getScene().getFocusOwner();
    for (javafx.scene.Node n = f; n != null; n = n.getParent()) {
      if (n == this) {
        return true;
      }
    }
    return false;
  }

  /** Gives the keyboard focus to the box at {@code path} (tests, the window). */
  public void focusNode(String path) {
    ProcessNodeView v = virtual ? ensureView(path) : views.get(path);
    if (v != null) {
      setFocusable(v);
      v.requestFocus();
    }
  }

  /** The focus ring: a rectangle around the focused box, drawn over the links. */
  private final Rectangle focusRing = new Rectangle();

  private void placeFocusRing() {
    ProcessNodeView f = null;
    for (ProcessNodeView v : views.values()) {
      if (v.isFocused()) {
        f = v;
      }
    }
    focusRing.setVisible(f != null);
    if (f != null) {
      double pad = 0.45 * 13 * fontScale;
      focusRing.setX(f.getLayoutX() - pad);
      focusRing.setY(f.getLayoutY() - pad);
      focusRing.setWidth(f.getPrefWidth() + 2 * pad);
      focusRing.setHeight(f.getPrefHeight() + 2 * pad);
    }
  }

  /**
   * The font scale of presentation mode (1 to 2.5): boxes and their texts grow with it (the texts
   * through the root's font size, which the tree's CSS sizes in em), and the tree is laid out
   * again.
   */
  public void setFontScale(double s) {
    double next = Math.max(0.5, Math.min(4.0, s));
    if (Math.abs(next - fontScale) < 1e-9) {
      return;
    }
    fontScale = next;
    // the boxes' texts are sized in em of this font (the window's chrome may be smaller)
    setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * fontScale));
    overview.showToggle(); // the map's button grows with the toolbar's icons
    if (model != null) {
      setModel(model);
    }
  }

  public double fontScale() {
    return fontScale;
  }

  /** The size of {@code n}'s box at the current font scale. */
  double[] size(ProcessNodeModel n) {
    double[] base = size(n, compact);
    if (ProcessNodeView.hasNameLine(n)) {
      base[1] += compact ? 12 : 16;
    }
    if (ProcessNodeView.tagText(bundle, n) != null) {
      base[1] += compact ? 12 : 16;
    }
    return new double[] {Math.ceil(base[0] * fontScale), Math.ceil(base[1] * fontScale)};
  }

  static double[] size(ProcessNodeModel n, boolean compact) {
    if (compact) {
      return n.isSupervisor() ? new double[] {120, 54} : new double[] {90, 36};
    }
    return n.isSupervisor() ? new double[] {190, 86} : new double[] {136, 62};
  }

  /**
   * Lays the tree out; returns each node's place in content coordinates (shifted by the offset).
   */
  private Map<String, double[]> layoutTree() {
    DefaultTreeForTreeLayout<ProcessNodeModel> t = new DefaultTreeForTreeLayout<>(model.root());
    addChildren(t, model.root());
    Map<ProcessNodeModel, double[]> sizes = new java.util.IdentityHashMap<>();
    NodeExtentProvider<ProcessNodeModel> extents =
        new NodeExtentProvider<>() {
          @Override
          public double getWidth(ProcessNodeModel n) {
            return sizes.computeIfAbsent(n, TreePane.this::size)[0];
          }

          @Override
          public double getHeight(ProcessNodeModel n) {
            return sizes.computeIfAbsent(n, TreePane.this::size)[1];
          }
        };
    // the gaps do not grow with the font: on a projector the boxes get the room
    double gapScale = Math.min(1.0, fontScale);
    DefaultConfiguration<ProcessNodeModel> cfg =
        new DefaultConfiguration<>((compact ? 40 : 56) * gapScale, (compact ? 8 : 20) * gapScale);
    TreeLayout<ProcessNodeModel> layout = new TreeLayout<>(t, extents, cfg);
    Map<ProcessNodeModel, Rectangle2D.Double> bounds = layout.getNodeBounds();
    Rectangle2D all = layout.getBounds();
    treeWidth = all.getWidth();
    treeHeight = all.getHeight();
    Map<String, double[]> at = new HashMap<>();
    for (Map.Entry<ProcessNodeModel, Rectangle2D.Double> b : bounds.entrySet()) {
      at.put(
          b.getKey().path(),
          new double[] {
            b.getValue().x - all.getX() + offsetX, b.getValue().y - all.getY() + offsetY
          });
    }
    return at;
  }

  private void addChildren(DefaultTreeForTreeLayout<ProcessNodeModel> t, ProcessNodeModel n) {
    for (ProcessNodeModel c : n.children()) {
      t.addChild(n, c);
      addChildren(t, c);
    }
  }

  /** Draws every link again (after the set of nodes changed). */
  private void rebuildEdges() {
    edgeOf.clear();
    if (virtual) {
      return; // the links on screen are drawn as the view moves (realize)
    }
    List<PathElement> elements = new ArrayList<>(model.size() * 4);
    for (ProcessNodeView v : views.values()) {
      ProcessNodeModel n = v.model();
      ProcessNodeView pv = n.parent().map(p -> views.get(p.path())).orElse(null);
      if (pv != null) {
        PathElement[] e = {new MoveTo(), new LineTo(), new LineTo(), new LineTo()};
        placeEdge(e, pv, v);
        edgeOf.put(v, e);
        elements.addAll(List.of(e));
      }
    }
    edges.getElements().setAll(elements);
  }

  /** Moves the links of boxes that moved (the same path elements, new coordinates). */
  private void moveEdges(List<Move> moves) {
    for (Move m : moves) {
      ProcessNodeView v = m.view();
      PathElement[] e = edgeOf.get(v);
      if (e != null) {
        v.model().parent().map(p -> views.get(p.path())).ifPresent(pv -> placeEdge(e, pv, v));
      }
      for (ProcessNodeModel c : v.model().children()) {
        ProcessNodeView cv = views.get(c.path());
        PathElement[] ce = cv == null ? null : edgeOf.get(cv);
        if (ce != null) {
          placeEdge(ce, v, cv);
        }
      }
    }
  }

  private static void placeEdge(PathElement[] e, ProcessNodeView pv, ProcessNodeView cv) {
    double px = pv.getLayoutX() + pv.getPrefWidth() / 2;
    double py = pv.getLayoutY() + pv.getPrefHeight();
    double cx = cv.getLayoutX() + cv.getPrefWidth() / 2;
    double cy = cv.getLayoutY();
    double midY = (py + cy) / 2;
    ((MoveTo) e[0]).setX(px);
    ((MoveTo) e[0]).setY(py);
    ((LineTo) e[1]).setX(px);
    ((LineTo) e[1]).setY(midY);
    ((LineTo) e[2]).setX(cx);
    ((LineTo) e[2]).setY(midY);
    ((LineTo) e[3]).setX(cx);
    ((LineTo) e[3]).setY(cy);
  }

  private void addEdge(List<PathElement> path, ProcessNodeModel parent, ProcessNodeModel child) {
    ProcessNodeView pv = views.get(parent.path());
    ProcessNodeView cv = views.get(child.path());
    if (pv != null && cv != null) {
      addEdge(path, xywh(pv), xywh(cv));
    }
  }

  private static void addEdge(List<PathElement> path, double[] pv, double[] cv) {
    double px = pv[0] + pv[2] / 2;
    double py = pv[1] + pv[3];
    double cx = cv[0] + cv[2] / 2;
    double cy = cv[1];
    double midY = (py + cy) / 2;
    path.addAll(
        List.of(
            new MoveTo(px, py), new LineTo(px, midY), new LineTo(cx, midY), new LineTo(cx, cy)));
  }

  // ---- a virtual tree: boxes only for what is on screen ----

  /** Records every node's place (a virtual tree) from a layout ({@link #layoutTree()}). */
  private void placeBoxes(Map<String, double[]> at) {
    Map<String, Box> old = new HashMap<>(boxes);
    boxes.clear();
    List<ProcessNodeModel> sups = new ArrayList<>();
    for (ProcessNodeModel n : model.nodes()) {
      Box parent = n.parent().map(p -> boxes.get(p.path())).orElse(null);
      double[] size = size(n);
      Box b = new Box(n, parent, size[0], size[1]);
      Box was = old.get(n.path());
      if (was != null && was.node == n) {
        b.lastStatus = was.lastStatus;
      }
      double[] xy = at.get(n.path());
      b.x = xy[0];
      b.y = xy[1];
      boxes.put(n.path(), b);
      if (n.isSupervisor()) {
        sups.add(n);
      }
    }
    supervisors = sups;
  }

  /** Boxes of one key have the same lines, style classes and size. */
  private int poolKey(ProcessNodeModel n) {
    return (n.isSupervisor() ? 1 : 0)
        + (ProcessNodeView.hasNameLine(n) ? 2 : 0)
        + (ProcessNodeView.tagText(bundle, n) != null ? 4 : 0);
  }

  /** The box for the node at {@code path} of a virtual tree, made or rebound now; null if none. */
  private ProcessNodeView ensureView(String path) {
    ProcessNodeView v = views.get(path);
    Box b = path == null ? null : boxes.get(path);
    if (v != null || b == null) {
      return v;
    }
    List<ProcessNodeView> free = pool.get(poolKey(b.node));
    if (free != null && !free.isEmpty()) {
      v = free.remove(free.size() - 1);
      v.rebind(b.node, model.nowNanos());
      v.setVisible(true);
    } else {
      v = newView(b.node, false);
      boxesCreated++;
      nodeLayer.getChildren().add(v);
    }
    v.relocate(b.x, b.y);
    views.put(path, v);
    return v;
  }

  /** Puts a box of a virtual tree back into the pool (hidden, still in the scene). */
  private void release(ProcessNodeView v) {
    v.setVisible(false);
    pool.computeIfAbsent(poolKey(v.model()), k -> new ArrayList<>()).add(v);
  }

  private void realizeIfDirty() {
    if (virtual && viewportDirty) {
      realize();
    }
  }

  /** The part of the content on screen (x0, y0, x1, y1), with a margin; null before a size. */
  private double[] viewport(double marginPx) {
    double w = getWidth();
    double h = getHeight();
    double s = scale.getX();
    if (w <= 0 || h <= 0 || s <= 0) {
      return null;
    }
    double m = marginPx / s;
    double x0 = -translate.getX() / s - m;
    double y0 = -translate.getY() / s - m;
    return new double[] {x0, y0, x0 + w / s + 2 * m, y0 + h / s + 2 * m};
  }

  /**
   * Decides which boxes of a virtual tree are on screen: rebinds pooled boxes to the ones that came
   * into view and pools the ones that left (the focused box stays), redraws the links on screen;
   * with more than {@link #MAX_REALIZED} on screen, draws the tree on the canvas instead.
   */
  private void realize() {
    viewportDirty = false;
    double[] vp = viewport(60);
    if (model == null || vp == null) {
      return;
    }
    realizePasses++;
    List<Box> on = new ArrayList<>();
    for (Box b : boxes.values()) {
      if (b.x + b.w >= vp[0] && b.x <= vp[2] && b.y + b.h >= vp[1] && b.y <= vp[3]) {
        on.add(b);
      }
    }
    far = on.size() > MAX_REALIZED;
    java.util.Set<String> keep = new java.util.HashSet<>();
    if (!far) {
      on.forEach(b -> keep.add(b.node.path()));
    }
    if (focusable != null) {
      keep.add(focusable.model().path());
    }
    var it = views.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      Box b = boxes.get(e.getKey());
      if (!keep.contains(e.getKey()) || b == null || b.node != e.getValue().model()) {
        if (e.getValue() == focusable) {
          focusable = null;
        }
        release(e.getValue());
        it.remove();
      }
    }
    for (String path : keep) {
      ensureView(path);
    }
    if (focusable == null) {
      setFocusable(ensureView(model.root().path()));
    }
    // the links on screen (a link's box: from its parent's bottom to its child's top)
    List<PathElement> elements = new ArrayList<>();
    List<Box> linked = new ArrayList<>();
    if (!far) {
      for (Box b : boxes.values()) {
        Box p = b.parent;
        if (p == null) {
          continue;
        }
        double px = p.x + p.w / 2;
        double cx = b.x + b.w / 2;
        if (Math.max(px, cx) >= vp[0]
            && Math.min(px, cx) <= vp[2]
            && b.y >= vp[1]
            && p.y + p.h <= vp[3]) {
          double py = p.y + p.h;
          double midY = (py + b.y) / 2;
          linked.add(b);
          elements.add(new MoveTo(px, py));
          elements.add(new LineTo(px, midY));
          elements.add(new LineTo(cx, midY));
          elements.add(new LineTo(cx, b.y));
        }
      }
    }
    setIfMoved(edges, elements);
    linkedOnScreen = linked;
    farCanvas.setVisible(far);
    drawFar();
  }

  /**
   * A virtual tree zoomed far out: every box on screen as a rectangle in its state's colour and the
   * links as lines, on one canvas (a few fills, whatever the size), in the theme's colours (light,
   * dark, high contrast: the {@code .far-*} swatches); each box's id on it when it is legible.
   */
  private void drawFar() {
    if (!far) {
      return;
    }
    double w = getWidth();
    double h = getHeight();
    if (farCanvas.getWidth() != w || farCanvas.getHeight() != h) {
      farCanvas.setWidth(w);
      farCanvas.setHeight(h);
    }
    farPalette.applyCss(); // the theme's colours as they are now
    var g = farCanvas.getGraphicsContext2D();
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, w, h);
    double s = scale.getX();
    g.setTransform(s, 0, 0, s, translate.getX(), translate.getY());
    double[] vp = viewport(0);
    g.setStroke(farColour("edge", javafx.scene.paint.Color.GRAY));
    g.setLineWidth(1 / s);
    g.beginPath();
    for (Box b : boxes.values()) {
      Box p = b.parent;
      if (p != null && Math.max(p.x, b.x) + b.w >= vp[0] && Math.min(p.x, b.x) <= vp[2]) {
        double px = p.x + p.w / 2;
        double py = p.y + p.h;
        double cx = b.x + b.w / 2;
        double midY = (py + b.y) / 2;
        g.moveTo(px, py);
        g.lineTo(px, midY);
        g.lineTo(cx, midY);
        g.lineTo(cx, b.y);
      }
    }
    g.stroke();
    List<Box> onScreen = new ArrayList<>();
    for (Box b : boxes.values()) {
      if (b.x + b.w >= vp[0] && b.x <= vp[2] && b.y + b.h >= vp[1] && b.y <= vp[3]) {
        onScreen.add(b);
      }
    }
    for (NodeStatus st : NodeStatus.values()) {
      g.setFill(farColour(st.pseudoClass(), javafx.scene.paint.Color.GREEN));
      g.beginPath();
      boolean any = false;
      for (Box b : onScreen) {
        if (b.node.status() == st) {
          g.rect(b.x, b.y, b.w, b.h);
          any = true;
        }
      }
      if (any) {
        g.fill();
      }
    }
    // a supervisor's box gets a frame, as its box has a thicker border
    g.setStroke(farColour("sup", javafx.scene.paint.Color.DARKBLUE));
    g.setLineWidth(Math.max(1, 2 * s) / s);
    for (Box b : onScreen) {
      if (b.node.isSupervisor()) {
        g.strokeRect(b.x, b.y, b.w, b.h);
      }
    }
    // the ids where they are legible: a line of text at least FAR_LABEL_MIN_PX high that does not
    // reach its neighbours' (on the box when it is tall enough, else under it)
    farLabels = 0;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
    g.setTextBaseline(javafx.geometry.VPos.CENTER);
    double font =
        Math.min(
            13 * fontScale,
            Math.max(
                FAR_LABEL_MIN_PX * Math.min(fontScale, 2), 0.42 * onScreenHeight(onScreen) * s));
    g.setFont(javafx.scene.text.Font.font(font));
    javafx.scene.paint.Paint onBox = farColour("label", javafx.scene.paint.Color.WHITE);
    javafx.scene.paint.Paint under = farColour("sup", javafx.scene.paint.Color.BLACK);
    Map<Double, List<Box>> rows = new java.util.TreeMap<>();
    for (Box b : onScreen) {
      rows.computeIfAbsent(b.y, k -> new ArrayList<>()).add(b);
    }
    for (List<Box> row : rows.values()) {
      row.sort(java.util.Comparator.comparingDouble(b -> b.x));
      for (int i = 0; i < row.size(); i++) {
        Box b = row.get(i);
        double cx = (b.x + b.w / 2) * s + translate.getX();
        double room = Double.MAX_VALUE;
        if (i > 0) {
          Box l = row.get(i - 1);
          room = Math.min(room, cx - ((l.x + l.w / 2) * s + translate.getX()));
        }
        if (i + 1 < row.size()) {
          Box r = row.get(i + 1);
          room = Math.min(room, (r.x + r.w / 2) * s + translate.getX() - cx);
        }
        String id = b.node.id();
        if (0.6 * font * id.length() > room - 4) {
          continue; // it would run into its neighbour's
        }
        boolean inside = b.h * s >= font * 1.3 && b.w * s >= 0.6 * font * Math.min(4, id.length());
        g.setFill(inside ? onBox : under);
        double cy =
            inside
                ? (b.y + b.h / 2) * s + translate.getY()
                : (b.y + b.h) * s + translate.getY() + font * 0.75;
        g.fillText(id, cx, cy, inside ? Math.max(1, b.w * s - 4) : room - 4);
        farLabels++;
      }
    }
  }

  /** Ids are written on the far canvas from this font size (px, at 100 %) on. */
  static final double FAR_LABEL_MIN_PX = 9;

  /** The smallest box height among {@code bs} (content units), 0 if none. */
  private static double onScreenHeight(List<Box> bs) {
    double min = Double.MAX_VALUE;
    for (Box b : bs) {
      min = Math.min(min, b.h);
    }
    return bs.isEmpty() ? 0 : min;
  }

  /** A swatch's colour ({@code .far-NAME} in the stylesheet), or {@code fallback} before CSS. */
  private javafx.scene.paint.Paint farColour(String name, javafx.scene.paint.Color fallback) {
    javafx.scene.shape.Rectangle r = farSwatches.get(name);
    return r == null || r.getScene() == null || r.getFill() == null ? fallback : r.getFill();
  }

  private javafx.scene.paint.Color treeBackground() {
    if (getBackground() != null
        && !getBackground().getFills().isEmpty()
        && getBackground().getFills().get(0).getFill() instanceof javafx.scene.paint.Color c) {
      return c;
    }
    return javafx.scene.paint.Color.WHITE;
  }

  /** How many ids the last far drawing wrote on its boxes (tests). */
  public int farLabelCount() {
    return farLabels;
  }

  /**
   * A click on the far canvas: the node whose box is under it is clicked (left: as a click on its
   * box, kaboom and select; right or control-click on a Mac: its menu), as in the tree with boxes.
   */
  private void clickFar(MouseEvent e) {
    if (!far || !e.isStillSincePress() || e.isConsumed()) {
      return;
    }
    String path = farNodeAt(e.getX(), e.getY());
    if (path == null) {
      return;
    }
    boolean macMenuClick = MAC && e.getButton() == MouseButton.PRIMARY && e.isControlDown();
    if (e.getButton() == MouseButton.PRIMARY && !macMenuClick) {
      onNodeClicked.accept(path);
      e.consume();
    } else if (e.getButton() == MouseButton.SECONDARY || macMenuClick) {
      onNodeContextMenu.open(path, e.getScreenX(), e.getScreenY());
      e.consume();
    }
  }

  /**
   * The node whose place is under the point ({@code x}, {@code y}) of this pane (with a margin of 3
   * px around a box too small to hit), or null.
   */
  private String farNodeAt(double x, double y) {
    double s = scale.getX();
    double cx = (x - translate.getX()) / s;
    double cy = (y - translate.getY()) / s;
    double slack = 3 / s;
    String best = null;
    double bestDistance = Double.MAX_VALUE;
    for (Box b : boxes.values()) {
      double dx = Math.max(Math.max(b.x - cx, cx - (b.x + b.w)), 0);
      double dy = Math.max(Math.max(b.y - cy, cy - (b.y + b.h)), 0);
      double d = Math.hypot(dx, dy);
      if (d <= slack && d < bestDistance) {
        bestDistance = d;
        best = b.node.path();
      }
    }
    return best;
  }

  /**
   * Where the middle of the place of the node at {@code path} is on the screen, if it is drawn
   * (tests: a click on the far canvas).
   */
  public java.util.Optional<javafx.geometry.Point2D> screenPointOf(String path) {
    double[] b = box(path);
    if (b == null) {
      return java.util.Optional.empty();
    }
    double s = scale.getX();
    return java.util.Optional.ofNullable(
        localToScreen(
            (b[0] + b[2] / 2) * s + translate.getX(), (b[1] + b[3] / 2) * s + translate.getY()));
  }

  /** How many processes have a place in the drawn tree (a box, or a place in a virtual one). */
  public int placedCount() {
    return virtual ? boxes.size() : views.size();
  }

  /** Whether the process at {@code path} has a place in the drawn tree. */
  public boolean isPlaced(String path) {
    return drawn(path);
  }

  /** Whether a virtual tree is drawn on the canvas now (zoomed far out). */
  public boolean isDrawnFar() {
    return far;
  }

  /** The boxes that exist now (in a virtual tree: the ones on screen and the pooled ones). */
  public int boxCount() {
    return nodeLayer.getChildren().size();
  }

  /** Boxes made so far for a virtual tree (recycled ones are not counted again; tests). */
  public long boxesCreated() {
    return boxesCreated;
  }

  /** How many times a virtual tree decided which boxes are on screen (tests). */
  public long realizePasses() {
    return realizePasses;
  }

  /**
   * A virtual tree's nodes came or went: places every node again (the root stays where it is on
   * screen, no animation) and pools the boxes of nodes that left.
   */
  /**
   * The tree laid out anew ({@link #layoutTree()}), every place shifted so that the root stays at
   * ({@code rootX}, {@code rootY}) where it is drawn now (the shift is added to the offset the
   * view's bounds are measured from): a restructure does not make the tree jump.
   */
  private Map<String, double[]> layoutKeepingRoot(double rootX, double rootY) {
    Map<String, double[]> at = layoutTree();
    double[] r = at.get(model.root().path());
    double dx = rootX - r[0];
    double dy = rootY - r[1];
    offsetX += dx;
    offsetY += dy;
    at.values()
        .forEach(
            xy -> {
              xy[0] += dx;
              xy[1] += dy;
            });
    return at;
  }

  private void restructureVirtual() {
    shownStructure = model.structureVersion();
    Box oldRoot = boxes.get(model.root().path());
    Map<String, double[]> at =
        oldRoot == null ? layoutTree() : layoutKeepingRoot(oldRoot.x, oldRoot.y);
    placeBoxes(at);
    var it = views.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      Box b = boxes.get(e.getKey());
      if (b == null || b.node != e.getValue().model()) {
        if (e.getValue() == focusable) {
          focusable = null;
        }
        release(e.getValue());
        it.remove();
      } else {
        e.getValue().relocate(b.x, b.y);
      }
    }
    viewportDirty = true;
    if (autoFit) {
      double[] t = fitTarget();
      if (t != null) {
        apply(t);
      }
    }
  }

  // ---- nodes coming and going ----

  /**
   * The model's nodes changed (start_child, a removed spec): adds and removes boxes, lays the tree
   * out again and moves the boxes there in a short animation. The root stays where it is on screen,
   * so the view does not jump; while the tree is fitted to the window, the fit follows smoothly.
   */
  private void restructure() {
    if (virtual) {
      restructureVirtual();
      return;
    }
    shownStructure = model.structureVersion();
    stopMoving();
    Map<String, ProcessNodeModel> now = new LinkedHashMap<>();
    for (ProcessNodeModel n : model.nodes()) {
      now.put(n.path(), n);
    }
    List<ProcessNodeView> gone = new ArrayList<>();
    views
        .values()
        .removeIf(
            v -> {
              boolean stale = now.get(v.model().path()) != v.model();
              if (stale) {
                gone.add(v);
              }
              return stale;
            });
    nodeLayer.getChildren().removeAll(gone);
    if (focusable != null && gone.contains(focusable)) {
      setFocusable(views.get(model.root().path()));
    }
    List<ProcessNodeView> fresh = new ArrayList<>();
    for (ProcessNodeModel n : now.values()) {
      if (!views.containsKey(n.path())) {
        ProcessNodeView v = newView(n, true);
        views.put(n.path(), v);
        fresh.add(v);
      }
    }
    nodeLayer.getChildren().addAll(fresh);
    ProcessNodeView rootView = views.get(model.root().path());
    Map<String, double[]> at = layoutKeepingRoot(rootView.getLayoutX(), rootView.getLayoutY());
    List<Move> moves = new ArrayList<>();
    for (ProcessNodeView v : fresh) {
      // a new box grows out of its parent's place
      ProcessNodeView pv = v.model().parent().map(p -> views.get(p.path())).orElse(null);
      double[] to = at.get(v.model().path());
      if (pv != null && !fresh.contains(pv)) {
        v.relocate(pv.getLayoutX(), pv.getLayoutY());
      } else {
        v.relocate(to[0], to[1]);
      }
    }
    for (ProcessNodeView v : views.values()) {
      double[] to = at.get(v.model().path());
      if (to != null
          && (Math.abs(v.getLayoutX() - to[0]) > 0.5 || Math.abs(v.getLayoutY() - to[1]) > 0.5)) {
        moves.add(new Move(v, v.getLayoutX(), v.getLayoutY(), to[0], to[1]));
      }
    }
    rebuildEdges(); // new links from where the boxes are now; the move bends them along
    double[] fromView = {scale.getX(), translate.getX(), translate.getY()};
    double[] toView = autoFit ? fitTarget() : null;
    if (moves.isEmpty() && toView == null) {
      return;
    }
    land =
        () -> {
          for (Move m : moves) {
            m.view().relocate(m.x1(), m.y1());
          }
          if (toView != null) {
            scale.setX(toView[0]);
            scale.setY(toView[0]);
            translate.setX(toView[1]);
            translate.setY(toView[2]);
          }
          moveEdges(moves);
          redrawLitEdges();
          redrawGroups();
        };
    moving =
        new Transition() {
          {
            setCycleDuration(MOVE_TIME);
            setInterpolator(Interpolator.EASE_BOTH);
          }

          @Override
          protected void interpolate(double f) {
            for (Move m : moves) {
              m.view().relocate(m.x0() + (m.x1() - m.x0()) * f, m.y0() + (m.y1() - m.y0()) * f);
            }
            if (toView != null) {
              double sc = fromView[0] + (toView[0] - fromView[0]) * f;
              scale.setX(sc);
              scale.setY(sc);
              translate.setX(fromView[1] + (toView[1] - fromView[1]) * f);
              translate.setY(fromView[2] + (toView[2] - fromView[2]) * f);
            }
            moveEdges(moves);
            redrawLitEdges();
            redrawGroups();
          }
        };
    Transition mine = moving;
    moving.setOnFinished(
        e -> {
          if (moving == mine) {
            moving = null;
            land.run();
            land = () -> {};
          }
        });
    moving.play();
  }

  private record Move(ProcessNodeView view, double x0, double y0, double x1, double y1) {}

  /** Ends a running move at once, the boxes in their new places (tests, snapshots). */
  public void finishMoving() {
    stopMoving();
  }

  private void stopMoving() {
    if (moving != null) {
      Transition t = moving;
      moving = null;
      t.stop();
      land.run(); // a new layout starts from settled places
      land = () -> {};
    }
  }

  /** True while boxes are moving to a new layout. */
  public boolean isMoving() {
    return moving != null;
  }

  /** The boxes marked {@code :pending} now (a click on each waits behind a cascade). */
  private final List<ProcessNodeView> pendingViews = new ArrayList<>();

  /**
   * Marks the boxes at {@code paths} as clicked, their answer still to be drawn (a click queued
   * behind the cascade the picture plays, {@code MainViewModel.pendingClicks}), and unmarks the
   * rest. Costs the marked boxes only (usually none).
   */
  public void markPending(java.util.Collection<String> paths) {
    if (paths.isEmpty() && pendingViews.isEmpty()) {
      return;
    }
    pendingViews.removeIf(
        v -> {
          boolean keep = paths.contains(v.model().path()) && views.get(v.model().path()) == v;
          v.setPending(keep);
          return !keep;
        });
    for (String p : paths) {
      ProcessNodeView v = views.get(p);
      if (v != null && !v.isPending()) {
        v.setPending(true);
        pendingViews.add(v);
      }
    }
  }

  /** Updates every box from the model and redraws the lit links. */
  public void refresh() {
    if (model == null) {
      return;
    }
    if (model.structureVersion() != shownStructure) {
      restructure();
    }
    double now = model.nowNanos();
    String action = null;
    boolean resized = false;
    if (virtual) {
      // every node's state is watched (the boxes exist only on screen); the view moves first
      for (Box b : boxes.values()) {
        NodeStatus after = b.node.status();
        if (after != b.lastStatus
            && (after == NodeStatus.CRASHED || after == NodeStatus.RESTARTING)) {
          action = b.node.path();
        }
        b.lastStatus = after;
      }
      if (action != null) {
        follow(action);
      }
      realizeIfDirty();
      for (ProcessNodeView v : views.values()) {
        v.update(now);
        resized |= resize(v);
      }
      if (resized) {
        restructureVirtual();
        realizeIfDirty();
      }
      drawFar();
    } else {
      for (ProcessNodeView v : views.values()) {
        NodeStatus before = v.shownStatus();
        v.update(now);
        resized |= resize(v);
        NodeStatus after = v.shownStatus();
        if (before != null
            && before != after
            && (after == NodeStatus.CRASHED || after == NodeStatus.RESTARTING)) {
          action = v.model().path();
        }
      }
      if (resized) {
        restructure();
      }
      if (action != null) {
        follow(action);
      }
    }
    placeFocusRing();
    redrawLitEdges();
    redrawEffects();
    redrawGroups();
  }

  /** The dashed frames around each DynamicSupervisor's children, by supervisor path. */
  private final Map<String, Rectangle> groupFrames = new HashMap<>();

  private final Group groups = new Group();

  /**
   * Frames each DynamicSupervisor's children (anonymous, coming and going) as one group, a little
   * outside their boxes; a supervisor with no children has none.
   */
  private void redrawGroups() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<ProcessNodeModel> drawnNodes = new ArrayList<>();
    if (virtual) {
      drawnNodes.addAll(supervisors);
    } else {
      views.values().forEach(v -> drawnNodes.add(v.model()));
    }
    for (ProcessNodeModel n : drawnNodes) {
      if (!n.isSupervisor() || !n.dynamic() || n.children().isEmpty()) {
        continue;
      }
      double x0 = Double.MAX_VALUE;
      double y0 = Double.MAX_VALUE;
      double x1 = -Double.MAX_VALUE;
      double y1 = -Double.MAX_VALUE;
      for (ProcessNodeModel c : n.children()) {
        double[] cv = box(c.path());
        if (cv == null) {
          continue;
        }
        x0 = Math.min(x0, cv[0]);
        y0 = Math.min(y0, cv[1]);
        x1 = Math.max(x1, cv[0] + cv[2]);
        y1 = Math.max(y1, cv[1] + cv[3]);
      }
      if (x0 > x1) {
        continue;
      }
      seen.add(n.path());
      Rectangle r =
          groupFrames.computeIfAbsent(
              n.path(),
              p -> {
                Rectangle f = new Rectangle();
                f.getStyleClass().add("dynamic-group");
                f.setId(ProcessNodeView.idFor(p) + "-group");
                f.setMouseTransparent(true);
                groups.getChildren().add(f);
                return f;
              });
      double pad = 8 * Math.min(1.0, fontScale);
      r.setX(x0 - pad);
      r.setY(y0 - pad);
      r.setWidth(x1 - x0 + 2 * pad);
      r.setHeight(y1 - y0 + 2 * pad);
    }
    groupFrames
        .entrySet()
        .removeIf(
            e -> {
              boolean gone = !seen.contains(e.getKey());
              if (gone) {
                groups.getChildren().remove(e.getValue());
              }
              return gone;
            });
  }

  /** The frame around a DynamicSupervisor's children (tests), or null when it has none. */
  public Rectangle groupFrame(String supervisorPath) {
    return groupFrames.get(supervisorPath);
  }

  /** Sizes {@code v} again if its kind line came or went; returns whether it did. */
  private boolean resize(ProcessNodeView v) {
    if (!v.takeTagLineChanged()) {
      return false;
    }
    double[] size = size(v.model()); // a kind line came or went (a significant child)
    v.setMinSize(size[0], size[1]);
    v.setPrefSize(size[0], size[1]);
    v.setMaxSize(size[0], size[1]);
    return true;
  }

  /**
   * Keeps the node at {@code path} on screen: a node that just crashed, or the one with the
   * keyboard focus. In the automatic readable view the view moves as little as it must (the root
   * stays at the top when both fit); after the user zoomed or panned, it pans only if the node is
   * off screen.
   */
  public void follow(String path) {
    followPath = path;
    requestLayout(); // the overview map may move out of its way
    if (autoFit && readableView) {
      double[] t = fitTarget();
      if (t != null && moving == null) {
        apply(t);
      }
    } else if (!autoFit) {
      double[] t = {scale.getX(), translate.getX(), translate.getY()};
      if (keepOnScreen(t, path)) {
        apply(t);
      }
    }
  }

  private String followPath;

  /**
   * Shifts the view {@code t} (zoom, tx, ty) as little as it must so that the box at {@code path}
   * is inside the pane (with a margin); returns whether it moved.
   */
  private boolean keepOnScreen(double[] t, String path) {
    double[] v = box(path);
    double w = getWidth();
    double h = getHeight();
    if (v == null || w <= 0 || h <= 0) {
      return false;
    }
    double margin = 16;
    double s = t[0];
    double x0 = v[0] * s + t[1];
    double y0 = v[1] * s + t[2];
    double x1 = x0 + v[2] * s;
    double y1 = y0 + v[3] * s;
    double dx = x1 > w - margin ? w - margin - x1 : 0;
    dx = x0 + dx < margin ? margin - x0 : dx;
    double dy = y1 > h - margin ? h - margin - y1 : 0;
    dy = y0 + dy < margin ? margin - y0 : dy;
    t[1] += dx;
    t[2] += dy;
    return dx != 0 || dy != 0;
  }

  // ---- animation: signals along the links, bursts (drawn from the model's clock) ----

  /** Markers of travelling exit signals and crash bursts, over the boxes. */
  private final Group effects = new Group();

  private static final javafx.css.PseudoClass ORDERLY =
      javafx.css.PseudoClass.getPseudoClass("orderly");
  private static final javafx.css.PseudoClass UP = javafx.css.PseudoClass.getPseudoClass("up");

  /**
   * Draws what moves at the model's time: each travelling exit signal as a marker labelled with its
   * reason, at its place along the link (up from the child to its supervisor, or down), and a burst
   * ring around each node that just crashed. A few nodes at a time: rebuilt every frame.
   */
  private void redrawEffects() {
    double now = model.nowNanos();
    double em = 13 * fontScale;
    int dots = 0;
    int rings = 0;
    double[] vp = virtual ? viewport(200) : null;
    // the struck-through old pids on screen: the signals' labels keep off them
    List<javafx.geometry.Bounds> oldPids = new ArrayList<>();
    if (!model.flights().isEmpty() || !model.crossings().isEmpty()) {
      for (ProcessNodeView v : views.values()) {
        javafx.geometry.Bounds b = v.oldPidBounds();
        if (b != null) {
          oldPids.add(b);
        }
      }
    }
    for (TreeModel.Flight f : model.flights()) {
      double[] cv = box(f.childPath());
      double[] pv = cv == null ? null : parentBox(f.childPath());
      if (pv == null || (vp != null && !crosses(vp, pv, cv))) {
        continue;
      }
      double[] at = alongLink(pv, cv, f.up() ? f.progress(now) : 1 - f.progress(now));
      javafx.scene.shape.Circle dot =
          pooled(signalDots, dots, "signal-marker", javafx.scene.shape.Circle::new);
      javafx.scene.text.Text label =
          pooled(signalLabels, dots, "signal-label", javafx.scene.text.Text::new);
      dots++;
      dot.setCenterX(at[0]);
      dot.setCenterY(at[1]);
      dot.setRadius(0.5 * em);
      label.setText(f.reason());
      placeClear(label, at[0], at[1], em, oldPids);
      for (javafx.scene.Node n : List.of(dot, label)) {
        n.pseudoClassStateChanged(ORDERLY, f.orderly());
        n.pseudoClassStateChanged(UP, f.up());
      }
    }
    int arcs = 0;
    for (TreeModel.Crossing c : model.crossings()) {
      double[] from = box(c.fromPath());
      double[] to = box(c.toPath());
      if (from == null || to == null) {
        continue;
      }
      // an arc over the two boxes, from the top of the sender's to the top of the receiver's
      double x0 = from[0] + from[2] / 2;
      double y0 = from[1];
      double x2 = to[0] + to[2] / 2;
      double y2 = to[1];
      double cx = (x0 + x2) / 2;
      double cy = Math.min(y0, y2) - 0.35 * Math.hypot(x2 - x0, y2 - y0) - em;
      javafx.scene.shape.QuadCurve arc =
          pooled(crossingArcs, arcs++, "signal-crossing", javafx.scene.shape.QuadCurve::new);
      arc.setStartX(x0);
      arc.setStartY(y0);
      arc.setControlX(cx);
      arc.setControlY(cy);
      arc.setEndX(x2);
      arc.setEndY(y2);
      arc.pseudoClassStateChanged(ORDERLY, c.orderly());
      arc.pseudoClassStateChanged(DOWN, c.down());
      double t = c.progress(now);
      double u = 1 - t;
      javafx.scene.shape.Circle dot =
          pooled(signalDots, dots, "signal-marker", javafx.scene.shape.Circle::new);
      javafx.scene.text.Text label =
          pooled(signalLabels, dots, "signal-label", javafx.scene.text.Text::new);
      dots++;
      dot.setCenterX(u * u * x0 + 2 * u * t * cx + t * t * x2);
      dot.setCenterY(u * u * y0 + 2 * u * t * cy + t * t * y2);
      dot.setRadius(0.5 * em);
      label.setText(c.down() ? "DOWN " + c.reason() : c.reason());
      placeClear(label, dot.getCenterX(), dot.getCenterY(), em, oldPids);
      for (javafx.scene.Node n : List.of(dot, label)) {
        n.pseudoClassStateChanged(ORDERLY, c.orderly());
        n.pseudoClassStateChanged(UP, true);
      }
    }
    hideFrom(crossingArcs, arcs);
    for (ProcessNodeView v : views.values()) {
      double effect = v.model().exitEffect(now);
      double p = Math.min(1, effect / 0.6); // a quick burst: the first 60 % of the highlight
      if (!Double.isNaN(effect) && v.model().exitWasCrash() && p < 1) {
        // a rounded ring hugging the box, just outside it (never over its text), that grows by
        // about one line's height and fades: the same size next to the box at any font scale
        double gap = em * (0.35 + 1.1 * p);
        javafx.scene.shape.Rectangle ring =
            pooled(burstRings, rings++, "crash-burst", javafx.scene.shape.Rectangle::new);
        ring.setX(v.getLayoutX() - gap);
        ring.setY(v.getLayoutY() - gap);
        ring.setWidth(v.getPrefWidth() + 2 * gap);
        ring.setHeight(v.getPrefHeight() + 2 * gap);
        ring.setArcWidth(2 * gap + em);
        ring.setArcHeight(2 * gap + em);
        ring.setOpacity(1 - p);
      }
    }
    hideFrom(signalDots, dots);
    hideFrom(signalLabels, dots);
    hideFrom(burstRings, rings);
  }

  /**
   * Puts a signal's {@code label} beside its dot at ({@code x}, {@code y}): right of it, else left,
   * else above or below, whichever first keeps off the struck-through old pids {@code avoid} (a
   * crossing's arc starts and ends at the tops of the boxes, where a restarted process shows its
   * old pid rising, and a link's elbow runs over the boxes' tops); right of the dot when none is
   * clear.
   */
  private static void placeClear(
      javafx.scene.text.Text label,
      double x,
      double y,
      double em,
      List<javafx.geometry.Bounds> avoid) {
    double w = label.getLayoutBounds().getWidth();
    double[][] places = {
      {x + 0.75 * em, y + 0.35 * em},
      {x - 0.75 * em - w, y + 0.35 * em},
      {x + 0.75 * em, y - 0.9 * em},
      {x - 0.75 * em - w, y - 0.9 * em},
      {x + 0.75 * em, y - 2.2 * em},
      {x - 0.5 * w, y - 1.6 * em},
      {x + 0.75 * em, y + 1.6 * em}
    };
    for (double[] p : places) {
      label.setX(p[0]);
      label.setY(p[1]);
      javafx.geometry.Bounds at = label.getBoundsInParent();
      if (avoid.stream().noneMatch(b -> b.intersects(at))) {
        return;
      }
    }
    label.setX(places[0][0]);
    label.setY(places[0][1]);
  }

  // the markers are kept and reused frame after frame (a new node costs a CSS lookup)
  private final List<javafx.scene.shape.Circle> signalDots = new ArrayList<>();
  private final List<javafx.scene.text.Text> signalLabels = new ArrayList<>();
  private final List<javafx.scene.shape.Rectangle> burstRings = new ArrayList<>();
  private final List<javafx.scene.shape.QuadCurve> crossingArcs = new ArrayList<>();

  private static final javafx.css.PseudoClass DOWN = javafx.css.PseudoClass.getPseudoClass("down");

  /** The {@code i}-th shape of {@code kept}, made (with style class {@code style}) if need be. */
  private <T extends javafx.scene.shape.Shape> T pooled(
      List<T> kept, int i, String style, java.util.function.Supplier<T> make) {
    while (kept.size() <= i) {
      T n = make.get();
      n.getStyleClass().add(style);
      n.setVisible(false);
      kept.add(n);
      effects.getChildren().add(n);
    }
    T n = kept.get(i);
    n.setVisible(true);
    return n;
  }

  private static void hideFrom(List<? extends javafx.scene.Node> kept, int from) {
    for (int i = from; i < kept.size() && kept.get(i).isVisible(); i++) {
      kept.get(i).setVisible(false);
    }
  }

  /** The place of the parent of the node at {@code path}, or null. */
  private double[] parentBox(String path) {
    if (virtual) {
      Box b = boxes.get(path);
      return b == null || b.parent == null ? null : b.parent.xywh();
    }
    ProcessNodeView cv = views.get(path);
    return cv == null ? null : cv.model().parent().map(p -> box(p.path())).orElse(null);
  }

  /** Whether the link from {@code p} down to {@code c} crosses the area {@code vp}. */
  private static boolean crosses(double[] vp, double[] p, double[] c) {
    double px = p[0] + p[2] / 2;
    double cx = c[0] + c[2] / 2;
    return Math.max(px, cx) >= vp[0]
        && Math.min(px, cx) <= vp[2]
        && c[1] >= vp[1]
        && p[1] + p[3] <= vp[3];
  }

  /** Markers drawn now (signals and bursts), for tests. */
  public List<javafx.scene.Node> effectShapes() {
    return effects.getChildren().stream().filter(javafx.scene.Node::isVisible).toList();
  }

  /**
   * The point a fraction {@code t} of the way along the drawn link from the child {@code cv} (0) to
   * its parent {@code pv} (1): up from the child's top, across, up to the parent's bottom.
   */
  private static double[] alongLink(double[] pv, double[] cv, double t) {
    double px = pv[0] + pv[2] / 2;
    double py = pv[1] + pv[3];
    double cx = cv[0] + cv[2] / 2;
    double cy = cv[1];
    double midY = (py + cy) / 2;
    double[][] pts = {{cx, cy}, {cx, midY}, {px, midY}, {px, py}};
    double total = 0;
    double[] len = new double[3];
    for (int i = 0; i < 3; i++) {
      len[i] = Math.hypot(pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]);
      total += len[i];
    }
    double d = t * total;
    for (int i = 0; i < 3; i++) {
      if (d <= len[i] || i == 2) {
        double k = len[i] == 0 ? 0 : Math.min(1, d / len[i]);
        return new double[] {
          pts[i][0] + (pts[i + 1][0] - pts[i][0]) * k, pts[i][1] + (pts[i + 1][1] - pts[i][1]) * k
        };
      }
      d -= len[i];
    }
    return pts[3];
  }

  private void redrawLitEdges() {
    double now = model.nowNanos();
    List<PathElement> lit = new ArrayList<>();
    if (virtual) {
      for (Box b : linkedOnScreen) {
        if (b.node.edgeLit(now)) {
          addEdge(lit, b.parent.xywh(), b.xywh());
        }
      }
    } else {
      for (ProcessNodeView v : views.values()) {
        ProcessNodeModel n = v.model();
        if (n.edgeLit(now)) {
          n.parent().ifPresent(p -> addEdge(lit, p, n));
        }
      }
    }
    setIfMoved(litEdges, lit);
  }

  /**
   * Gives {@code path} these {@code elements} (moves and lines) unless it already has the same
   * points: a new path is repainted over its whole extent, and the lit links and the links on
   * screen are worked out again every frame of a storm while they mostly stay as they are.
   */
  private static void setIfMoved(Path path, List<PathElement> elements) {
    List<PathElement> old = path.getElements();
    if (old.size() == elements.size()) {
      boolean same = true;
      for (int i = 0; i < old.size() && same; i++) {
        same = samePoint(old.get(i), elements.get(i));
      }
      if (same) {
        return;
      }
    }
    path.getElements().setAll(elements);
  }

  private static boolean samePoint(PathElement a, PathElement b) {
    if (a instanceof MoveTo m && b instanceof MoveTo n) {
      return m.getX() == n.getX() && m.getY() == n.getY();
    }
    if (a instanceof LineTo m && b instanceof LineTo n) {
      return m.getX() == n.getX() && m.getY() == n.getY();
    }
    return false;
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
    overview.update();
  }

  public void zoomIn() {
    zoomBy(1.25, getWidth() / 2, getHeight() / 2);
  }

  public void zoomOut() {
    zoomBy(0.8, getWidth() / 2, getHeight() / 2);
  }

  /** Moves the view by ({@code dx}, {@code dy}) pixels, keeping some of the tree on screen. */
  public void scrollBy(double dx, double dy) {
    autoFit = false;
    double s = scale.getX();
    double minX = getWidth() - (offsetX + treeWidth) * s - 40;
    double maxX = 40 - offsetX * s;
    double minY = getHeight() - (offsetY + treeHeight) * s - 40;
    double maxY = 40 - offsetY * s;
    translate.setX(clamp(translate.getX() + dx, Math.min(minX, maxX), Math.max(minX, maxX)));
    translate.setY(clamp(translate.getY() + dy, Math.min(minY, maxY), Math.max(minY, maxY)));
    overview.update();
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** Centres the view on the content point ({@code x}, {@code y}) (the overview map's click). */
  void centreOn(double x, double y) {
    autoFit = false;
    double s = scale.getX();
    translate.setX(getWidth() / 2 - x * s);
    translate.setY(getHeight() / 2 - y * s);
    overview.update();
  }

  /**
   * The smallest zoom of the readable view at the current font scale: 0.6 at 100 % (compact boxes
   * still show their ids), 0.9 from 175 % on, so that at 250 % a node's id is drawn at least 0.9 x
   * 1.15 x 32.5 = 33.6 px high (twice Servy's at 100 %, and above 28 px).
   */
  public double readableMinimum() {
    double t = clamp((fontScale - 1.0) / 0.75, 0, 1);
    return 0.6 + 0.3 * t;
  }

  /**
   * The readable view (Shift+F; the default): the whole tree when it fits at a readable zoom, else
   * at the readable minimum with the root at the top, the rest reached by scrolling or with the
   * overview map.
   */
  public void readable() {
    readableView = true;
    double[] t = fitTarget();
    if (t == null) {
      fitPending = true;
      autoFit = true;
      return;
    }
    stopMoving();
    apply(t);
    fitPending = false;
    autoFit = true;
  }

  private void apply(double[] t) {
    scale.setX(t[0]);
    scale.setY(t[0]);
    translate.setX(t[1]);
    translate.setY(t[2]);
    overview.update();
  }

  /** F: scales the whole tree into the window (never above 150%, however small) and centres it. */
  public void fit() {
    readableView = false;
    double[] t = fitTarget();
    if (t == null) {
      fitPending = true;
      return;
    }
    stopMoving();
    apply(t);
    fitPending = false;
    autoFit = true;
  }

  /** Zoom and translation that fit the tree into the window, or null before it has a size. */
  private double[] fitTarget() {
    double w = getWidth();
    double h = getHeight();
    if (w <= 0 || h <= 0 || treeWidth <= 0) {
      return null;
    }
    double margin = 24;
    double s = Math.min((w - 2 * margin) / treeWidth, (h - 2 * margin) / treeHeight);
    s = Math.max(0.02, Math.min(1.5, s));
    if (readableView && s < readableMinimum()) {
      // too big to fit readably: the readable minimum, the root at the top centre
      s = readableMinimum();
      double rootX = 0;
      double[] root = model == null ? null : box(model.root().path());
      if (root != null) {
        rootX = root[0] + root[2] / 2;
      }
      double tx =
          clamp(w / 2 - rootX * s, w - (offsetX + treeWidth) * s - margin, margin - offsetX * s);
      double[] t = {s, tx, margin - offsetY * s};
      keepOnScreen(t, followPath); // the action (a crash) or the keyboard focus stays in view
      return t;
    }
    return new double[] {
      s,
      (w - treeWidth * s) / 2 - offsetX * s,
      Math.max(margin, (h - treeHeight * s) / 2 * 0.6) - offsetY * s
    };
  }

  /** Width and height of the laid-out tree at zoom 1. */
  public double[] treeSize() {
    return new double[] {treeWidth, treeHeight};
  }

  @Override
  protected void layoutChildren() {
    content.autosize();
    overview.fitInto(getWidth(), getHeight());
    placeOverview();
    if ((fitPending || autoFit) && moving == null && getWidth() > 0 && getHeight() > 0) {
      if (readableView) {
        readable();
      } else {
        fit();
      }
    }
    if (far && (farCanvas.getWidth() != getWidth() || farCanvas.getHeight() != getHeight())) {
      viewportDirty = true;
    }
    realizeIfDirty();
  }

  /**
   * The corner the overview map stands in (0 bottom right, 1 bottom left, 2 top right, 3 top left).
   */
  private int overviewCorner;

  /** Above this many boxes the map's corner is chosen for the followed node alone. */
  private static final int OVERVIEW_SCAN_LIMIT = 3_000;

  /**
   * Puts the overview map in the corner where it covers the least of the boxes on screen (the
   * bottom right when several cover nothing), never over the node the view follows (a crash, the
   * keyboard focus); it stays in its corner until another covers less.
   */
  void placeOverview() {
    double w = getWidth();
    double h = getHeight();
    double mw = overview.getWidth();
    double mh = overview.getHeight();
    double[][] corners = {
      {w - mw - 8, h - mh - 8}, {8, h - mh - 8}, {w - mw - 8, 8}, {8, 8},
    };
    double[] cover = new double[corners.length];
    double[] v = box(followPath);
    if (v != null) {
      Bounds onPane =
          content.localToParent(new javafx.geometry.BoundingBox(v[0], v[1], v[2], v[3]));
      for (int i = 0; i < corners.length; i++) {
        if (onPane.intersects(corners[i][0], corners[i][1], mw, mh)) {
          cover[i] += 1e12;
        }
      }
    }
    int count = virtual ? boxes.size() : views.size();
    if (overview.isVisible() && count <= OVERVIEW_SCAN_LIMIT) {
      double s = scale.getX();
      double tx = content.getLayoutX() + translate.getX();
      double ty = content.getLayoutY() + translate.getY();
      java.util.function.Consumer<double[]> add =
          b -> {
            double x0 = tx + b[0] * s;
            double y0 = ty + b[1] * s;
            double x1 = x0 + b[2] * s;
            double y1 = y0 + b[3] * s;
            for (int i = 0; i < corners.length; i++) {
              double ox = Math.min(x1, corners[i][0] + mw) - Math.max(x0, corners[i][0]);
              double oy = Math.min(y1, corners[i][1] + mh) - Math.max(y0, corners[i][1]);
              if (ox > 0 && oy > 0) {
                cover[i] += ox * oy;
              }
            }
          };
      if (virtual) {
        boxes.values().forEach(b -> add.accept(b.xywh()));
      } else {
        views.values().forEach(n -> add.accept(xywh(n)));
      }
    }
    int best = overviewCorner;
    for (int i = 0; i < corners.length; i++) {
      if (cover[i] < cover[best] - 1) {
        best = i;
      }
    }
    overviewCorner = best;
    overview.relocate(corners[best][0], corners[best][1]);
  }

  /**
   * The corner the overview map stands in now (0 bottom right, 1 bottom left, 2 top right, 3 top
   * left).
   */
  int overviewCorner() {
    return overviewCorner;
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

  /**
   * The overview map's scales, x then y (map px per tree px), for a map of {@code w} x {@code h} px
   * and a tree of {@code treeW} x {@code treeH} px: the tree's own proportions, unless they would
   * leave the drawing under a third of the map across or down (a wide and shallow tree of hundreds
   * or thousands of boxes would be a line one pixel high); then each direction fills the map, so
   * the levels stay rows and the outline of the view stays big enough to see and drag.
   */
  static double[] overviewScales(double w, double h, double treeW, double treeH) {
    double kx = w / Math.max(1, treeW);
    double ky = h / Math.max(1, treeH);
    double k = Math.min(kx, ky);
    if (treeW * k < w / 3 || treeH * k < h / 3) {
      return new double[] {kx, ky};
    }
    return new double[] {k, k};
  }

  /** The overview map (shown only while part of the tree is off screen). */
  public OverviewMap overview() {
    return overview;
  }

  /**
   * A small map of the whole tree in the corner, with the part on screen outlined; a click or a
   * drag on it moves the view there. Shown only when the tree does not fit on screen.
   */
  public final class OverviewMap extends javafx.scene.layout.Pane {
    private final javafx.scene.canvas.Canvas canvas = new javafx.scene.canvas.Canvas(180, 120);

    /** The outline of what is on screen, over the boxes (redrawn as the view moves). */
    private final javafx.scene.canvas.Canvas outline = new javafx.scene.canvas.Canvas(180, 120);

    /** What the boxes were drawn for (tree, layout, size, colour): redrawn only when it changes. */
    private String drawnFor = "";

    private java.util.function.BiConsumer<Double, Double> moveTo = (x, y) -> {};

    /** The map's own button: folds it to a small button in its corner and opens it again. */
    private final javafx.scene.control.Button toggle = new javafx.scene.control.Button();

    /**
     * True while the map is folded to its button (the user's choice, kept while the pane lives).
     */
    private boolean folded;

    OverviewMap() {
      setId("overview-map");
      getStyleClass().add("overview-map");
      getChildren().addAll(canvas, outline, toggle);
      outline.setMouseTransparent(true);
      toggle.setId("overview-toggle");
      toggle.getStyleClass().add("overview-toggle");
      toggle.setFocusTraversable(false);
      toggle.setOnAction(
          e -> {
            setFolded(!folded);
            e.consume();
          });
      // a click on the map (or its button) is the map's: it sends no kaboom to a box under it
      addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
      setPrefSize(180, 120);
      setMaxSize(180, 120);
      setVisible(false);
      setOnMousePressed(
          e -> {
            if (!folded && !onToggle(e)) {
              jump(e.getX(), e.getY());
            }
            e.consume();
          });
      setOnMouseDragged(
          e -> {
            if (!folded && !onToggle(e)) {
              jump(e.getX(), e.getY());
            }
            e.consume();
          });
    }

    private boolean onToggle(MouseEvent e) {
      return toggle.getBoundsInParent().contains(e.getX(), e.getY());
    }

    /** Folds the map to its button ({@code true}) or opens it again. */
    public void setFolded(boolean fold) {
      folded = fold;
      showToggle();
      TreePane.this.requestLayout();
    }

    /** True while the map is folded to its button. */
    public boolean isFolded() {
      return folded;
    }

    void showToggle() {
      canvas.setVisible(!folded);
      outline.setVisible(!folded);
      pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("folded"), folded);
      var icon =
          new org.kordamp.ikonli.javafx.FontIcon(
              folded ? "mdi2m-map-outline" : "mdi2c-chevron-down");
      // as big as the toolbar's icons at this font (the theme's sheet would keep it at 18 px)
      icon.getStyleClass().setAll("toolbar-icon");
      icon.setIconSize((int) Math.round(16 * MainController.chromeScale(fontScale)));
      toggle.setGraphic(icon);
      if (bundle != null) {
        String tip = bundle.getString(folded ? "overview.show" : "overview.hide");
        toggle.setTooltip(new javafx.scene.control.Tooltip(tip));
        toggle.setAccessibleText(tip);
      }
    }

    @Override
    protected void layoutChildren() {
      toggle.autosize();
      // the button in the map's top right corner (it is all there is of a folded map)
      toggle.relocate(getWidth() - toggle.getWidth(), 0);
    }

    /**
     * Sizes the map for a tree pane of {@code w} x {@code h} px: at most 180 x 120, at most a fifth
     * of the pane's width and a quarter of its height, so it never covers much of a small pane; too
     * small to be of use (under 60 px wide), it stays hidden.
     */
    void fitInto(double w, double h) {
      double mw = Math.floor(Math.min(180, Math.min(w / 5, h / 4 * 1.5)));
      tooSmall = mw < 60;
      mw = Math.max(mw, 1);
      double mh = Math.floor(mw / 1.5);
      if (folded) {
        toggle.autosize();
        resize(toggle.getWidth(), toggle.getHeight());
        return;
      }
      if (canvas.getWidth() != mw || canvas.getHeight() != mh) {
        canvas.setWidth(mw);
        canvas.setHeight(mh);
        outline.setWidth(mw);
        outline.setHeight(mh);
        setPrefSize(mw, mh);
        setMaxSize(mw, mh);
        update();
      }
      resize(mw, mh);
    }

    private boolean tooSmall;

    void setOnMoveTo(java.util.function.BiConsumer<Double, Double> f) {
      this.moveTo = f;
    }

    private double[] mapScales() {
      return overviewScales(canvas.getWidth(), canvas.getHeight(), treeWidth, treeHeight);
    }

    private void jump(double x, double y) {
      double[] k = mapScales();
      moveTo.accept(x / k[0] + offsetX, y / k[1] + offsetY);
    }

    /** Draws the boxes and the outline of what is on screen; hides itself when all is. */
    void update() {
      if (model == null || getParent() == null) {
        return;
      }
      double s = scale.getX();
      double viewX = -translate.getX() / s;
      double viewY = -translate.getY() / s;
      double viewW = TreePane.this.getWidth() / s;
      double viewH = TreePane.this.getHeight() / s;
      boolean all =
          viewX <= offsetX + 1
              && viewY <= offsetY + 1
              && viewX + viewW >= offsetX + treeWidth - 1
              && viewY + viewH >= offsetY + treeHeight - 1;
      setVisible(!all && !tooSmall);
      if (all || tooSmall) {
        return;
      }
      if (folded) {
        placeOverview();
        return;
      }
      double[] k = mapScales();
      // in the tree's own background colour (light or dark theme)
      javafx.scene.paint.Color bg = treeBackground();
      String key =
          System.identityHashCode(model)
              + "/"
              + shownStructure
              + "/"
              + offsetX
              + "/"
              + offsetY
              + "/"
              + k[0]
              + "/"
              + k[1]
              + "/"
              + bg
              + "/"
              + (virtual ? boxes.size() : views.size())
              + (moving != null);
      var g = canvas.getGraphicsContext2D();
      if (!key.equals(drawnFor) || moving != null) { // (moving: the boxes are on their way)
        drawnFor = key;
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        boolean dark = bg.getBrightness() < 0.5;
        g.setFill(dark ? bg.brighter() : javafx.scene.paint.Color.rgb(255, 255, 255, 0.9));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFill(
            dark
                ? javafx.scene.paint.Color.rgb(120, 140, 175)
                : javafx.scene.paint.Color.rgb(90, 110, 140));
        List<double[]> places = new ArrayList<>();
        if (virtual) {
          boxes.values().forEach(b -> places.add(b.xywh()));
        } else {
          views.values().forEach(v -> places.add(xywh(v)));
        }
        for (double[] v : places) {
          g.fillRect(
              (v[0] - offsetX) * k[0],
              (v[1] - offsetY) * k[1],
              Math.max(1, v[2] * k[0]),
              Math.max(1, v[3] * k[1]));
        }
      }
      g = outline.getGraphicsContext2D();
      g.clearRect(0, 0, outline.getWidth(), outline.getHeight());
      g.setStroke(javafx.scene.paint.Color.rgb(198, 40, 40));
      g.setLineWidth(2);
      g.strokeRect((viewX - offsetX) * k[0], (viewY - offsetY) * k[1], viewW * k[0], viewH * k[1]);
      placeOverview(); // the view moved: another corner may cover fewer boxes now
    }
  }
}
