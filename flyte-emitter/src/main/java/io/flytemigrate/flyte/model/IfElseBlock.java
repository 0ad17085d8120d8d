package io.flytemigrate.flyte.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cases of a branch node ({@code flyteidl.core.IfElseBlock}): the first case, further cases
 * ({@code elif_}) and exactly one of an else node or an error.
 */
public record IfElseBlock(IfBlock first, List<IfBlock> others, Optional<Node> elseNode, Optional<BranchError> error) {
  public IfElseBlock {
    Objects.requireNonNull(first, "first");
    others = List.copyOf(others);
    Objects.requireNonNull(elseNode, "elseNode");
    Objects.requireNonNull(error, "error");
    if (elseNode.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("a branch needs exactly one of an else node and an error");
    }
  }

  /** One case: a condition and the node that runs when it holds ({@code IfBlock}). */
  public record IfBlock(BooleanExpression condition, Node thenNode) {
    public IfBlock {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(thenNode, "thenNode");
    }
  }

  /** {@code else_().fail(message)}: {@code Error{failed_node_id, message}}. */
  public record BranchError(String failedNodeId, String message) {
    public BranchError {
      Objects.requireNonNull(failedNodeId, "failedNodeId");
      Objects.requireNonNull(message, "message");
    }
  }
}
