package io.flytemigrate.validators;

import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.List;

/**
 * The nodes of a graph do not wait for each other in a cycle, through the outputs they read or
 * their {@code after} lists. Each cycle is reported once, at its first node in source order, as
 * the path values would take around it. flytepropeller: {@code CycleDetected} (or {@code
 * UnreachableNodes} when no node of the cycle can start at all).
 */
public final class NoDependencyCycles implements Check {
  @Override
  public Code code() {
    return Codes.DEPENDENCY_CYCLE;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    for (Scope s : Scope.all(pipeline)) {
      Dependencies deps = Dependencies.of(s.graph());
      for (List<String> group : deps.cycles()) {
        List<Dependencies.Edge> path = deps.cycleThroughFirst(group);
        StringBuilder text = new StringBuilder("`").append(path.get(0).upstream()).append('`');
        for (Dependencies.Edge e : path) {
          text.append(" -> `").append(e.downstream()).append('`');
        }
        Node first = s.node(group.get(0)).orElseThrow();
        String message = path.size() == 1
            ? NodeKind.describe(first) + " waits for itself: " + text
            : "nodes of " + s.describe() + " wait for each other in a cycle: " + text;
        Diagnostic d = Diagnostic.of(code(), first.span(), message);
        for (Dependencies.Edge e : path) {
          d = d.withLabel(e.span(), "`" + e.downstream() + "` " + (e.data() ? "reads an output of" : "runs after") + " `"
              + e.upstream() + "` here");
        }
        sink.report(d.withHelp("`a` -> `b` means `b` waits for `a`; remove one of these edges (an input that reads"
            + " an output, or an `after` entry) to break the cycle"));
      }
    }
  }
}
