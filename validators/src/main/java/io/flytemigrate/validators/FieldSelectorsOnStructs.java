package io.flytemigrate.validators;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.Optional;

/**
 * A field selector ({@code item["a"]}, KFP's loop-item sub-variables) reads from a struct or a
 * list, or from a value whose type is not known. A scalar, an artifact or a task status has no
 * fields. The type is the one the value really has: a loop item is an element of the loop's
 * list, whatever type the loop body declares for it. Flyte selects fields only of structured
 * values ({@code FieldNotFound}; the 0.4.35 schema has no attribute paths at all).
 */
public final class FieldSelectorsOnStructs implements Check {
  @Override
  public Code code() {
    return Codes.FIELD_OF_NON_STRUCT;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    BindingTypes types = new BindingTypes(pipeline);
    for (Scope s : Scope.all(pipeline)) {
      for (Node n : s.graph().nodes()) {
        for (InputBinding b : n.inputs()) {
          fields(b.value(), b, n, s, types, sink);
        }
      }
    }
  }

  private void fields(Binding value, InputBinding b, Node n, Scope s, BindingTypes types, DiagnosticSink sink) {
    if (!(value instanceof Binding.Field f)) {
      return;
    }
    fields(f.base(), b, n, s, types, sink);
    Optional<IrType> base = types.of(f.base(), s);
    if (base.isEmpty()) {
      return;
    }
    IrType t = base.get();
    boolean hasFields = t instanceof IrType.Struct || t instanceof IrType.ListOf || TypeCompatibility.unknown(t);
    if (!hasFields) {
      sink.report(Diagnostic.of(code(), b.span(), "input `" + b.input() + "` of " + NodeKind.describe(n) + " selects `"
              + String.join(".", f.path()) + "` from " + Connection.describe(f.base(), s) + ", a `" + TypeNames.of(t)
              + "`, which has no fields")
          .withHelp("select fields only from dict or list values; pass the whole value, or produce a dict"));
    }
  }
}
