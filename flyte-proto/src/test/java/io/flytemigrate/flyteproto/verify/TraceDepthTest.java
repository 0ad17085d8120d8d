package io.flytemigrate.flyteproto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.admin.WorkflowOuterClass;
import flyteidl.core.IdentifierOuterClass;
import flyteidl.core.Literals;
import flyteidl.core.Types;
import flyteidl.core.Workflow;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How far a package trace follows a value: through every workflow boundary a package of its
 * source can have, but not down a chain of sub-workflows far deeper than the source (which no
 * translation writes), where following every level would only exhaust the stack; and never into
 * a workflow that calls itself.
 */
class TraceDepthTest {
  private static final int LEVELS = 30_000;

  @Test
  void aChainOfSubWorkflowsDeeperThanTheSourceIsFollowedOnlyAsFarAsTheLimit() {
    Workflow.WorkflowTemplate[] wfs = new Workflow.WorkflowTemplate[LEVELS];
    for (int i = LEVELS - 1; i >= 0; i--) {
      wfs[i] = level(i, i + 1 < LEVELS ? "w" + (i + 1) : null);
    }
    WorkflowOuterClass.WorkflowSpec spec = WorkflowOuterClass.WorkflowSpec.newBuilder().setTemplate(wfs[0])
        .addAllSubWorkflows(List.of(wfs).subList(1, LEVELS)).build();
    Set<FlyteProducer> found = trace(spec, 64 + 8);
    long outputs = found.stream().filter(FlyteProducer.NodeOutput.class::isInstance).count();
    assertTrue(outputs > 20 && outputs < 100, outputs + " node outputs");
  }

  @Test
  void aWorkflowThatCallsItselfIsNotEnteredAgain() {
    WorkflowOuterClass.WorkflowSpec spec = WorkflowOuterClass.WorkflowSpec.newBuilder().setTemplate(level(0, "w0")).build();
    Set<FlyteProducer> found = trace(spec, 100_000);
    assertEquals(List.of("w0/n"), found.stream().map(p -> ((FlyteProducer.NodeOutput) p).key()).toList());
  }

  private static Set<FlyteProducer> trace(WorkflowOuterClass.WorkflowSpec spec, int limit) {
    ParsedEntity e = new ParsedEntity("0_w0_2.pb", 0, "0", "w0", 2, spec.toByteArray(), spec);
    FlyteScopes scopes = new FlyteScopes(new PackageGraph(List.of(e)));
    FlyteScope root = scopes.root(spec.getTemplate());
    return new FlyteTrace(scopes, limit).of(root, promise("n", "o"));
  }

  /** Workflow {@code w<i>}: one node {@code n} calling {@code calls} (or nothing), whose output {@code o} is the workflow's. */
  private static Workflow.WorkflowTemplate level(int i, String calls) {
    Workflow.Node.Builder n = Workflow.Node.newBuilder().setId("n").setMetadata(Workflow.NodeMetadata.newBuilder().setName("n"));
    if (calls != null) {
      n.setWorkflowNode(Workflow.WorkflowNode.newBuilder().setSubWorkflowRef(IdentifierOuterClass.Identifier.newBuilder()
          .setResourceType(IdentifierOuterClass.ResourceType.WORKFLOW).setName(calls)));
    }
    return Workflow.WorkflowTemplate.newBuilder()
        .setId(IdentifierOuterClass.Identifier.newBuilder().setResourceType(IdentifierOuterClass.ResourceType.WORKFLOW).setName("w" + i))
        .addNodes(n)
        .addOutputs(Literals.Binding.newBuilder().setVar("o").setBinding(promise("n", "o")))
        .build();
  }

  private static Literals.BindingData promise(String node, String var) {
    return Literals.BindingData.newBuilder().setPromise(Types.OutputReference.newBuilder().setNodeId(node).setVar(var)).build();
  }
}
