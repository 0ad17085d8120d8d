package io.flytemigrate.validators;

import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node sets each input at most once; which of two values would win is not defined.
 * flytepropeller: {@code ParameterBoundMoreThanOnce}.
 */
public final class InputsAreBoundOnce implements Check {
  @Override
  public Code code() {
    return Codes.INPUT_BOUND_TWICE;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    for (Scope s : Scope.all(pipeline)) {
      for (Node n : s.graph().nodes()) {
        Map<String, InputBinding> first = new LinkedHashMap<>();
        for (InputBinding b : n.inputs()) {
          InputBinding earlier = first.putIfAbsent(b.input(), b);
          if (earlier != null) {
            sink.report(Diagnostic.of(code(), b.span(), NodeKind.describe(n) + " sets input `" + b.input() + "` more than once")
                .withLabel(earlier.span(), "`" + b.input() + "` is first set here")
                .withHelp("keep one of the values"));
          }
        }
      }
    }
  }
}
