package io.flytemigrate.report;

/**
 * Draws a {@link Dag} as a Mermaid flowchart, top to bottom: clusters as subgraphs, data edges
 * solid, ordering edges dashed, a shape per node kind. Ids come from {@link MermaidIds}; labels are
 * quoted, on one line, shortened, and every character Mermaid would interpret is written as an
 * entity code ({@code #quot;}, {@code #35;}, ...), so user text cannot break or change the diagram.
 */
public final class Mermaid {
  private Mermaid() {}

  /**
   * The flowchart text, without Markdown fences, ending with a newline.
   *
   * @param idPrefix letters and digits, starting with a letter; keeps ids apart when several
   *     diagrams share a page
   */
  public static String flowchart(Dag dag, String idPrefix) {
    MermaidIds ids = new MermaidIds(idPrefix);
    var out = new StringBuilder("flowchart TB\n");
    if (dag.nodes().isEmpty()) {
      out.append("  ").append(ids.of("(empty)")).append("[\"(nothing to draw)\"]\n");
      return out.toString();
    }
    for (Dag.Node n : dag.nodes()) {
      node(out, n, ids, "  ");
    }
    for (Dag.Edge e : dag.edges()) {
      out.append("  ").append(ids.of(e.from()));
      out.append(e.kind() == Dag.EdgeKind.DATA ? " -->" : " -.->");
      if (!e.label().isEmpty()) {
        out.append("|\"").append(text(e.label())).append("\"|");
      }
      out.append(' ').append(ids.of(e.to())).append('\n');
    }
    return out.toString();
  }

  private static void node(StringBuilder out, Dag.Node n, MermaidIds ids, String indent) {
    String id = ids.of(n.id());
    String label = "\"" + text(n.label()) + "\"";
    if (n.isCluster()) {
      out.append(indent).append("subgraph ").append(id).append('[').append(label).append("]\n");
      for (Dag.Node child : n.children()) {
        node(out, child, ids, indent + "  ");
      }
      out.append(indent).append("end\n");
      return;
    }
    out.append(indent).append(id);
    switch (n.kind()) {
      case TASK -> out.append('[').append(label).append(']');
      case WORKFLOW -> out.append("[[").append(label).append("]]");
      case CONDITION -> out.append('{').append(label).append('}');
      case BRANCHES -> out.append("{{").append(label).append("}}");
      case LOOP -> out.append("[/").append(label).append("/]");
      case EXIT_HANDLER -> out.append("([").append(label).append("])");
      case OTHER -> out.append('(').append(label).append(')');
    }
    out.append('\n');
  }

  /** A label as Mermaid shows it verbatim inside double quotes. */
  static String text(String label) {
    String s = ShortLabel.of(label);
    var b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("#quot;");
        case '#' -> b.append("#35;");
        case '&' -> b.append("#amp;");
        case '<' -> b.append("#lt;");
        case '>' -> b.append("#gt;");
        case '`' -> b.append("#96;");
        case '|' -> b.append("#124;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
