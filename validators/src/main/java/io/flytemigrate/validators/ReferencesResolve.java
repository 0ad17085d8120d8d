package io.flytemigrate.validators;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every name of a node, component or loop resolves in its scope: a task's component exists; the
 * tasks a binding reads from, the nodes an {@code after} list names, an exit handler's exit task
 * and the sources of a graph's outputs are nodes of the same graph; a loop item belongs to a loop
 * around the reader. flytepropeller: {@code NodeReferenceNotFound}, {@code TaskReferenceNotFound},
 * {@code WorkflowReferenceNotFound}.
 */
public final class ReferencesResolve implements Check {
  @Override
  public Code code() {
    return Codes.UNRESOLVED_REFERENCE;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    BindingTypes types = new BindingTypes(pipeline);
    // The help lists a graph's nodes, sorted: once per graph, however many names dangle in it.
    Map<Scope, String> helpOf = new IdentityHashMap<>();
    Function<Scope, String> help = s -> helpOf.computeIfAbsent(s, ReferencesResolve::nodes);
    for (Scope s : Scope.all(pipeline)) {
      for (Node n : s.graph().nodes()) {
        String who = NodeKind.describe(n);
        if (n instanceof Node.TaskNode t && types.component(t.component()).isEmpty()) {
          sink.report(Diagnostic.of(code(), n.span(), who + " runs component `" + t.component() + "`, which is not defined")
              .withHelp(components(pipeline)));
        }
        for (InputBinding b : n.inputs()) {
          for (Dependencies.Read r : Dependencies.reads(b.value())) {
            if (s.node(r.task()).isEmpty()) {
              sink.report(Diagnostic.of(code(), b.span(),
                      "input `" + b.input() + "` of " + who + " reads from `" + r.task() + "`, which is not a node of "
                          + s.describe())
                  .withHelp(help.apply(s)));
            }
          }
          loopItems(b.value(), s, b, who, sink);
        }
        for (String a : n.after()) {
          if (s.node(a).isEmpty()) {
            sink.report(Diagnostic.of(code(), n.span(), who + " runs after `" + a + "`, which is not a node of " + s.describe())
                .withHelp(help.apply(s)));
          }
        }
        if (n instanceof Node.ExitHandlerNode e && e.exitTask().isPresent() && s.node(e.exitTask().get()).isEmpty()) {
          sink.report(Diagnostic.of(code(), n.span(),
                  who + " has exit task `" + e.exitTask().get() + "`, which is not a node of " + s.describe())
              .withHelp(help.apply(s)));
        }
      }
      for (Graph.GraphOutput o : s.graph().outputs()) {
        for (Graph.Source src : o.sources()) {
          if (s.node(src.task()).isEmpty()) {
            sink.report(Diagnostic.of(code(), o.span(),
                    "output `" + o.name() + "` of " + s.describe() + " comes from `" + src.task() + "`, which is not a node of "
                        + s.describe())
                .withHelp(help.apply(s)));
          }
        }
      }
    }
  }

  private void loopItems(Binding value, Scope s, InputBinding b, String who, DiagnosticSink sink) {
    if (value instanceof Binding.LoopItem l && s.enclosingLoop(l.loop()).isEmpty()) {
      sink.report(Diagnostic.of(code(), b.span(),
              "input `" + b.input() + "` of " + who + " reads an item of loop `" + l.loop() + "`, which does not enclose it")
          .withHelp("a loop item can only be read inside the loop's body"));
    } else if (value instanceof Binding.Field f) {
      loopItems(f.base(), s, b, who, sink);
    }
  }

  private static String nodes(Scope s) {
    List<String> ids = s.graph().nodes().stream().map(Node::id).sorted().distinct().toList();
    if (ids.isEmpty()) {
      return s.describe() + " has no nodes";
    }
    return "nodes of " + s.describe() + ": " + shortList(ids);
  }

  private static String components(Pipeline p) {
    List<String> ids = p.components().stream().map(Component::id).sorted().distinct().toList();
    return ids.isEmpty() ? "the pipeline defines no components" : "defined components: " + shortList(ids);
  }

  private static String shortList(List<String> names) {
    String shown = names.stream().limit(8).map(x -> "`" + x + "`").collect(Collectors.joining(", "));
    return names.size() > 8 ? shown + " and " + (names.size() - 8) + " more" : shown;
  }
}
