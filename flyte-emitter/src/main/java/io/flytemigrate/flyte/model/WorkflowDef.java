package io.flytemigrate.flyte.model;

import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One workflow ({@code flyteidl.admin.WorkflowSpec}: the template here, {@code sub_workflows}
 * computed by the package writer from the {@link NodeTarget.SubWorkflowCall}s reachable from it,
 * through branches, array nodes and the failure node).
 *
 * @param nodes in dependency order (a node after every node it depends on), which is also the
 *     order of the calls in the Python function
 * @param outputs one binding per interface output ({@code WorkflowTemplate.outputs})
 * @param failureNode the node that runs when the workflow fails ({@code on_failure=}; id
 *     {@code fn0}); its bindings use workflow inputs and constants only
 * @param role why the workflow exists, which the Python writer uses for layout and comments
 * @param sourceGraph the IR element it came from: the pipeline name, a nested pipeline's
 *     component id, or the id of the loop, condition or exit handler whose body it is
 */
public record WorkflowDef(
    Identifier id,
    TypedInterface iface,
    List<Node> nodes,
    List<Binding> outputs,
    Optional<Node> failureNode,
    FailurePolicy failurePolicy,
    boolean interruptibleDefault,
    Role role,
    PythonRef python,
    Optional<String> description,
    String sourceGraph,
    Span span) {
  public WorkflowDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(iface, "iface");
    nodes = List.copyOf(nodes);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(failureNode, "failureNode");
    Objects.requireNonNull(failurePolicy, "failurePolicy");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sourceGraph, "sourceGraph");
    Objects.requireNonNull(span, "span");
    if (id.resourceType() != Identifier.ResourceType.WORKFLOW) {
      throw new IllegalArgumentException("a workflow id must have resource type WORKFLOW: " + id);
    }
  }

  /** The same workflow with another id, nodes and failure node (versions are filled in late). */
  public WorkflowDef with(Identifier newId, List<Node> newNodes, Optional<Node> newFailureNode) {
    return new WorkflowDef(newId, iface, newNodes, outputs, newFailureNode, failurePolicy, interruptibleDefault, role,
        python, description, sourceGraph, span);
  }

  /** {@code WorkflowMetadata.on_failure}; the number is the protobuf value. */
  public enum FailurePolicy {
    FAIL_IMMEDIATELY(0),
    FAIL_AFTER_EXECUTABLE_NODES_COMPLETE(1);

    private final int number;

    FailurePolicy(int number) {
      this.number = number;
    }

    public int number() {
      return number;
    }
  }

  /** Why a workflow exists. */
  public enum Role {
    /** The pipeline itself; registered with its default launch plan and any scheduled one. */
    PIPELINE,
    /** A nested pipeline used as a component. */
    NESTED_PIPELINE,
    /** The body of a condition branch with more than one node. */
    BRANCH_BODY,
    /** The body of a loop, run once per item. */
    LOOP_BODY,
    /** The body of an exit handler, whose failure node runs the exit task. */
    EXIT_HANDLER_BODY,
    /** The failure handler of an exit handler body: calls the exit task. */
    FAILURE_HANDLER
  }
}
