package io.flytemigrate.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Draws a {@link Dag} as a Graphviz DOT digraph, top to bottom: clusters as {@code subgraph
 * cluster_N} boxes with a title, leaves as nodes shaped and coloured by kind, data edges solid and
 * labelled with the values they carry, ordering edges dashed. The output is meant for {@code dot
 * -Tsvg} or {@code dot -Tpng}.
 *
 * <p>Graphviz cannot end an edge on a cluster, so every cluster holds an invisible point node
 * whose id is the cluster's own id; an edge to or from a cluster ends there and is clipped at the
 * cluster's border ({@code compound=true} with {@code lhead}/{@code ltail}).
 *
 * <p>Every id and label is written as a quoted string, with {@code "} and {@code \} escaped, so no
 * user text can end the string, become a keyword or, in labels, a Graphviz escape such as {@code
 * \N}. Labels are shortened to one line as in the other drawings. The output depends only on the
 * drawing: nodes and edges keep their given order, clusters are numbered in that order.
 */
public final class Dot {
  private Dot() {}

  /**
   * The digraph text, ending with a newline.
   *
   * @param name the graph's name, e.g. the pipeline's; any text
   */
  public static String digraph(Dag dag, String name) {
    var out = new StringBuilder();
    out.append("digraph ").append(quoted(name)).append(" {\n");
    out.append("  graph [rankdir=TB, compound=true, fontname=\"Helvetica\", fontsize=11, nodesep=0.3, ranksep=0.45];\n");
    out.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10,"
        + " fillcolor=\"#eaf1fb\", color=\"#3d6aa8\"];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\", fontcolor=\"#444444\"];\n");
    if (dag.nodes().isEmpty()) {
      out.append("  \"(empty)\" [label=\"(nothing to draw)\", shape=plaintext, style=\"\"];\n");
      out.append("}\n");
      return out.toString();
    }
    Map<String, String> clusters = new HashMap<>();
    Map<String, Set<String>> inside = new HashMap<>();
    for (Dag.Node n : dag.nodes()) {
      node(out, n, "  ", clusters, inside);
    }
    for (Dag.Edge e : dag.edges()) {
      edge(out, e, clusters, inside);
    }
    out.append("}\n");
    return out.toString();
  }

  /**
   * Writes one node; for a cluster, also records its {@code cluster_N} name in {@code clusters}
   * and the ids below it in {@code inside}.
   *
   * @return the ids of {@code n} and everything below it
   */
  private static Set<String> node(StringBuilder out, Dag.Node n, String indent, Map<String, String> clusters,
      Map<String, Set<String>> inside) {
    Set<String> ids = new HashSet<>();
    ids.add(n.id());
    if (!n.isCluster()) {
      String[] style = style(n.kind());
      out.append(indent).append(quoted(n.id())).append(" [label=").append(quoted(label(n.label())))
          .append(", shape=").append(style[0]).append(", fillcolor=\"").append(style[1])
          .append("\", color=\"").append(style[2]).append("\"];\n");
      return ids;
    }
    String name = "cluster_" + (clusters.size() + 1);
    clusters.put(n.id(), name);
    String[] style = style(n.kind());
    out.append(indent).append("subgraph ").append(quoted(name)).append(" {\n");
    String in = indent + "  ";
    out.append(in).append("label=").append(quoted(label(n.label()))).append(";\n");
    out.append(in).append("labeljust=l; style=\"rounded,dashed,filled\"; fillcolor=\"").append(style[3])
        .append("\"; color=\"").append(style[2]).append("\";\n");
    out.append(in).append(quoted(n.id())).append(" [label=\"\", shape=point, style=invis, width=0, height=0];\n");
    for (Dag.Node child : n.children()) {
      ids.addAll(node(out, child, in, clusters, inside));
    }
    out.append(indent).append("}\n");
    inside.put(n.id(), ids);
    return ids;
  }

  private static void edge(StringBuilder out, Dag.Edge e, Map<String, String> clusters, Map<String, Set<String>> inside) {
    var attrs = new StringBuilder();
    if (!e.label().isEmpty()) {
      attrs.append("label=").append(quoted(label(e.label())));
    }
    if (e.kind() == Dag.EdgeKind.ORDER) {
      separate(attrs).append("style=dashed");
    }
    // Clip at the cluster's border, unless the other end is inside that cluster (Graphviz would
    // only warn and ignore it).
    if (clusters.containsKey(e.from()) && !inside.get(e.from()).contains(e.to())) {
      separate(attrs).append("ltail=").append(quoted(clusters.get(e.from())));
    }
    if (clusters.containsKey(e.to()) && !inside.get(e.to()).contains(e.from())) {
      separate(attrs).append("lhead=").append(quoted(clusters.get(e.to())));
    }
    out.append("  ").append(quoted(e.from())).append(" -> ").append(quoted(e.to()));
    if (attrs.length() > 0) {
      out.append(" [").append(attrs).append(']');
    }
    out.append(";\n");
  }

  private static StringBuilder separate(StringBuilder attrs) {
    if (attrs.length() > 0) {
      attrs.append(", ");
    }
    return attrs;
  }

  /** A label on one line, shortened as in the other drawings. */
  private static String label(String text) {
    return ShortLabel.of(text);
  }

  /** {@code s} as a DOT quoted string: only {@code "} and {@code \} need escaping there. */
  static String quoted(String s) {
    var b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.append('"').toString();
  }

  /** Shape, leaf fill, stroke and cluster fill of a node kind. */
  private static String[] style(Dag.Kind kind) {
    return switch (kind) {
      case TASK -> new String[] {"box", "#eaf1fb", "#3d6aa8", "#f4f8fd"};
      case WORKFLOW -> new String[] {"box3d", "#f0ebfb", "#6e55b8", "#f7f4fd"};
      case CONDITION -> new String[] {"diamond", "#fff8e1", "#b58a00", "#fffbef"};
      case BRANCHES -> new String[] {"hexagon", "#fff1e0", "#b86b00", "#fff8ef"};
      case LOOP -> new String[] {"parallelogram", "#e8f6ee", "#2f8a52", "#f3faf6"};
      case EXIT_HANDLER -> new String[] {"octagon", "#fcebea", "#b0413e", "#fdf5f4"};
      case OTHER -> new String[] {"ellipse", "#f3f3f3", "#777777", "#f9f9f9"};
    };
  }
}
