package io.flytemigrate.flyte.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** What a node runs: the {@code target} oneof of {@code flyteidl.core.Node}. */
public sealed interface NodeTarget {

  /**
   * {@code task_node{reference_id}}.
   *
   * @param overrides per-node resources ({@code TaskNodeOverrides.resources}), if any
   */
  record TaskCall(Identifier task, Optional<Resources> overrides) implements NodeTarget {
    public TaskCall {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(overrides, "overrides");
    }
  }

  /** {@code workflow_node{sub_workflow_ref}}: the workflow must be among the package's workflows. */
  record SubWorkflowCall(Identifier workflow) implements NodeTarget {
    public SubWorkflowCall {
      Objects.requireNonNull(workflow, "workflow");
    }
  }

  /** {@code workflow_node{launchplan_ref}}. */
  record LaunchPlanCall(Identifier launchPlan) implements NodeTarget {
    public LaunchPlanCall {
      Objects.requireNonNull(launchPlan, "launchPlan");
    }
  }

  /** {@code branch_node{if_else}}: flytekit's {@code conditional(name)}. */
  record Branch(IfElseBlock ifElse) implements NodeTarget {
    public Branch {
      Objects.requireNonNull(ifElse, "ifElse");
    }
  }

  /**
   * {@code array_node}: flytekit's {@code map_task(task, concurrency=, min_success_ratio=)}. The
   * sub-node calls the mapped entity; its bindings name the whole lists (mapped inputs) and, for
   * inputs bound with {@code functools.partial}, the values shared by every element.
   *
   * @param subNode a task (or launch plan) call; its id is the mapped entity's name as flytekit writes it
   * @param parallelism the concurrency limit, absent for none
   * @param minSuccessRatio 1.0 unless the source tolerates failures
   * @param boundInputs sub-node inputs that are not mapped (the same in every element), sorted
   */
  record ArrayCall(Node subNode, OptionalInt parallelism, double minSuccessRatio, List<String> boundInputs)
      implements NodeTarget {
    public ArrayCall {
      Objects.requireNonNull(subNode, "subNode");
      Objects.requireNonNull(parallelism, "parallelism");
      boundInputs = List.copyOf(boundInputs);
    }
  }
}
