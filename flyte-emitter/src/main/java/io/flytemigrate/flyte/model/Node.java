package io.flytemigrate.flyte.model;

import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Objects;

/**
 * One node of a workflow ({@code flyteidl.core.Node}).
 *
 * @param id a DNS-1123 label unique in its workflow (never {@code start-node}/{@code end-node});
 *     in the Python project it is the {@code node_name} override of the call
 * @param inputs one binding per bound input of the target, in the target's input order; for
 *     branch nodes the condition operands named {@code <nodeId>.<var>}
 * @param upstreamNodeIds sibling nodes that must finish first: those whose outputs the bindings
 *     use plus pure ordering edges, sorted, without duplicates
 * @param sourceTask the IR node id it came from (the source task name), empty if synthesised
 */
public record Node(
    String id,
    NodeMetadata metadata,
    List<Binding> inputs,
    List<String> upstreamNodeIds,
    NodeTarget target,
    String sourceTask,
    Span span) {
  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(metadata, "metadata");
    inputs = List.copyOf(inputs);
    upstreamNodeIds = List.copyOf(upstreamNodeIds);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(sourceTask, "sourceTask");
    Objects.requireNonNull(span, "span");
  }

  /** The same node calling another target (ids get their versions after lowering). */
  public Node withTarget(NodeTarget newTarget) {
    return new Node(id, metadata, inputs, upstreamNodeIds, newTarget, sourceTask, span);
  }
}
