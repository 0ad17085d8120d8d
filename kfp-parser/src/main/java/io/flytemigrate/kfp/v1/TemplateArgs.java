package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Arg.Access;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.v2.Placeholders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns the strings of one Argo template (command, args, resource amounts, volume claim names)
 * into {@link Arg}s: {@code {{inputs.parameters.x}}} and {@code {{inputs.artifacts.x.path}}}
 * become input placeholders, {@code {{outputs.parameters.x.path}}} and {@code
 * {{outputs.artifacts.x.path}}} output placeholders, {@code {{workflow.parameters.x}}} an input
 * {@code pipelinechannel--x} the template gains (its callers bind it to the workflow parameter),
 * {@code {{workflow.name}}} and the like runtime values, and KFP v2 placeholders what the v2
 * reader makes of them. Anything else is kept as text and reported.
 */
final class TemplateArgs {
  /** The prefix of inputs a template gains for the workflow parameters it reads. */
  static final String GLOBAL_PREFIX = "pipelinechannel--";

  private final DiagnosticSink sink;
  private final String where;
  private final TemplatePorts.Ports ports;
  private final Map<String, Port> pipelineInputs;
  private final Placeholders v2;
  private final Map<String, Port> globals = new LinkedHashMap<>();
  private UnaryOperator<Arg> v2Rename = UnaryOperator.identity();

  TemplateArgs(DiagnosticSink sink, String where, TemplatePorts.Ports ports, Map<String, Port> pipelineInputs) {
    this.sink = sink;
    this.where = where;
    this.ports = ports;
    this.pipelineInputs = pipelineInputs;
    this.v2 = new Placeholders(sink);
  }

  /** How to rename the ports KFP v2 placeholders name, for templates of the v2-compatible mode. */
  void renameV2(UnaryOperator<Arg> rename) {
    this.v2Rename = rename;
  }

  /** The workflow parameters the template reads, as the inputs it gains. */
  Map<String, Port> globals() {
    return globals;
  }

  Arg arg(String text, Span span) {
    List<Arg> parts = new ArrayList<>();
    for (ArgoText.Piece p : ArgoText.split(text)) {
      if (p instanceof ArgoText.Text t) {
        parts.add(new Arg.Literal(t.text()));
      } else {
        Arg a = ref(((ArgoText.Ref) p).ref(), span);
        if (a instanceof Arg.Concat c) {
          parts.addAll(c.parts());
        } else {
          parts.add(a);
        }
      }
    }
    if (parts.isEmpty()) {
      return new Arg.Literal("");
    }
    return parts.size() == 1 ? parts.get(0) : new Arg.Concat(merge(parts));
  }

  /** A setting's value as a binding: a literal is a constant, anything else a template. */
  static Binding binding(Arg a) {
    if (a instanceof Arg.Literal l) {
      return new Binding.Constant(new Value.Str(l.text()));
    }
    return new Binding.Template(a instanceof Arg.Concat c ? c.parts() : List.of(a));
  }

  private Arg ref(ArgoRef r, Span span) {
    switch (r.kind()) {
      case INPUT_PARAMETER:
        if (ports.input(r.name()).isEmpty()) {
          undefined(r, "input", span);
        }
        return new Arg.InputRef(r.name(), Access.VALUE);
      case INPUT_ARTIFACT:
        if (ports.input(r.name()).isEmpty()) {
          undefined(r, "input", span);
        }
        return new Arg.InputRef(r.name(), r.field().isEmpty() || r.field().equals("path") ? Access.PATH : Access.URI);
      case OUTPUT_PARAMETER:
      case OUTPUT_ARTIFACT:
        Optional<Port> out = ports.output(r.name());
        if (out.isEmpty()) {
          undefined(r, "output", span);
        }
        return new Arg.OutputRef(r.name(), out.map(Port::artifact).orElse(r.kind() == ArgoRef.Kind.OUTPUT_ARTIFACT)
            ? Access.PATH : Access.OUTPUT_FILE);
      case WORKFLOW_PARAMETER:
        return new Arg.InputRef(global(r, span), Access.VALUE);
      case RUNTIME:
        return new Arg.RuntimeValue(r.name());
      case KFP_V2:
        return v2Rename.apply(v2.template(r.raw(), span));
      default:
        Messages.report(sink, Codes.UNKNOWN_REFERENCE, span, "`" + r.raw() + "` in " + where + " is not an expression the reader understands; it is kept as text");
        return new Arg.UnknownPlaceholder(r.raw());
    }
  }

  private String global(ArgoRef r, Span span) {
    String name = GLOBAL_PREFIX + r.name();
    Optional<Port> p = Optional.ofNullable(pipelineInputs.get(r.name()));
    if (p.isEmpty()) {
      Messages.report(sink, Codes.UNDEFINED_REFERENCE, span, where + " reads `" + r.raw() + "`, which is not a parameter of the workflow");
    }
    IrType type = p.map(Port::type).orElse(IrType.primitive(IrType.Scalar.STRING));
    globals.putIfAbsent(name, new Port(name, type, false, false, Optional.empty(), Optional.empty(), Span.NONE));
    return name;
  }

  private void undefined(ArgoRef r, String what, Span span) {
    Messages.report(sink, Codes.UNDEFINED_REFERENCE, span, where + " uses `" + r.raw() + "`, but declares no " + what + " `" + r.name() + "`");
  }

  private static List<Arg> merge(List<Arg> parts) {
    List<Arg> out = new ArrayList<>();
    for (Arg a : parts) {
      if (a instanceof Arg.Literal l && !out.isEmpty() && out.get(out.size() - 1) instanceof Arg.Literal prev) {
        out.set(out.size() - 1, new Arg.Literal(prev.text() + l.text()));
      } else {
        out.add(a);
      }
    }
    return out;
  }
}
