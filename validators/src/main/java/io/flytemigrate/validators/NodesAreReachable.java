package io.flytemigrate.validators;

import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every node can start: one that waits, directly or through others, for a node of a dependency
 * cycle never runs. The cycle itself is FM4004; this reports the nodes behind it, each with the
 * cycle node it waits for. flytepropeller: {@code UnreachableNodes}.
 */
public final class NodesAreReachable implements Check {
  @Override
  public Code code() {
    return Codes.UNREACHABLE_NODE;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    for (Scope s : Scope.all(pipeline)) {
      Dependencies deps = Dependencies.of(s.graph());
      Set<String> inCycle = new HashSet<>();
      deps.cycles().forEach(inCycle::addAll);
      if (inCycle.isEmpty()) {
        continue;
      }
      for (String id : deps.ids()) {
        if (inCycle.contains(id)) {
          continue;
        }
        String blocker = firstCycleUpstream(id, deps, inCycle);
        if (blocker != null) {
          Node n = s.node(id).orElseThrow();
          Node b = s.node(blocker).orElseThrow();
          sink.report(Diagnostic.of(code(), n.span(),
                  NodeKind.describe(n) + " can never run: it waits for `" + blocker + "`, which is part of a dependency cycle")
              .withLabel(b.span(), "`" + blocker + "` is in the cycle")
              .withHelp("break the cycle (FM4004) and this node can run"));
        }
      }
    }
  }

  /** The nearest cycle node {@code id} waits for, breadth-first in source order, or null. */
  private static String firstCycleUpstream(String id, Dependencies deps, Set<String> inCycle) {
    Map<String, Boolean> seen = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    seen.put(id, true);
    while (!todo.isEmpty()) {
      for (Dependencies.Edge e : deps.upstream(todo.poll())) {
        if (inCycle.contains(e.upstream())) {
          return e.upstream();
        }
        if (seen.putIfAbsent(e.upstream(), true) == null) {
          todo.add(e.upstream());
        }
      }
    }
    return null;
  }
}
