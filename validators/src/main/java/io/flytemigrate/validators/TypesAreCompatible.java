package io.flytemigrate.validators;

import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every value wired into a typed slot casts to the slot's type under Flyte's rules (see {@link
 * TypeCompatibility}): a task input from its binding, a pipeline output from its source; and the
 * branches of an if/elif/else give each common output one type. Artifacts of the wrong kind are
 * FM4012, constants FM4013. flytepropeller: {@code MismatchingTypes}.
 */
public final class TypesAreCompatible implements Check {
  @Override
  public Code code() {
    return Codes.TYPE_MISMATCH;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    BindingTypes types = new BindingTypes(pipeline);
    for (Connection c : Connection.all(pipeline, types)) {
      if (TypeCompatibility.cast(c.from(), c.to()) != TypeCompatibility.Verdict.TYPE_MISMATCH) {
        continue;
      }
      sink.report(Diagnostic.of(code(), c.span(), c.target() + " expects `" + TypeNames.of(c.to()) + "`, but "
              + c.source() + " gives `" + TypeNames.of(c.from()) + "`")
          .withHelp(help(c.from(), c.to())));
    }
    for (Scope s : Scope.all(pipeline)) {
      if (s.kind() != Scope.Kind.BRANCHES) {
        continue;
      }
      for (Graph.GraphOutput o : s.graph().outputs()) {
        List<IrType> known = new ArrayList<>();
        for (Graph.Source src : o.sources()) {
          Optional<Node> producer = s.node(src.task());
          producer.flatMap(p -> types.output(s, p, src.output())).filter(t -> !TypeCompatibility.unknown(t)).ifPresent(known::add);
        }
        List<String> distinct = known.stream().map(TypeNames::of).distinct().toList();
        if (distinct.size() > 1) {
          sink.report(Diagnostic.of(code(), o.span(), "the branches of " + s.describe() + " give output `" + o.name()
                  + "` different types: `" + String.join("`, `", distinct) + "`")
              .withHelp("flyte takes a branch node's outputs from whichever branch ran, so every branch must give them the same type"));
        }
      }
    }
  }

  private static String help(IrType from, IrType to) {
    if (from instanceof IrType.Primitive f && to instanceof IrType.Primitive t
        && f.scalar() == IrType.Scalar.INT && t.scalar() == IrType.Scalar.FLOAT) {
      return "flyte does not widen `int` to `float` between tasks; declare both sides `float`, or convert in a task";
    }
    if (from instanceof IrType.Artifact != to instanceof IrType.Artifact) {
      return "artifacts and parameters do not mix; pass an artifact to an artifact input and a parameter to a parameter input";
    }
    if (to instanceof IrType.ListOf && !(from instanceof IrType.ListOf)) {
      return "flyte does not wrap a single value into a list; pass a list, or declare the input as a single value";
    }
    return "declare the same type on both sides, or convert the value in a task";
  }
}
