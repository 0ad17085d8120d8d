package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeMetadata;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.InputBinding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An exit handler's body becomes a workflow of its own ({@code exit_handler_1_body}) whose failure node
 * ({@code on_failure=}) is a small workflow calling the exit task; in the enclosing workflow the
 * exit task also runs as a final node after the body succeeds. KFP runs the exit task in both
 * cases; Flyte's failure node runs only on failure, hence the pair (flyte-target.md 3.7). The
 * failure handler takes the body workflow's inputs, as flytekit requires.
 */
final class ExitHandlerLowering {
  private final GraphLowering g;

  ExitHandlerLowering(GraphLowering g) {
    this.g = g;
  }

  void exitHandler(WorkflowBuilder wb, io.flytemigrate.ir.Node.ExitHandlerNode e) {
    Context ctx = g.ctx;
    Optional<io.flytemigrate.ir.Node.TaskNode> exit = e.exitTask().flatMap(wb.graph::node)
        .filter(io.flytemigrate.ir.Node.TaskNode.class::isInstance).map(io.flytemigrate.ir.Node.TaskNode.class::cast);
    Set<String> exitInputs = new LinkedHashSet<>();
    exit.ifPresent(t -> {
      for (InputBinding ib : t.inputs()) {
        if (ib.value() instanceof io.flytemigrate.ir.Binding.GraphInput gi) {
          exitInputs.add(gi.input());
        }
      }
    });
    List<Binding> extra = new ArrayList<>();
    String base = Names.identifier(e.id());
    BodyWorkflows.Body body = BodyWorkflows.lower(g, wb, e.body(), e.inputs(), base + "_body",
        WorkflowDef.Role.EXIT_HANDLER_BODY,
        List.of(), bw -> {
          for (String x : exitInputs) {
            Optional<BindingData> data = wb.graphInputs.apply(x);
            if (data.isEmpty()) {
              continue;
            }
            LiteralType type = wb.typeOf(data.get()).orElse(LiteralType.simple(LiteralType.SimpleType.STRING));
            String var = bw.addInput("exit:" + x, Names.identifier(Names.withoutChannelPrefix(x)), type, Optional.empty());
            extra.add(new Binding(var, data.get()));
          }
        }, e.body().outputs(), Map.of(), bw -> exit.flatMap(t -> failureNode(bw, t, base)), e.id(), e.body().span());
    List<Binding> call = new ArrayList<>(body.callBindings());
    call.addAll(extra);
    Node node = BodyWorkflows.callNode(wb, new BodyWorkflows.Body(body.workflow(), call), e.id(), e.id(), e.after(), e.span());
    wb.nodes.add(node);
    Map<String, LiteralType> types = new java.util.LinkedHashMap<>();
    for (Variable v : body.workflow().def().iface().outputs()) {
      types.put(v.name(), v.type());
    }
    wb.irNodes.put(e.id(), new WorkflowBuilder.NodeOut(node.id(), body.workflow().outputs(), types));
    String flyte = wb.id.name() + "/" + node.id();
    if (exit.isPresent()) {
      ctx.parity.approximated("exit-handler", e.id(), e.span(), flyte, "body as workflow `"
          + body.workflow().def().python().name() + "` whose failure node runs `" + exit.get().id()
          + "`, which also runs after the body succeeds; Flyte gives it no error details");
    } else {
      ctx.parity.approximated("exit-handler", e.id(), e.span(), flyte,
          "body as workflow `" + body.workflow().def().python().name() + "`; the exit task was not found");
    }
  }

  /** The body workflow's failure node: a workflow with the body's inputs that calls the exit task. */
  private Optional<Node> failureNode(WorkflowBuilder bw, io.flytemigrate.ir.Node.TaskNode exit, String base) {
    Context ctx = g.ctx;
    String name = ctx.workflowNames.claim(base + "_on_failure");
    WorkflowBuilder hb = new WorkflowBuilder(ctx, bw.module, name, outerGraph(bw), bw.scope.parent.orElse(bw.scope),
        WorkflowDef.Role.FAILURE_HANDLER);
    Map<String, Variable> inputs = bw.inputsByKey();
    inputs.forEach((k, v) -> hb.addInput(k, v.name(), v.type(), Optional.empty()));
    hb.graphInputs = x -> Optional.ofNullable(inputs.get("exit:" + x)).map(v -> BindingData.Promise.input(v.name()));
    Optional<Node> call = g.callNode(hb, exit, "FAILED", Optional.empty());
    if (call.isEmpty()) {
      return Optional.empty();
    }
    hb.nodes.add(call.get());
    GraphLowering.LoweredWorkflow handler = g.finish(hb, List.of(), Optional.empty(),
        Optional.of("Runs `" + exit.id() + "` when `" + bw.pythonName + "` fails."), exit.id(), exit.span());
    List<Binding> bindings = new ArrayList<>();
    for (Variable v : hb.inputVariables()) {
      bindings.add(new Binding(v.name(), BindingData.Promise.input(v.name())));
    }
    return Optional.of(new Node("fn0", NodeMetadata.named(exit.id()), bindings, List.of(),
        new NodeTarget.SubWorkflowCall(handler.def().id()), exit.id(), exit.span()));
  }

  private static io.flytemigrate.ir.Graph outerGraph(WorkflowBuilder bw) {
    return bw.scope.parent.map(p -> p.graph).orElse(bw.graph);
  }

}
