package io.flytemigrate.validators;

import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Severity;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A node's {@code after} list names each node at most once and never the node itself. Naming a
 * node twice is harmless and reported as a warning; naming itself is a node waiting for itself,
 * which Flyte rejects ({@code CycleDetected}), and is an error. An {@code after} entry that
 * repeats a data edge is not reported: KFP lists every producer in {@code dependentTasks}, and
 * flytekit lists every consumed promise in {@code upstream_node_ids}, so that is the normal form.
 * An entry that reverses a data edge makes a cycle, which FM4004 reports.
 */
public final class AfterEdgesAreConsistent implements Check {
  @Override
  public Code code() {
    return Codes.INCONSISTENT_AFTER;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    for (Scope s : Scope.all(pipeline)) {
      for (Node n : s.graph().nodes()) {
        String who = NodeKind.describe(n);
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String a : n.after()) {
          if (!seen.add(a)) {
            repeated.add(a);
          }
        }
        for (String a : repeated) {
          sink.report(Diagnostic.of(code(), n.span(), who + " lists `" + a + "` more than once in `after`")
              .withHelp("list each node once; the repeats are ignored"));
        }
        if (seen.contains(n.id())) {
          sink.report(Diagnostic.of(code(), n.span(), who + " lists itself in `after`, so it waits for itself")
              .withSeverity(Severity.ERROR)
              .withHelp("remove `" + n.id() + "` from its own `after` list"));
        }
      }
    }
  }
}
