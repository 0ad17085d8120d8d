package io.flytemigrate.validators;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every input and output name resolves: a node sets only inputs its component or body declares,
 * reads only outputs its producer declares and only inputs its graph has; templates and
 * conditions use only inputs the node sets; a loop iterates over an input it sets; a graph's
 * outputs are declared and come from declared outputs. flytepropeller: {@code
 * VariableNameNotFound}.
 *
 * <p>A task may set inputs its component does not declare when they only carry values for
 * placeholders elsewhere: KFP writes {@code pipelinechannel--*} inputs that other inputs and the
 * resource settings refer to, and placeholder strings for resource fields. Those are not reported.
 */
public final class VariablesResolve implements Check {
  private static final String KFP_CHANNEL = "pipelinechannel--";

  @Override
  public Code code() {
    return Codes.UNDECLARED_VARIABLE;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    BindingTypes types = new BindingTypes(pipeline);
    // Each producer's output names once: a body's outputs can be many, and each read asks.
    Map<Node, Set<String>> outputsOf = new IdentityHashMap<>();
    Function<Node, Set<String>> outputs = p -> outputsOf.computeIfAbsent(p, k -> outputs(k, types));
    for (Scope s : Scope.all(pipeline)) {
      for (Node n : s.graph().nodes()) {
        node(n, s, types, outputs, sink);
      }
      for (Graph.GraphOutput o : s.graph().outputs()) {
        String what = "output `" + o.name() + "` of " + s.describe();
        if (types.declaredOutput(s.graph().iface(), o.name()).isEmpty()) {
          sink.report(Diagnostic.of(code(), o.span(), what + " is not declared in its interface")
              .withHelp("declare the output, or remove it"));
        }
        for (Graph.Source src : o.sources()) {
          Optional<Node> producer = s.node(src.task());
          if (producer.isPresent() && !outputs.apply(producer.get()).contains(src.output())) {
            sink.report(Diagnostic.of(code(), o.span(), what + " comes from output `" + src.output() + "` of "
                    + NodeKind.describe(producer.get()) + ", which has no such output")
                .withHelp(outputsHelp(producer.get(), types)));
          }
        }
      }
    }
  }

  private void node(Node n, Scope s, BindingTypes types, Function<Node, Set<String>> outputs, DiagnosticSink sink) {
    String who = NodeKind.describe(n);
    Optional<Interface> iface = types.iface(n);
    Set<String> set = new LinkedHashSet<>();
    n.inputs().forEach(b -> set.add(b.input()));
    for (InputBinding b : n.inputs()) {
      String what = "input `" + b.input() + "` of " + who;
      if (iface.isPresent() && types.declaredInput(iface.get(), b.input()).isEmpty() && !carriesPlaceholderValue(n, b)) {
        sink.report(Diagnostic.of(code(), b.span(), who + " sets input `" + b.input() + "`, which "
                + (n instanceof Node.TaskNode t ? "component `" + t.component() + "`" : "its body") + " does not declare")
            .withHelp(inputsHelp(iface.get())));
      }
      for (Dependencies.Read r : Dependencies.reads(b.value())) {
        Optional<Node> producer = s.node(r.task());
        if (producer.isPresent() && r.output().isPresent() && !outputs.apply(producer.get()).contains(r.output().get())) {
          sink.report(Diagnostic.of(code(), b.span(), what + " reads output `" + r.output().get() + "` of "
                  + NodeKind.describe(producer.get()) + ", which has no such output")
              .withHelp(outputsHelp(producer.get(), types)));
        }
      }
      graphInputs(b.value(), s, types, what, b, sink);
      if (b.value() instanceof Binding.Template t) {
        for (String ref : inputRefs(t.parts())) {
          if (!set.contains(ref)) {
            sink.report(Diagnostic.of(code(), b.span(), what + " refers to `" + ref + "`, which " + who + " does not set")
                .withHelp("a template can use only the inputs its own node sets"));
          }
        }
      }
    }
    Optional<Condition> condition = n instanceof Node.ConditionNode c ? Optional.of(c.condition())
        : n instanceof Node.TaskNode t ? t.condition() : Optional.empty();
    if (condition.isPresent() && condition.get().parsed().isPresent()) {
      Set<String> used = new LinkedHashSet<>();
      exprInputs(condition.get().parsed().get(), used);
      for (String u : used) {
        if (!set.contains(u)) {
          sink.report(Diagnostic.of(code(), condition.get().span(), "the condition of " + who + " reads `" + u
                  + "`, which " + who + " does not set")
              .withHelp("a condition can test only the inputs its own node sets"));
        }
      }
    }
    if (n instanceof Node.LoopNode l && l.items() instanceof LoopItems.FromInput f && !set.contains(f.input())) {
      sink.report(Diagnostic.of(code(), n.span(), who + " iterates over `" + f.input() + "`, which it does not set")
          .withHelp("set `" + f.input() + "` among the loop's inputs to the list to iterate over"));
    }
  }

  /** KFP's extra task inputs: channels that placeholders refer to, and placeholder strings. */
  private static boolean carriesPlaceholderValue(Node n, InputBinding b) {
    return n instanceof Node.TaskNode && (b.input().startsWith(KFP_CHANNEL) || b.value() instanceof Binding.Template);
  }

  private void graphInputs(Binding value, Scope s, BindingTypes types, String what, InputBinding b, DiagnosticSink sink) {
    if (value instanceof Binding.GraphInput g) {
      boolean item = s.owner().filter(o -> o instanceof Node.LoopNode l && l.itemInput().equals(g.input())).isPresent();
      if (!item && types.declaredInput(s.graph().iface(), g.input()).isEmpty()) {
        sink.report(Diagnostic.of(code(), b.span(), what + " reads `" + g.input() + "`, which is not an input of " + s.describe())
            .withHelp(inputsHelp(s.graph().iface())));
      }
    } else if (value instanceof Binding.Field f) {
      graphInputs(f.base(), s, types, what, b, sink);
    }
  }

  /** The outputs a node has: its component's, or its body's declared and produced ones. */
  private static Set<String> outputs(Node producer, BindingTypes types) {
    Set<String> out = new LinkedHashSet<>();
    types.iface(producer).ifPresent(i -> i.outputs().forEach(p -> out.add(p.name())));
    if (!(producer instanceof Node.TaskNode)) {
      BindingTypes.body(producer).outputs().forEach(o -> out.add(o.name()));
    }
    return out;
  }

  private static String outputsHelp(Node producer, BindingTypes types) {
    Set<String> names = outputs(producer, types);
    return names.isEmpty() ? NodeKind.describe(producer) + " has no outputs"
        : "outputs of " + NodeKind.describe(producer) + ": " + quoted(List.copyOf(names));
  }

  private static String inputsHelp(Interface iface) {
    List<String> names = iface.inputs().stream().map(Port::name).toList();
    return names.isEmpty() ? "there are no declared inputs" : "declared inputs: " + quoted(names);
  }

  private static String quoted(List<String> names) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < names.size() && i < 8; i++) {
      b.append(i == 0 ? "" : ", ").append('`').append(names.get(i)).append('`');
    }
    if (names.size() > 8) {
      b.append(" and ").append(names.size() - 8).append(" more");
    }
    return b.toString();
  }

  private static Set<String> inputRefs(List<Arg> parts) {
    Set<String> out = new LinkedHashSet<>();
    for (Arg a : parts) {
      argRefs(a, out);
    }
    return out;
  }

  private static void argRefs(Arg a, Set<String> out) {
    if (a instanceof Arg.InputRef r) {
      out.add(r.input());
    } else if (a instanceof Arg.Concat c) {
      c.parts().forEach(p -> argRefs(p, out));
    } else if (a instanceof Arg.IfPresent p) {
      out.add(p.input());
      p.then().forEach(x -> argRefs(x, out));
      p.otherwise().forEach(x -> argRefs(x, out));
    }
  }

  private static void exprInputs(Expr e, Set<String> out) {
    if (e instanceof Expr.Input i) {
      out.add(i.name());
    } else if (e instanceof Expr.Compare c) {
      exprInputs(c.left(), out);
      exprInputs(c.right(), out);
    } else if (e instanceof Expr.Not x) {
      exprInputs(x.operand(), out);
    } else if (e instanceof Expr.And x) {
      exprInputs(x.left(), out);
      exprInputs(x.right(), out);
    } else if (e instanceof Expr.Or x) {
      exprInputs(x.left(), out);
      exprInputs(x.right(), out);
    } else if (e instanceof Expr.Call c) {
      c.arguments().forEach(x -> exprInputs(x, out));
    }
  }
}
