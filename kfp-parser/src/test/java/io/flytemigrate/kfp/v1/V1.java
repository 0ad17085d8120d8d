package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.kfp.ArgoWorkflowReader;
import io.flytemigrate.kfp.KfpV1ComponentReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads inline KFP v1 files for the tests of this package and digs into the result. */
final class V1 {
  private V1() {}

  static Outcome<Pipeline> argo(String text) {
    return new ArgoWorkflowReader().read(new SourceFile("w.yaml", text));
  }

  static Outcome<Pipeline> component(String text) {
    return new KfpV1ComponentReader().read(new SourceFile("component.yaml", text));
  }

  static Pipeline pipeline(Outcome<Pipeline> o) {
    assertTrue(o.value().isPresent(), () -> "no pipeline; diagnostics:\n" + render(o.diagnostics()));
    return o.value().get();
  }

  /** A pipeline read without any diagnostic. */
  static Pipeline clean(Outcome<Pipeline> o) {
    assertTrue(o.diagnostics().isEmpty(), () -> "unexpected diagnostics:\n" + render(o.diagnostics()));
    return pipeline(o);
  }

  /** {@code CODE line:col} of every diagnostic, in order. */
  static List<String> codes(Outcome<Pipeline> o) {
    return o.diagnostics().stream().map(d -> d.code().id() + " " + d.span().line() + ":" + d.span().column()).toList();
  }

  static String render(List<Diagnostic> ds) {
    return DiagnosticRenderer.shortForm(ds);
  }

  @SuppressWarnings("unchecked")
  static <T extends Node> T node(Graph g, String id, Class<T> kind) {
    Optional<Node> n = g.node(id);
    if (n.isEmpty()) {
      fail("no node `" + id + "`; nodes: " + g.nodes().stream().map(Node::id).toList());
    }
    assertTrue(kind.isInstance(n.get()), () -> "node `" + id + "` is a " + n.get().getClass().getSimpleName());
    return (T) n.get();
  }

  @SuppressWarnings("unchecked")
  static <T extends Component> T component(Pipeline p, String id, Class<T> kind) {
    Optional<Component> c = p.component(id);
    if (c.isEmpty()) {
      fail("no component `" + id + "`; components: " + p.components().stream().map(Component::id).toList());
    }
    assertTrue(kind.isInstance(c.get()), () -> "component `" + id + "` is a " + c.get().getClass().getSimpleName());
    return (T) c.get();
  }

  static Map<String, Binding> bindings(Node n) {
    Map<String, Binding> out = new LinkedHashMap<>();
    for (InputBinding b : n.inputs()) {
      out.put(b.input(), b.value());
    }
    return out;
  }

  /** A workflow with the given templates (indented as list items under `templates:`). */
  static String workflow(String entrypoint, String templates) {
    return "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: w\nspec:\n  entrypoint: " + entrypoint
        + "\n  templates:\n" + templates.stripTrailing().lines().map(l -> l.isEmpty() ? l : "  " + l)
            .reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
  }
}
