package io.flytemigrate.report;

import java.util.regex.Pattern;

/**
 * Draws a {@link Dag} as an SVG element for inline use in HTML, laid out by {@link DagLayout}:
 * clusters as tinted boxes with a title, leaves as rounded boxes coloured by kind, data edges
 * solid and ordering edges dashed, each ending in an arrow. Everything is in presentation
 * attributes (no stylesheet, no script, no external reference, no namespace URI, which inline SVG
 * in HTML does not need), so the element works wherever it is pasted. Full labels are kept as
 * tooltips.
 */
public final class SvgDag {
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

  private SvgDag() {}

  /**
   * The {@code <svg>} element, ending with a newline.
   *
   * @param idPrefix letters, digits and dashes, starting with a letter; the element's own ids
   *     (the arrow marker) start with it, so several drawings can share a page
   * @param title what the drawing shows, for screen readers and tooltips
   */
  public static String render(Dag dag, String idPrefix, String title) {
    if (!PREFIX.matcher(idPrefix).matches()) {
      throw new IllegalArgumentException("an svg id prefix is letters, digits and dashes, starting with a letter: " + idPrefix);
    }
    DagLayout.Result layout = DagLayout.of(dag);
    int width = Math.max(layout.width(), 160);
    int height = Math.max(layout.height(), 40);
    String marker = idPrefix + "-arrow";
    var out = new StringBuilder();
    out.append("<svg class=\"dag\" role=\"img\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" font-family=\"ui-monospace, SFMono-Regular, Menlo, Consolas, monospace\" font-size=\"12\">\n");
    out.append("<title>").append(XmlText.escape(ShortLabel.oneLine(title))).append("</title>\n");
    out.append("<defs><marker id=\"").append(marker)
        .append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
        .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
    if (dag.nodes().isEmpty()) {
      out.append("<text x=\"10\" y=\"24\" fill=\"#666\">(nothing to draw)</text>\n");
    }
    for (DagLayout.Box b : layout.boxes()) {
      if (b.node().isCluster()) {
        cluster(out, b);
      }
    }
    for (Dag.Edge e : dag.edges()) {
      edge(out, layout.byId().get(e.from()), layout.byId().get(e.to()), e, marker);
    }
    for (DagLayout.Box b : layout.boxes()) {
      if (!b.node().isCluster()) {
        leaf(out, b);
      }
    }
    for (Dag.Edge e : dag.edges()) {
      if (!e.label().isEmpty()) {
        edgeLabel(out, layout.byId().get(e.from()), layout.byId().get(e.to()), e);
      }
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private static void cluster(StringBuilder out, DagLayout.Box b) {
    String[] colours = colours(b.node().kind());
    out.append("<g class=\"cluster\"><title>").append(XmlText.escape(ShortLabel.oneLine(b.node().label()))).append("</title>");
    out.append("<rect x=\"").append(b.x()).append("\" y=\"").append(b.y()).append("\" width=\"").append(b.w())
        .append("\" height=\"").append(b.h()).append("\" rx=\"8\" fill=\"").append(colours[0])
        .append("\" stroke=\"").append(colours[1]).append("\" stroke-dasharray=\"6 3\"/>");
    out.append("<text x=\"").append(b.x() + 8).append("\" y=\"").append(b.y() + 16).append("\" fill=\"#333\" font-weight=\"600\">")
        .append(XmlText.escape(ShortLabel.of(b.node().label()))).append("</text></g>\n");
  }

  private static void leaf(StringBuilder out, DagLayout.Box b) {
    String[] colours = colours(b.node().kind());
    out.append("<g class=\"node\"><title>").append(XmlText.escape(ShortLabel.oneLine(b.node().label()))).append("</title>");
    out.append("<rect x=\"").append(b.x()).append("\" y=\"").append(b.y()).append("\" width=\"").append(b.w())
        .append("\" height=\"").append(b.h()).append("\" rx=\"5\" fill=\"").append(colours[0])
        .append("\" stroke=\"").append(colours[1]).append("\"/>");
    out.append("<text x=\"").append(b.centerX()).append("\" y=\"").append(b.y() + b.h() / 2 + 4)
        .append("\" text-anchor=\"middle\" fill=\"#111\">").append(XmlText.escape(ShortLabel.of(b.node().label())))
        .append("</text></g>\n");
  }

  private static void edge(StringBuilder out, DagLayout.Box from, DagLayout.Box to, Dag.Edge e, String marker) {
    out.append("<path class=\"edge\" d=\"").append(path(from, to)).append("\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.3\"");
    if (e.kind() == Dag.EdgeKind.ORDER) {
      out.append(" stroke-dasharray=\"5 4\"");
    }
    out.append(" marker-end=\"url(#").append(marker).append(")\"/>\n");
  }

  private static String path(DagLayout.Box from, DagLayout.Box to) {
    if (to.y() >= from.bottom()) {
      int x1 = from.centerX();
      int y1 = from.bottom();
      int x2 = to.centerX();
      int y2 = to.y();
      int d = Math.max(12, (y2 - y1) / 2);
      return "M " + x1 + " " + y1 + " C " + x1 + " " + (y1 + d) + ", " + x2 + " " + (y2 - d) + ", " + x2 + " " + y2;
    }
    int x1 = from.x() + from.w();
    int y1 = from.y() + from.h() / 2;
    int x2 = to.x() + to.w();
    int y2 = to.y() + to.h() / 2;
    int bulge = Math.max(x1, x2) + 40;
    return "M " + x1 + " " + y1 + " C " + bulge + " " + y1 + ", " + bulge + " " + y2 + ", " + x2 + " " + y2;
  }

  private static void edgeLabel(StringBuilder out, DagLayout.Box from, DagLayout.Box to, Dag.Edge e) {
    int x;
    int y;
    if (to.y() >= from.bottom()) {
      x = (from.centerX() + to.centerX()) / 2;
      y = (from.bottom() + to.y()) / 2 + 4;
    } else {
      x = Math.max(from.x() + from.w(), to.x() + to.w()) + 30;
      y = (from.y() + from.h() / 2 + to.y() + to.h() / 2) / 2 + 4;
    }
    out.append("<text class=\"edge-label\" x=\"").append(x).append("\" y=\"").append(y)
        .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#444\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">")
        .append(XmlText.escape(ShortLabel.of(e.label()))).append("</text>\n");
  }

  /** Fill and stroke of a node kind. */
  private static String[] colours(Dag.Kind kind) {
    return switch (kind) {
      case TASK -> new String[] {"#eaf1fb", "#3d6aa8"};
      case WORKFLOW -> new String[] {"#f0ebfb", "#6e55b8"};
      case CONDITION -> new String[] {"#fff8e1", "#b58a00"};
      case BRANCHES -> new String[] {"#fff1e0", "#b86b00"};
      case LOOP -> new String[] {"#e8f6ee", "#2f8a52"};
      case EXIT_HANDLER -> new String[] {"#fcebea", "#b0413e"};
      case OTHER -> new String[] {"#f3f3f3", "#777"};
    };
  }
}
