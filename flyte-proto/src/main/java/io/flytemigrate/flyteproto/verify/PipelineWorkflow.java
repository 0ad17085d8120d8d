package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Workflow;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which registered workflow is the pipeline itself: of the workflows no node calls, the one whose
 * nodes carry the most names of the root graph's nodes (the first such in package order). Loop
 * bodies are never called by a node either, but they hold the loop's nodes, not the root's.
 */
final class PipelineWorkflow {
  private PipelineWorkflow() {}

  static Optional<Workflow.WorkflowTemplate> find(PackageGraph graph, Pipeline pipeline) {
    Set<String> rootNames = new LinkedHashSet<>();
    for (Node n : pipeline.root().nodes()) {
      rootNames.add(n.id());
      rootNames.add(n.displayName());
    }
    Workflow.WorkflowTemplate best = null;
    int bestScore = -1;
    for (String name : graph.registeredWorkflows) {
      if (graph.calledWorkflows.contains(name)) {
        continue;
      }
      Workflow.WorkflowTemplate w = graph.workflows.get(name);
      int score = 0;
      for (Workflow.Node n : w.getNodesList()) {
        if (rootNames.contains(n.getMetadata().getName())) {
          score++;
        }
      }
      if (score > bestScore) {
        best = w;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }
}
