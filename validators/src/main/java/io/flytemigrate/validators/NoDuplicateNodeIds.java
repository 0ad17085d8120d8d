package io.flytemigrate.validators;

import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node ids are unique in their workflow: the root graph or a nested pipeline, the bodies of its
 * conditions and exit handlers included (an emitter may flatten those into the workflow). A loop
 * body has ids of its own: Flyte has no loop that runs inside the workflow around it, so a body
 * always becomes a map task's node or a workflow of its own that a dynamic task runs per item,
 * and the body's nodes never meet the loop's siblings (an Airflow mapped task is a loop and a
 * body task with one id). Flyte's compiler silently keeps the first of two nodes with one id;
 * flytepropeller reports {@code ValueCollision} for flattened nodes and {@code DuplicateId} for
 * sub-workflows.
 */
public final class NoDuplicateNodeIds implements Check {
  @Override
  public Code code() {
    return Codes.DUPLICATE_NODE_ID;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    Map<Scope, List<Node>> byNamespace = new LinkedHashMap<>();
    for (Scope s : Scope.all(pipeline)) {
      byNamespace.computeIfAbsent(idSpace(s), k -> new ArrayList<>()).addAll(s.graph().nodes());
    }
    for (Map.Entry<Scope, List<Node>> e : byNamespace.entrySet()) {
      List<Node> nodes = new ArrayList<>(e.getValue());
      nodes.sort(Comparator.comparingInt((Node n) -> n.span().line()).thenComparingInt(n -> n.span().column()));
      Map<String, Node> first = new LinkedHashMap<>();
      for (Node n : nodes) {
        Node earlier = first.putIfAbsent(n.id(), n);
        if (earlier != null) {
          sink.report(Diagnostic.of(code(), n.span(),
                  "node id `" + n.id() + "` is already used by another node of " + e.getKey().describe())
              .withLabel(earlier.span(), "`" + n.id() + "` is first used here")
              .withHelp("rename one of them: the nodes of a flyte workflow need distinct ids, and the bodies"
                  + " of conditions and exit handlers share the ids of the workflow around them"));
        }
      }
    }
  }

  /**
   * The graph whose ids {@code s}'s node ids share: the nearest loop body or namespace (root or
   * nested pipeline) around it, itself included.
   */
  private static Scope idSpace(Scope s) {
    Scope at = s;
    while (at.kind().isBody() && at.kind() != Scope.Kind.LOOP) {
      at = at.parent().orElseThrow();
    }
    return at;
  }
}
