package io.flytemigrate.validators;

import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.Optional;

/**
 * A loop iterates over a list: of parameters for a parameter loop, of artifacts for an artifact
 * loop. A loop over a list literal always is; a loop over an input is checked against the type
 * of the value bound to it. A type that is not known is not reported. flytepropeller: a map
 * task's input must be a collection ({@code MismatchingBindings}, {@code MismatchingTypes}).
 */
public final class LoopsIterateOverLists implements Check {
  @Override
  public Code code() {
    return Codes.LOOP_OVER_NON_LIST;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    BindingTypes types = new BindingTypes(pipeline);
    for (Scope s : Scope.all(pipeline)) {
      for (Node n : s.graph().nodes()) {
        if (!(n instanceof Node.LoopNode loop) || !(loop.items() instanceof LoopItems.FromInput from)) {
          continue;
        }
        Optional<IrType> type = types.items(loop, from, s);
        if (type.isEmpty() || TypeCompatibility.unknown(type.get())) {
          continue;
        }
        String who = NodeKind.describe(n);
        if (!(type.get() instanceof IrType.ListOf list)) {
          sink.report(Diagnostic.of(code(), n.span(),
                  who + " iterates over `" + from.input() + "`, which is a `" + TypeNames.of(type.get()) + "`, not a list")
              .withHelp("iterate over a list, or split the value into one in a task first"));
          continue;
        }
        IrType element = list.element();
        if (TypeCompatibility.unknown(element)) {
          continue;
        }
        boolean artifact = element instanceof IrType.Artifact;
        if (from.artifacts() && !artifact) {
          sink.report(Diagnostic.of(code(), n.span(), who + " iterates over artifacts, but `" + from.input() + "` is a `"
                  + TypeNames.of(type.get()) + "`")
              .withHelp("an artifact loop needs a list of artifacts; iterate over the parameters as a parameter loop"));
        } else if (!from.artifacts() && artifact) {
          sink.report(Diagnostic.of(code(), n.span(), who + " iterates over parameters, but `" + from.input() + "` is a `"
                  + TypeNames.of(type.get()) + "`")
              .withHelp("a parameter loop needs a list of parameters; iterate over the artifacts as an artifact loop"));
        }
      }
    }
  }
}
