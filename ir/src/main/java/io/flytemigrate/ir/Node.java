package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A node of a {@link Graph}: a call of a component, or a control-flow construct with a body.
 * Every node has an id unique in its graph, the name users know it by, input bindings, explicit
 * ordering edges ({@code after}, on top of the data edges its bindings imply) and a span.
 */
public sealed interface Node {
  String id();

  /** The name the source shows (KFP {@code taskInfo.name}); often equal to {@link #id()}. */
  String displayName();

  List<InputBinding> inputs();

  /** Ids of sibling nodes that must finish first, as the source declares them. */
  List<String> after();

  Span span();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of node. */
  interface Visitor<R> {
    R visitTask(TaskNode n);

    R visitCondition(ConditionNode n);

    R visitBranches(BranchesNode n);

    R visitLoop(LoopNode n);

    R visitExitHandler(ExitHandlerNode n);
  }

  /** Runs a component, possibly a nested pipeline. */
  record TaskNode(
      String id,
      String displayName,
      String component,
      List<InputBinding> inputs,
      List<String> after,
      TaskSettings settings,
      Optional<Condition> condition,
      Span span)
      implements Node {
    public TaskNode {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(displayName, "displayName");
      Objects.requireNonNull(component, "component");
      inputs = List.copyOf(inputs);
      after = List.copyOf(after);
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitTask(this);
    }
  }

  /** Runs its body only when the condition holds (KFP {@code dsl.If}/{@code dsl.Condition}). */
  record ConditionNode(
      String id,
      String displayName,
      List<InputBinding> inputs,
      List<String> after,
      Condition condition,
      Graph body,
      Span span)
      implements Node {
    public ConditionNode {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(displayName, "displayName");
      inputs = List.copyOf(inputs);
      after = List.copyOf(after);
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCondition(this);
    }
  }

  /**
   * An if/elif/else chain: the body holds one {@link ConditionNode} per branch, in order, whose
   * conditions are mutually exclusive; oneOf outputs of the body pick the branch that ran.
   */
  record BranchesNode(String id, String displayName, List<InputBinding> inputs, List<String> after, Graph body, Span span)
      implements Node {
    public BranchesNode {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(displayName, "displayName");
      inputs = List.copyOf(inputs);
      after = List.copyOf(after);
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBranches(this);
    }
  }

  /**
   * Runs its body once per item (KFP {@code dsl.ParallelFor}).
   *
   * @param itemInput the body input that holds the current item
   * @param parallelism how many iterations may run at once; empty means no limit
   */
  record LoopNode(
      String id,
      String displayName,
      List<InputBinding> inputs,
      List<String> after,
      LoopItems items,
      String itemInput,
      OptionalInt parallelism,
      Graph body,
      Span span)
      implements Node {
    public LoopNode {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(displayName, "displayName");
      inputs = List.copyOf(inputs);
      after = List.copyOf(after);
      Objects.requireNonNull(items, "items");
      Objects.requireNonNull(itemInput, "itemInput");
      Objects.requireNonNull(parallelism, "parallelism");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitLoop(this);
    }
  }

  /**
   * Runs its body, then the exit task whatever happened (KFP {@code dsl.ExitHandler}).
   *
   * @param exitTask the sibling node that runs after the body finishes, if the reader found it
   */
  record ExitHandlerNode(
      String id, String displayName, List<InputBinding> inputs, List<String> after, Graph body, Optional<String> exitTask, Span span)
      implements Node {
    public ExitHandlerNode {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(displayName, "displayName");
      inputs = List.copyOf(inputs);
      after = List.copyOf(after);
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(exitTask, "exitTask");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitExitHandler(this);
    }
  }
}
