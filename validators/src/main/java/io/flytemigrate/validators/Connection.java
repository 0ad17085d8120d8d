package io.flytemigrate.validators;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A value wired into a slot whose type a user declared: a task input from its binding, or an
 * output of the pipeline or of a nested pipeline from one of its sources. These are the places
 * where Flyte's compiler type-checks a workflow. Constants are left out (FM4013 checks them), and
 * so are the plumbing ports of control-flow bodies, whose values flow through unchanged.
 *
 * @param span where the wire is written: the input binding, or the output
 * @param target the slot, as messages name it ({@code input `x` of task `t`})
 * @param source where the value comes from, as messages name it
 * @param from the type of the value
 * @param to the declared type of the slot
 */
record Connection(Span span, String target, String source, IrType from, IrType to) {

  /** Every connection in {@code pipeline} whose two types are known, in walk order. */
  static List<Connection> all(Pipeline pipeline, BindingTypes types) {
    List<Connection> out = new ArrayList<>();
    for (Scope s : Scope.all(pipeline)) {
      for (Node n : s.graph().nodes()) {
        if (!(n instanceof Node.TaskNode t)) {
          continue;
        }
        Optional<Component> c = types.component(t.component());
        if (c.isEmpty()) {
          continue;
        }
        Interface iface = c.get().iface();
        for (InputBinding b : t.inputs()) {
          Optional<Port> port = types.declaredInput(iface, b.input());
          if (port.isEmpty() || b.value() instanceof Binding.Constant) {
            continue;
          }
          Optional<IrType> from = types.of(b.value(), s);
          if (from.isPresent()) {
            out.add(new Connection(b.span(), "input `" + b.input() + "` of " + NodeKind.describe(t),
                describe(b.value(), s), from.get(), port.get().type()));
          }
        }
      }
      if (!s.kind().isBody()) {
        for (Graph.GraphOutput o : s.graph().outputs()) {
          Optional<Port> port = types.declaredOutput(s.graph().iface(), o.name());
          if (port.isEmpty()) {
            continue;
          }
          for (Graph.Source src : o.sources()) {
            Optional<Node> producer = s.node(src.task());
            Optional<IrType> from = producer.flatMap(p -> types.output(s, p, src.output()));
            if (from.isPresent()) {
              out.add(new Connection(o.span(), "output `" + o.name() + "` of " + s.describe(),
                  "output `" + src.output() + "` of " + NodeKind.describe(producer.get()), from.get(), port.get().type()));
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Where the value of {@code binding} comes from, as messages name it. Values passed into a
   * control-flow body are followed out to their origin, so a message names the task or pipeline
   * input the user wrote, not a generated body input.
   */
  static String describe(Binding binding, Scope scope) {
    if (binding instanceof Binding.TaskOutput o) {
      return "output `" + o.output() + "` of " + scope.node(o.task()).map(NodeKind::describe).orElse("`" + o.task() + "`");
    }
    if (binding instanceof Binding.GraphInput g) {
      if (scope.kind().isBody()) {
        Node owner = scope.owner().orElseThrow();
        if (owner instanceof Node.LoopNode l && l.itemInput().equals(g.input())) {
          return "an item of " + NodeKind.describe(owner);
        }
        Optional<InputBinding> bound = scope.ownerBinding(g.input());
        if (bound.isPresent()) {
          return describe(bound.get().value(), scope.parent().orElseThrow());
        }
      }
      return "input `" + g.input() + "` of " + scope.describe();
    }
    if (binding instanceof Binding.LoopItem l) {
      return "an item of loop `" + l.loop() + "`";
    }
    if (binding instanceof Binding.Field f) {
      return "a field of " + describe(f.base(), scope);
    }
    if (binding instanceof Binding.TaskFinalStatus s) {
      return "the final status of `" + s.task() + "`";
    }
    if (binding instanceof Binding.Template) {
      return "a string template";
    }
    if (binding instanceof Binding.Constant) {
      return "a constant";
    }
    return "an unresolved expression";
  }
}
