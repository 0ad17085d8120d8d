package io.flytemigrate.validators;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.Locale;
import java.util.Optional;

/**
 * Constants given to task inputs, and the defaults of component and pipeline inputs, fit the
 * declared type (see {@link TypeCompatibility#fits}): ints and integral floats fit number types,
 * {@code None} only optional inputs, lists element by element; no constant fits an artifact.
 * flytepropeller types a literal binding by its value ({@code MismatchingTypes}); flyteadmin
 * checks launch-plan defaults the same way.
 */
public final class ConstantsMatchTypes implements Check {
  @Override
  public Code code() {
    return Codes.CONSTANT_TYPE_MISMATCH;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    BindingTypes types = new BindingTypes(pipeline);
    for (Scope s : Scope.all(pipeline)) {
      for (Node n : s.graph().nodes()) {
        if (!(n instanceof Node.TaskNode t)) {
          continue;
        }
        Optional<Interface> iface = types.component(t.component()).map(Component::iface);
        for (InputBinding b : n.inputs()) {
          Optional<Port> port = iface.flatMap(i -> types.declaredInput(i, b.input()));
          if (port.isEmpty() || !(b.value() instanceof Binding.Constant c)) {
            continue;
          }
          Port p = port.get();
          if (!TypeCompatibility.fits(c.value(), p.type(), p.optional())) {
            sink.report(Diagnostic.of(code(), b.span(), "input `" + b.input() + "` of " + NodeKind.describe(n) + " expects `"
                    + TypeNames.of(p.type()) + "`, but is given the constant `" + text(c.value()) + "`")
                .withHelp(help(p.type())));
          }
        }
      }
    }
    defaults(pipeline.iface(), "the pipeline", sink);
    for (Component c : pipeline.components()) {
      defaults(c.iface(), (c instanceof Component.PipelineComponent ? "pipeline `" : "component `") + c.id() + "`", sink);
    }
  }

  private void defaults(Interface iface, String owner, DiagnosticSink sink) {
    for (Port p : iface.inputs()) {
      if (p.defaultValue().isPresent() && !TypeCompatibility.fits(p.defaultValue().get(), p.type(), p.optional())) {
        sink.report(Diagnostic.of(code(), p.span(), "the default `" + text(p.defaultValue().get()) + "` of input `" + p.name()
                + "` of " + owner + " does not fit its type `" + TypeNames.of(p.type()) + "`")
            .withHelp(help(p.type())));
      }
    }
  }

  private static String help(IrType type) {
    if (type instanceof IrType.Artifact || type instanceof IrType.TaskStatus) {
      return "this input takes its value from a task; bind it to a task output (an importer brings in existing artifacts)";
    }
    return "give a value of the declared type, or change the declared type";
  }

  /** The value as JSON, cut short when long. */
  static String text(Value v) {
    StringBuilder b = new StringBuilder();
    write(v, b);
    return b.length() > 40 ? b.substring(0, 37) + "..." : b.toString();
  }

  private static void write(Value v, StringBuilder b) {
    if (b.length() > 40) {
      return;
    }
    if (v instanceof Value.Null) {
      b.append("null");
    } else if (v instanceof Value.Bool x) {
      b.append(x.value());
    } else if (v instanceof Value.Int x) {
      b.append(x.value());
    } else if (v instanceof Value.Float x) {
      b.append(x.value() == Math.rint(x.value()) && Math.abs(x.value()) < 1e15
          ? String.format(Locale.ROOT, "%.1f", x.value()) : Double.toString(x.value()));
    } else if (v instanceof Value.Str x) {
      b.append('"').append(x.value().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
    } else if (v instanceof Value.ListValue x) {
      b.append('[');
      for (int i = 0; i < x.items().size(); i++) {
        b.append(i == 0 ? "" : ", ");
        write(x.items().get(i), b);
      }
      b.append(']');
    } else if (v instanceof Value.MapValue x) {
      b.append('{');
      for (int i = 0; i < x.entries().size(); i++) {
        b.append(i == 0 ? "" : ", ").append('"').append(x.entries().get(i).key()).append("\": ");
        write(x.entries().get(i).value(), b);
      }
      b.append('}');
    }
  }
}
