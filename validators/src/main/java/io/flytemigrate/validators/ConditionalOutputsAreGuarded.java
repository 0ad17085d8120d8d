package io.flytemigrate.validators;

import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Severity;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An output made inside a condition exists only when the condition held. Outside the condition
 * it may be read only where its absence is fine: by an optional input, or through an
 * if/elif/else whose every branch sets it. Flyte takes a branch node's outputs from the branch
 * that ran, so it needs them in every branch or optional ({@code ParameterNotBound}, {@code
 * VariableNameNotFound}, {@code MismatchingTypes}).
 *
 * <p>A task input that reads such an output is an error: KFP itself refuses to compile it. A
 * graph output that comes from one is a warning: KFP allows it (the output is then missing), and
 * the emitter has to give it an else branch or make it optional.
 */
public final class ConditionalOutputsAreGuarded implements Check {
  @Override
  public Code code() {
    return Codes.CONDITIONAL_OUTPUT;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    BindingTypes types = new BindingTypes(pipeline);
    for (Scope s : Scope.all(pipeline)) {
      for (Node n : s.graph().nodes()) {
        Optional<Interface> iface = types.iface(n);
        for (InputBinding b : n.inputs()) {
          boolean optional = iface.flatMap(i -> types.declaredInput(i, b.input())).map(Port::optional).orElse(false);
          for (Dependencies.Read r : Dependencies.reads(b.value())) {
            Optional<Node> producer = s.node(r.task());
            if (optional || producer.isEmpty() || r.output().isEmpty()) {
              continue;
            }
            Optional<String> why = missingWhen(s, producer.get(), r.output().get());
            if (why.isPresent()) {
              sink.report(Diagnostic.of(code(), b.span(), "input `" + b.input() + "` of " + NodeKind.describe(n)
                      + " reads output `" + r.output().get() + "` of " + NodeKind.describe(producer.get()) + ", " + why.get())
                  .withHelp("make `" + b.input() + "` optional, move " + NodeKind.describe(n)
                      + " into the condition, or use if/elif/else branches that all set the output"));
            }
          }
        }
      }
      if (s.kind() == Scope.Kind.BRANCHES) {
        continue; // these outputs combine the branches; their readers are checked above
      }
      for (Graph.GraphOutput o : s.graph().outputs()) {
        for (Graph.Source src : o.sources()) {
          Optional<Node> producer = s.node(src.task());
          Optional<String> why = producer.flatMap(p -> missingWhen(s, p, src.output()));
          if (why.isPresent()) {
            sink.report(Diagnostic.of(code(), o.span(), "output `" + o.name() + "` of " + s.describe() + " comes from output `"
                    + src.output() + "` of " + NodeKind.describe(producer.get()) + ", " + why.get())
                .withSeverity(Severity.WARNING)
                .withHelp("in flyte an output needs a value on every path, so this one becomes optional or needs an else"
                    + " branch that sets it; check that what uses it can do without it"));
          }
        }
      }
    }
  }

  /** Why output {@code output} of {@code producer}, a node of {@code scope}, may not exist, if it may not. */
  private static Optional<String> missingWhen(Scope scope, Node producer, String output) {
    if (producer instanceof Node.ConditionNode) {
      return Optional.of("which is not set when the condition is false");
    }
    if (producer instanceof Node.BranchesNode b) {
      Optional<Graph.GraphOutput> out = scope.body(b).orElseThrow().output(output);
      if (out.isEmpty()) {
        return Optional.empty();
      }
      Set<String> setting = new HashSet<>();
      out.get().sources().forEach(src -> setting.add(src.task()));
      long branches = b.body().nodes().stream().filter(x -> x instanceof Node.ConditionNode).count();
      long covered = b.body().nodes().stream().filter(x -> x instanceof Node.ConditionNode && setting.contains(x.id())).count();
      if (covered < branches) {
        return Optional.of("which not every branch sets");
      }
    }
    return Optional.empty();
  }
}
