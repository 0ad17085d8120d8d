package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeMetadata;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The body of a condition, loop or exit handler as a workflow of its own, in the module of the
 * workflow around it. Its inputs are the body inputs its nodes read, typed as the values that feed
 * them outside; the caller gets the bindings that feed them.
 */
final class BodyWorkflows {
  /** A body workflow and the bindings, in the outer workflow, of each of its inputs. */
  record Body(GraphLowering.LoweredWorkflow workflow, List<Binding> callBindings) {}

  private BodyWorkflows() {}

  /**
   * Lowers {@code body} as a workflow named after {@code wanted}.
   *
   * @param controlInputs the control node's input bindings, which feed the body's inputs
   * @param skip body inputs the caller provides itself (a loop's item)
   * @param setup adds inputs before the nodes are lowered (loop items, exit task values)
   */
  static Body lower(GraphLowering g, WorkflowBuilder outer, Graph body, List<InputBinding> controlInputs, String wanted,
      WorkflowDef.Role role, List<String> skip, Consumer<WorkflowBuilder> setup, List<Graph.GraphOutput> outputs,
      Map<String, String> rename, java.util.function.Function<WorkflowBuilder, Optional<Node>> failureNode,
      String sourceGraph, Span span) {
    Context ctx = g.ctx;
    String name = ctx.workflowNames.claim(wanted);
    WorkflowBuilder wb = new WorkflowBuilder(ctx, outer.module, name, body, outer.scope.body(body, controlInputs), role);
    List<Binding> call = new ArrayList<>();
    for (String input : GraphLowering.usedInputs(body)) {
      if (skip.contains(input)) {
        continue;
      }
      Optional<InputBinding> feed = controlInputs.stream().filter(b -> b.input().equals(input)).findFirst();
      if (feed.isEmpty()) {
        continue;
      }
      LiteralType portType = body.iface().input(input)
          .map(p -> Types.ofPort(p, Optional.empty(), false).type())
          .orElse(LiteralType.simple(LiteralType.SimpleType.STRING));
      Optional<BindingData> data = outer.bind(feed.get().value(), portType, "`" + sourceGraph + "." + input + "`",
          feed.get().span());
      if (data.isEmpty()) {
        continue;
      }
      LiteralType type = outer.typeOf(data.get()).orElse(portType);
      String var = wb.addInput("graph:" + input, Names.identifier(Names.withoutChannelPrefix(input)), type, Optional.empty());
      call.add(new Binding(var, data.get()));
    }
    setup.accept(wb);
    g.lowerNodes(wb);
    GraphLowering.LoweredWorkflow lw = g.finish(wb, outputs, rename, failureNode.apply(wb), Optional.empty(),
        sourceGraph, span);
    return new Body(lw, call);
  }

  /** The node in the outer workflow that calls a body workflow. */
  static Node callNode(WorkflowBuilder outer, Body body, String controlId, String wantedId, List<String> after, Span span) {
    String id = outer.nodeIds.claim(GraphLowering.dns(wantedId), Names::dnsify);
    return new Node(id, NodeMetadata.named(controlId), body.callBindings(),
        outer.upstream(body.callBindings(), after, Optional.empty()),
        new NodeTarget.SubWorkflowCall(body.workflow().def().id()), controlId, span);
  }

  /** Whether a port is an input of the body. */
  static boolean has(Graph body, String input) {
    return body.iface().inputs().stream().map(Port::name).anyMatch(input::equals);
  }
}
