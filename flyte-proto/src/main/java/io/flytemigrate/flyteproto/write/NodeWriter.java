package io.flytemigrate.flyteproto.write;

import com.google.protobuf.Duration;
import flyteidl.core.Literals;
import flyteidl.core.Types;
import flyteidl.core.Workflow;
import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.IfElseBlock;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeMetadata;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.WorkflowDef;
import java.util.Optional;

/**
 * Workflow nodes (flyte-target.md 3): task calls, sub-workflow and launch-plan calls, branch
 * nodes with their cases, and array nodes. Node metadata follows flytekit's {@code
 * construct_node_metadata}: a task call repeats the task's retries, timeout and interruptible
 * unless the node overrides them; a sub-workflow call carries the called workflow's
 * interruptible default; {@code retries} is always present.
 */
final class NodeWriter {
  private final IdWriter ids;
  private final ProjectIndex project;

  NodeWriter(IdWriter ids, ProjectIndex project) {
    this.ids = ids;
    this.project = project;
  }

  Workflow.Node write(Node node) {
    Workflow.Node.Builder b = Workflow.Node.newBuilder()
        .setId(node.id())
        .setMetadata(metadata(node))
        .addAllUpstreamNodeIds(node.upstreamNodeIds());
    for (Binding in : node.inputs()) {
      b.addInputs(BindingWriter.binding(in));
    }
    NodeTarget target = node.target();
    if (target instanceof NodeTarget.TaskCall call) {
      Workflow.TaskNode.Builder tn = Workflow.TaskNode.newBuilder().setReferenceId(ids.write(call.task()));
      call.overrides().ifPresent(r -> tn.setOverrides(Workflow.TaskNodeOverrides.newBuilder().setResources(ResourceWriter.write(r))));
      b.setTaskNode(tn);
    } else if (target instanceof NodeTarget.SubWorkflowCall call) {
      b.setWorkflowNode(Workflow.WorkflowNode.newBuilder().setSubWorkflowRef(ids.write(call.workflow())));
    } else if (target instanceof NodeTarget.LaunchPlanCall call) {
      b.setWorkflowNode(Workflow.WorkflowNode.newBuilder().setLaunchplanRef(ids.write(call.launchPlan())));
    } else if (target instanceof NodeTarget.Branch branch) {
      b.setBranchNode(Workflow.BranchNode.newBuilder().setIfElse(ifElse(branch.ifElse())));
    } else if (target instanceof NodeTarget.ArrayCall array) {
      b.setUnknownFields(ArrayNodeWriter.field(array, write(array.subNode())));
    } else {
      throw new AssertionError(target);
    }
    return b.build();
  }

  private Workflow.IfElseBlock ifElse(IfElseBlock block) {
    Workflow.IfElseBlock.Builder b = Workflow.IfElseBlock.newBuilder().setCase(ifBlock(block.first()));
    for (IfElseBlock.IfBlock other : block.others()) {
      b.addOther(ifBlock(other));
    }
    block.elseNode().ifPresent(n -> b.setElseNode(write(n)));
    block.error().ifPresent(e -> b.setError(Types.Error.newBuilder().setFailedNodeId(e.failedNodeId()).setMessage(e.message())));
    return b.build();
  }

  private Workflow.IfBlock ifBlock(IfElseBlock.IfBlock block) {
    return Workflow.IfBlock.newBuilder()
        .setCondition(ConditionWriter.write(block.condition()))
        .setThenNode(write(block.thenNode()))
        .build();
  }

  private Workflow.NodeMetadata metadata(Node node) {
    NodeMetadata m = node.metadata();
    Optional<Integer> retries = m.retries();
    Optional<Long> timeout = m.timeoutSeconds();
    Optional<Boolean> interruptible = m.interruptible();
    if (node.target() instanceof NodeTarget.TaskCall call) {
      Optional<TaskDef> task = project.task(call.task());
      if (task.isPresent()) {
        retries = retries.or(() -> Optional.of(task.get().metadata().retries()));
        timeout = timeout.or(() -> task.get().metadata().timeoutSeconds());
        interruptible = interruptible.or(() -> task.get().metadata().interruptible());
      }
    } else if (node.target() instanceof NodeTarget.SubWorkflowCall call) {
      Optional<WorkflowDef> wf = project.workflow(call.workflow());
      if (wf.isPresent()) {
        interruptible = interruptible.or(() -> Optional.of(wf.get().interruptibleDefault()));
      }
    }
    Workflow.NodeMetadata.Builder b = Workflow.NodeMetadata.newBuilder()
        .setName(m.name())
        .setRetries(Literals.RetryStrategy.newBuilder().setRetries(retries.orElse(0)));
    timeout.ifPresent(s -> b.setTimeout(Duration.newBuilder().setSeconds(s)));
    interruptible.ifPresent(b::setInterruptible);
    return b.build();
  }
}
