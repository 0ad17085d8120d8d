package io.flytemigrate.validators;

import io.flytemigrate.ir.Node;

/** The kinds of node, as messages name them ({@code task `train`}, {@code loop `for-loop-1`}). */
public enum NodeKind {
  TASK("task"),
  CONDITION("condition"),
  BRANCHES("if/elif/else"),
  LOOP("loop"),
  EXIT_HANDLER("exit handler");

  private final String word;

  NodeKind(String word) {
    this.word = word;
  }

  public static NodeKind of(Node node) {
    return node.accept(new Node.Visitor<>() {
      @Override
      public NodeKind visitTask(Node.TaskNode n) {
        return TASK;
      }

      @Override
      public NodeKind visitCondition(Node.ConditionNode n) {
        return CONDITION;
      }

      @Override
      public NodeKind visitBranches(Node.BranchesNode n) {
        return BRANCHES;
      }

      @Override
      public NodeKind visitLoop(Node.LoopNode n) {
        return LOOP;
      }

      @Override
      public NodeKind visitExitHandler(Node.ExitHandlerNode n) {
        return EXIT_HANDLER;
      }
    });
  }

  /** {@code task `id`}, {@code loop `id`} and so on. */
  public String describe(String id) {
    return word + " `" + id + "`";
  }

  /** {@link #describe} for {@code node}. */
  public static String describe(Node node) {
    return of(node).describe(node.id());
  }
}
