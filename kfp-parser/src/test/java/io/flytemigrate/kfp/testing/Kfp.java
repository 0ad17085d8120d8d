package io.flytemigrate.kfp.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.KfpV2Reader;
import java.util.Optional;

/** Reads inline pipeline specs and digs into the result. */
public final class Kfp {
  private Kfp() {}

  public static Outcome<Pipeline> read(String text) {
    return new KfpV2Reader().read(new SourceFile("p.yaml", text));
  }

  /** The pipeline, which must be there (errors or not). */
  public static Pipeline pipeline(Outcome<Pipeline> o) {
    assertTrue(o.value().isPresent(), () -> "no pipeline; diagnostics:\n" + Diags.render(o.diagnostics()));
    return o.value().get();
  }

  /** Reads a spec that must give a pipeline and no diagnostic at all. */
  public static Pipeline clean(String text) {
    Outcome<Pipeline> o = read(text);
    assertTrue(o.diagnostics().isEmpty(), () -> "unexpected diagnostics:\n" + Diags.render(o.diagnostics()));
    return pipeline(o);
  }

  public static Node node(Graph g, String id) {
    Optional<Node> n = g.node(id);
    if (n.isEmpty()) {
      fail("no node `" + id + "` in graph; nodes: " + g.nodes().stream().map(Node::id).toList());
    }
    return n.get();
  }

  @SuppressWarnings("unchecked")
  public static <T extends Node> T node(Graph g, String id, Class<T> kind) {
    Node n = node(g, id);
    assertTrue(kind.isInstance(n), () -> "node `" + id + "` is a " + n.getClass().getSimpleName() + ", not a " + kind.getSimpleName());
    return (T) n;
  }

  @SuppressWarnings("unchecked")
  public static <T extends Component> T component(Pipeline p, String id, Class<T> kind) {
    Optional<Component> c = p.component(id);
    if (c.isEmpty()) {
      fail("no component `" + id + "`; components: " + p.components().stream().map(Component::id).toList());
    }
    assertTrue(kind.isInstance(c.get()), () -> "component `" + id + "` is a " + c.get().getClass().getSimpleName());
    return (T) c.get();
  }

  /** A port with its span cleared, to compare the rest. */
  public static Port noSpan(Port p) {
    return new Port(p.name(), p.type(), p.artifact(), p.optional(), p.defaultValue(), p.description(), Span.NONE);
  }

  /** Indents every line of {@code fragment} by {@code spaces}, for splicing into a template. */
  public static String indent(String fragment, int spaces) {
    String pad = " ".repeat(spaces);
    StringBuilder b = new StringBuilder();
    for (String line : fragment.stripTrailing().split("\n", -1)) {
      b.append(line.isEmpty() ? "" : pad + line).append('\n');
    }
    return b.toString();
  }
}
