package io.flytemigrate.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Places the nodes of a {@link Dag} for {@link SvgDag}: a layered layout, top to bottom, done
 * separately inside every cluster. In each container the children get longest-path layers (an
 * edge between nodes in different children of the container counts as an edge between those
 * children; cycles, which only bad input has, are broken at the first node in order), each layer
 * is ordered by the mean position of its predecessors with the given order breaking ties, a
 * layer wider than {@link #MAX_ROW} wraps onto more rows, and rows are centred. A cluster is as big as its laid-out children plus a title. Integer
 * coordinates only, so the output is the same on every machine.
 */
final class DagLayout {
  static final int MARGIN = 10;
  static final int NODE_HEIGHT = 30;
  static final int GAP_X = 28;
  static final int GAP_Y = 40;
  static final int GAP_WRAP = 14;
  /** Rows wider than this wrap, so a layer of many independent nodes does not make a very wide drawing. */
  static final int MAX_ROW = 720;
  static final int PAD = 12;
  static final int TITLE = 24;
  static final int MIN_WIDTH = 64;

  /** A placed node; {@code x, y} is its top-left corner. */
  record Box(Dag.Node node, int x, int y, int w, int h) {
    int centerX() {
      return x + w / 2;
    }

    int bottom() {
      return y + h;
    }
  }

  /** Every node placed, clusters before their children, and the size of the whole drawing. */
  record Result(List<Box> boxes, Map<String, Box> byId, int width, int height) {}

  private record Size(int w, int h) {}

  private final Map<String, List<String>> ancestry = new HashMap<>();
  private final Map<String, Map<String, Set<String>>> predecessors = new HashMap<>();
  private final Map<String, List<Row>> rows = new HashMap<>();
  private final Map<String, Size> sizes = new HashMap<>();
  private final List<Box> boxes = new ArrayList<>();

  private DagLayout() {}

  static Result of(Dag dag) {
    var layout = new DagLayout();
    layout.index(dag.nodes(), List.of());
    for (Dag.Edge e : dag.edges()) {
      layout.lift(e);
    }
    Size root = layout.measure("", dag.nodes());
    layout.place("", MARGIN, MARGIN, root.w());
    Map<String, Box> placed = new HashMap<>();
    for (Box b : layout.boxes) {
      placed.put(b.node().id(), b);
    }
    return new Result(List.copyOf(layout.boxes), placed, root.w() + 2 * MARGIN, root.h() + 2 * MARGIN);
  }

  /** Text width in pixels of a 12px monospace font, rounded up. */
  static int textWidth(String s) {
    return (int) Math.ceil(s.codePointCount(0, s.length()) * 7.4);
  }

  private void index(List<Dag.Node> nodes, List<String> path) {
    for (Dag.Node n : nodes) {
      List<String> own = new ArrayList<>(path);
      own.add(n.id());
      ancestry.put(n.id(), own);
      index(n.children(), own);
    }
  }

  /** Records the edge between the two children of the innermost container that holds both ends. */
  private void lift(Dag.Edge e) {
    List<String> from = ancestry.get(e.from());
    List<String> to = ancestry.get(e.to());
    int common = 0;
    while (common < from.size() && common < to.size() && from.get(common).equals(to.get(common))) {
      common++;
    }
    if (common == from.size() || common == to.size()) {
      return;
    }
    String container = common == 0 ? "" : from.get(common - 1);
    predecessors.computeIfAbsent(container, k -> new HashMap<>())
        .computeIfAbsent(to.get(common), k -> new LinkedHashSet<>())
        .add(from.get(common));
  }

  private Size measure(String container, List<Dag.Node> children) {
    List<Row> wrapped = new ArrayList<>();
    for (List<Dag.Node> layer : layers(container, children)) {
      List<Dag.Node> current = new ArrayList<>();
      int currentWidth = 0;
      boolean continuation = false;
      for (Dag.Node n : layer) {
        int w = size(n).w();
        if (!current.isEmpty() && currentWidth + GAP_X + w > MAX_ROW) {
          wrapped.add(new Row(current, continuation));
          current = new ArrayList<>();
          currentWidth = 0;
          continuation = true;
        }
        currentWidth += (current.isEmpty() ? 0 : GAP_X) + w;
        current.add(n);
      }
      wrapped.add(new Row(current, continuation));
    }
    rows.put(container, wrapped);
    int width = 0;
    int height = 0;
    for (int i = 0; i < wrapped.size(); i++) {
      Row row = wrapped.get(i);
      width = Math.max(width, row.width(sizes));
      height += row.height(sizes) + (i == 0 ? 0 : row.continuation() ? GAP_WRAP : GAP_Y);
    }
    return new Size(width, height);
  }

  private Size size(Dag.Node n) {
    Size s;
    if (n.isCluster()) {
      Size inner = measure(n.id(), n.children());
      int w = Math.max(inner.w(), textWidth(ShortLabel.of(n.label())) + 4) + 2 * PAD;
      s = new Size(w, TITLE + inner.h() + PAD);
    } else {
      s = new Size(Math.max(MIN_WIDTH, textWidth(ShortLabel.of(n.label())) + 20), NODE_HEIGHT);
    }
    sizes.put(n.id(), s);
    return s;
  }

  private List<List<Dag.Node>> layers(String container, List<Dag.Node> children) {
    Map<String, Set<String>> preds = predecessors.getOrDefault(container, Map.of());
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < children.size(); i++) {
      order.put(children.get(i).id(), i);
    }
    Map<String, Integer> layer = new HashMap<>();
    TreeSet<Integer> pending = new TreeSet<>();
    for (int i = 0; i < children.size(); i++) {
      pending.add(i);
    }
    while (!pending.isEmpty()) {
      Integer next = null;
      for (int i : pending) {
        if (layer.keySet().containsAll(preds.getOrDefault(children.get(i).id(), Set.of()))) {
          next = i;
          break;
        }
      }
      if (next == null) {
        next = pending.first();
      }
      pending.remove(next);
      String id = children.get(next).id();
      int l = 0;
      for (String p : preds.getOrDefault(id, Set.of())) {
        if (layer.containsKey(p)) {
          l = Math.max(l, layer.get(p) + 1);
        }
      }
      layer.put(id, l);
    }
    int depth = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<List<Dag.Node>> result = new ArrayList<>();
    Map<String, Double> position = new HashMap<>();
    for (int l = 0; l < depth; l++) {
      List<Dag.Node> row = new ArrayList<>();
      for (Dag.Node n : children) {
        if (layer.get(n.id()) == l) {
          row.add(n);
        }
      }
      Map<String, Double> key = new HashMap<>();
      for (Dag.Node n : row) {
        double sum = 0;
        int count = 0;
        for (String p : preds.getOrDefault(n.id(), Set.of())) {
          if (position.containsKey(p)) {
            sum += position.get(p);
            count++;
          }
        }
        key.put(n.id(), count == 0 ? (order.get(n.id()) + 0.5) / children.size() : sum / count);
      }
      row.sort(Comparator.comparingDouble((Dag.Node n) -> key.get(n.id())).thenComparingInt(n -> order.get(n.id())));
      for (int i = 0; i < row.size(); i++) {
        position.put(row.get(i).id(), (i + 0.5) / row.size());
      }
      result.add(row);
    }
    return result;
  }

  private void place(String container, int left, int top, int width) {
    int y = top;
    List<Row> wrapped = rows.get(container);
    for (int i = 0; i < wrapped.size(); i++) {
      Row row = wrapped.get(i);
      if (i > 0) {
        y += row.continuation() ? GAP_WRAP : GAP_Y;
      }
      int x = left + (width - row.width(sizes)) / 2;
      for (Dag.Node n : row.nodes()) {
        Size s = sizes.get(n.id());
        boxes.add(new Box(n, x, y, s.w(), s.h()));
        if (n.isCluster()) {
          place(n.id(), x + PAD, y + TITLE, s.w() - 2 * PAD);
        }
        x += s.w() + GAP_X;
      }
      y += row.height(sizes);
    }
  }

  /** One row of a container; a continuation holds the rest of a layer too wide for one row. */
  private record Row(List<Dag.Node> nodes, boolean continuation) {
    int width(Map<String, Size> sizes) {
      int w = GAP_X * (nodes.size() - 1);
      for (Dag.Node n : nodes) {
        w += sizes.get(n.id()).w();
      }
      return w;
    }

    int height(Map<String, Size> sizes) {
      int h = 0;
      for (Dag.Node n : nodes) {
        h = Math.max(h, sizes.get(n.id()).h());
      }
      return h;
    }
  }
}
