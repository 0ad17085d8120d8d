package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Workflow;
import io.flytemigrate.ir.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workflows of a package that may be the body of a loop run by a dynamic task: in the
 * pipeline's own Python package (a batch's combined package holds every pipeline's workflows, and
 * two pipelines may both have a {@code for_loop_2_body}), neither the pipeline's workflow nor
 * called by any node, nor already claimed by another loop. The body of a
 * loop is the one whose nodes carry the names of most of the loop's body nodes, a workflow named
 * {@code <loop>_body} winning outright, the first in package order among equals. The candidates
 * are indexed once by the node names they hold and by their normalized names, so a loop looks at
 * the workflows that share a name with it, not at every workflow of the package.
 */
final class LoopBodies {
  private final List<Workflow.WorkflowTemplate> candidates = new ArrayList<>();
  /** Positions of the candidates holding a node of each metadata name, in package order. */
  private final Map<String, List<Integer>> byNodeName = new HashMap<>();
  /** Positions of the candidates by the normalized last part of their name. */
  private final Map<String, List<Integer>> byOwnName = new HashMap<>();
  private final Set<String> claimed = new LinkedHashSet<>();

  LoopBodies(PackageGraph pkg, String rootName) {
    String own = rootName.substring(0, rootName.indexOf('.') + 1);
    for (Workflow.WorkflowTemplate w : pkg.workflows.values()) {
      String name = w.getId().getName();
      if (name.equals(rootName) || pkg.calledWorkflows.contains(name) || !name.startsWith(own)) {
        continue;
      }
      int at = candidates.size();
      candidates.add(w);
      for (Workflow.Node x : w.getNodesList()) {
        List<Integer> ws = byNodeName.computeIfAbsent(x.getMetadata().getName(), k -> new ArrayList<>(1));
        if (ws.isEmpty() || ws.get(ws.size() - 1) != at) {
          ws.add(at);
        }
      }
      byOwnName.computeIfAbsent(SourceNames.normalize(name.substring(name.lastIndexOf('.') + 1)), k -> new ArrayList<>(1)).add(at);
    }
  }

  /** The body workflow of loop {@code l}, which it then claims; empty if no candidate shares a name with it. */
  Optional<Workflow.WorkflowTemplate> claim(Node.LoopNode l) {
    Map<Integer, Integer> score = new HashMap<>();
    for (Node n : l.body().nodes()) {
      Set<Integer> hit = new LinkedHashSet<>();
      for (String name : Matcher.names(n)) {
        hit.addAll(byNodeName.getOrDefault(name, List.of()));
      }
      for (int w : hit) {
        score.merge(w, 1, Integer::sum);
      }
    }
    for (int w : byOwnName.getOrDefault(SourceNames.normalize(l.id()) + "body", List.of())) {
      score.merge(w, 1000, Integer::sum);
    }
    int best = -1;
    int bestScore = 0;
    for (Map.Entry<Integer, Integer> e : score.entrySet()) {
      int w = e.getKey();
      if (claimed.contains(candidates.get(w).getId().getName())) {
        continue;
      }
      if (e.getValue() > bestScore || (e.getValue() == bestScore && w < best)) {
        best = w;
        bestScore = e.getValue();
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    Workflow.WorkflowTemplate body = candidates.get(best);
    claimed.add(body.getId().getName());
    return Optional.of(body);
  }
}
