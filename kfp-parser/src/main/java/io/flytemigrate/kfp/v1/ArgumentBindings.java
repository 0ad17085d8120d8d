package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the arguments of a DAG task or step into input bindings: one expression resolves to what
 * it names (a graph input, a sibling's output, the loop item or a field of it, a workflow
 * parameter, a runtime value), text with expressions becomes a template over inputs the node
 * gains, and plain text a constant, typed when the input's type is known. Arguments the template
 * does not declare are dropped, inputs it needs and does not get are reported.
 */
final class ArgumentBindings {
  private final DiagnosticSink sink;
  private final Templates templates;
  private final DagMapper dags;

  ArgumentBindings(DiagnosticSink sink, Templates templates, DagMapper dags) {
    this.sink = sink;
    this.templates = templates;
    this.dags = dags;
  }

  void arguments(Fields task, Scope scope, NodeInputs inputs, String loopId, Optional<Templates.Template> target) {
    Optional<Fields> args = task.map("arguments");
    Set<String> declared = target.map(t -> Templates.declared(t, "inputs")).orElse(Set.of());
    if (args.isPresent()) {
      for (DocNode n : args.get().seq("parameters")) {
        Optional<Fields> pf = Fields.of(n, "an argument", sink);
        if (pf.isEmpty()) {
          continue;
        }
        Fields p = pf.get();
        Optional<String> name = p.requireString("name");
        Optional<String> value = p.string("value");
        if (p.has("valueFrom")) {
          p.ignore("valueFrom");
          Messages.report(sink, Codes.UNTRANSLATED_SETTING, p.keySpan("valueFrom"), "`valueFrom` of argument `" + name.orElse("") + "` is not translated");
        }
        p.ignore("default", "description", "enum");
        p.done();
        if (name.isEmpty()) {
          continue;
        }
        if (value.isEmpty()) {
          continue;
        }
        inputs.argument(name.get(), value(value.get(), p.valueSpan("value"), scope, inputs, loopId, Optional.empty()), p.span());
      }
      for (DocNode n : args.get().seq("artifacts")) {
        Optional<Fields> af = Fields.of(n, "an artifact argument", sink);
        if (af.isEmpty()) {
          continue;
        }
        Fields a = af.get();
        Optional<String> name = a.requireString("name");
        Binding b;
        if (a.has("from")) {
          b = value(a.string("from").orElse(""), a.valueSpan("from"), scope, inputs, loopId, Optional.empty());
        } else if (a.has("raw")) {
          b = new Binding.Constant(a.map("raw").map(r -> {
            Value v = r.string("data").<Value>map(Value.Str::new).orElse(new Value.Str(""));
            r.done();
            return v;
          }).orElse(new Value.Str("")));
        } else {
          Optional<String> url = a.map("http").flatMap(h -> {
            Optional<String> u = h.string("url");
            h.ignore("headers", "auth");
            h.done();
            return u;
          });
          if (url.isPresent()) {
            b = new Binding.Constant(new Value.Str(url.get()));
          } else {
            Messages.report(sink, Codes.UNTRANSLATED_SETTING, a.span(), "artifact argument `" + name.orElse("") + "` comes from an artifact repository "
                + "location that is not translated", "pass it from a task output or as a pipeline input");
            b = new Binding.Unresolved(CommandLine.text(n));
            a.ignore("s3", "gcs", "git", "artifactory", "hdfs", "oss", "azure", "fromExpression");
          }
        }
        a.ignore("subPath", "mode", "archive", "optional", "path");
        a.done();
        name.ifPresent(x -> inputs.argument(x, b, a.span()));
      }
      args.get().done();
    }
    if (target.isPresent()) {
      typeConstants(target.get(), scope, inputs);
      checkArguments(target.get(), inputs, task, declared);
    }
  }

  /** Every input of the template without a default must be given; arguments it does not declare are dropped. */
  private void checkArguments(Templates.Template t, NodeInputs inputs, Fields task, Set<String> declared) {
    for (InputBinding b : inputs.arguments()) {
      if (!declared.contains(b.input())) {
        Messages.report(sink, Codes.UNTRANSLATED_SETTING, b.span(), "argument `" + b.input() + "` is not an input of template `" + t.name()
            + "` and is dropped");
        inputs.removeArgument(b.input());
      }
    }
    for (Port p : inputsOf(t)) {
      if (!p.optional() && !inputs.has(p.name())) {
        Messages.report(sink, Codes.UNDEFINED_REFERENCE, task.span(), "the task gives no value for input `" + p.name() + "` of template `"
            + t.name() + "`, which has no default");
      }
    }
  }

  static List<Port> inputsOf(Templates.Template t) {
    DiagnosticSink scratch = new DiagnosticSink();
    Fields f = new Fields(t.node(), "", scratch);
    return TemplatePorts.read(f, t.name(), TypeRecovery.none(), scratch).inputs();
  }

  /**
   * Builds the component of an executable template (the first call types its untyped inputs by
   * what the call binds to them) and gives constant arguments the types of its inputs.
   */
  private void typeConstants(Templates.Template t, Scope scope, NodeInputs inputs) {
    if (t.kind() == Templates.Kind.DAG || t.kind() == Templates.Kind.STEPS) {
      return;
    }
    Interface iface = dags.executable(t, dags.types().argTypes(inputs, scope, Map.of())).component().iface();
    for (InputBinding b : inputs.arguments()) {
      if (b.value() instanceof Binding.Constant c && c.value() instanceof Value.Str s) {
        Optional<IrType> type = iface.input(b.input()).map(Port::type);
        type.ifPresent(x -> inputs.replaceArgument(b.input(), new Binding.Constant(TemplatePorts.typed(s.value(), x))));
      }
    }
  }

  /**
   * The binding of an argument value: one expression resolves to what it names; text with
   * expressions is a template over added inputs; plain text is a constant, typed when the
   * input's type is known.
   */
  Binding value(String text, Span span, Scope scope, NodeInputs inputs, String loopId, Optional<IrType> type) {
    List<ArgoText.Piece> pieces = ArgoText.split(text);
    if (pieces.stream().noneMatch(p -> p instanceof ArgoText.Ref)) {
      return new Binding.Constant(type.map(t -> TemplatePorts.typed(text, t)).orElse(new Value.Str(text)));
    }
    if (pieces.size() == 1) {
      return ref(((ArgoText.Ref) pieces.get(0)).ref(), span, scope, loopId);
    }
    List<io.flytemigrate.ir.Arg> parts = new ArrayList<>();
    for (ArgoText.Piece p : pieces) {
      if (p instanceof ArgoText.Text t) {
        parts.add(new io.flytemigrate.ir.Arg.Literal(t.text()));
        continue;
      }
      ArgoRef r = ((ArgoText.Ref) p).ref();
      if (r.kind() == ArgoRef.Kind.ITEM) {
        Messages.report(sink, Codes.UNKNOWN_REFERENCE, span, "`" + r.raw() + "` inside a longer string is not translated; pass the item as its own argument");
        return new Binding.Unresolved(text);
      }
      Binding b = ref(r, span, scope, loopId);
      if (b instanceof Binding.Template tb) {
        parts.addAll(tb.parts());
      } else if (b instanceof Binding.Constant c && c.value() instanceof Value.Str s) {
        parts.add(new io.flytemigrate.ir.Arg.Literal(s.value()));
      } else {
        parts.add(new io.flytemigrate.ir.Arg.InputRef(inputs.hidden(baseName(r), b, span), io.flytemigrate.ir.Arg.Access.VALUE));
      }
    }
    return new Binding.Template(parts);
  }

  Binding ref(ArgoRef r, Span span, Scope scope, String loopId) {
    switch (r.kind()) {
      case INPUT_PARAMETER:
      case INPUT_ARTIFACT:
        return scope.input(r.name(), r.raw(), span);
      case TASK_PARAMETER:
      case TASK_ARTIFACT:
        checkTaskOutput(r, scope, span);
        return new Binding.TaskOutput(r.scope(), r.name());
      case WORKFLOW_PARAMETER:
        return scope.global(r.name(), r.raw(), span);
      case RUNTIME:
        return new Binding.Template(List.of(new io.flytemigrate.ir.Arg.RuntimeValue(r.name())));
      case ITEM:
        if (loopId == null) {
          Messages.report(sink, Codes.UNDEFINED_REFERENCE, span, "`" + r.raw() + "` is used by a task that does not loop");
          return new Binding.Unresolved(r.raw());
        }
        if (r.field().isEmpty()) {
          return new Binding.LoopItem(loopId);
        }
        return new Binding.Field(new Binding.LoopItem(loopId), List.of(r.field().split("\\.")), r.raw());
      default:
        Messages.report(sink, Codes.UNKNOWN_REFERENCE, span, "`" + r.raw() + "` is not an expression the reader understands; it is kept as text");
        return new Binding.Unresolved(r.raw());
    }
  }

  void checkTaskOutput(ArgoRef r, Scope scope, Span span) {
    String template = scope.tasks.get(r.scope());
    if (template == null) {
      Messages.report(sink, Codes.UNDEFINED_REFERENCE, span, "`" + r.raw() + "` names `" + r.scope() + "`, which is not a task of " + scope.where());
      return;
    }
    Optional<Templates.Template> t = templates.get(template);
    if (t.isPresent() && !Templates.declared(t.get(), "outputs").contains(r.name())) {
      Messages.report(sink, Codes.UNDEFINED_REFERENCE, span, "`" + r.raw() + "` names output `" + r.name() + "`, which template `" + template
          + "` does not declare");
    }
  }

  static String baseName(ArgoRef r) {
    return r.name().isEmpty() ? "value" : r.name();
  }
}
