package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scope a graph is read in: the template it comes from, its inputs, what of the loop item it
 * sees, its tasks, and the workflow parameters it needs from its parent ({@code
 * pipelinechannel--} inputs it gains). Resolving a name reports it when it is not in scope.
 */
final class Scope {
  final String template;
  final boolean root;
  final Map<String, Port> inputs = new LinkedHashMap<>();
  /** Inputs that stand for the current loop item or one of its fields. */
  final Map<String, Binding> items = new LinkedHashMap<>();
  /** Task or step name to the template it runs. */
  final Map<String, String> tasks = new LinkedHashMap<>();
  final Map<String, Port> globals = new LinkedHashMap<>();
  /** Types of the values the caller binds to untyped inputs, to type them. */
  final Map<String, IrType> argTypes = new LinkedHashMap<>();
  private final DiagnosticSink sink;
  private final Map<String, Port> pipelineInputs;

  Scope(String template, boolean root, List<Port> inputs, WorkflowContext ctx) {
    this.template = template;
    this.root = root;
    this.sink = ctx.sink();
    this.pipelineInputs = ctx.pipelineInputs();
    inputs.forEach(p -> this.inputs.put(p.name(), p));
  }

  String where() {
    return root ? "the workflow" : "template `" + template + "`";
  }

  /** An input of the graph, or the loop item it stands for. */
  Binding input(String name, String raw, Span span) {
    Binding item = items.get(name);
    if (item != null) {
      return item;
    }
    if (!inputs.containsKey(name)) {
      Messages.report(sink, Codes.UNDEFINED_REFERENCE, span, "`" + raw + "` names input `" + name + "`, which " + where() + " does not declare");
      return new Binding.Unresolved(raw);
    }
    return new Binding.GraphInput(name);
  }

  /** A workflow parameter: an input of the root, or an input this graph gains for it. */
  Binding global(String name, String raw, Span span) {
    Port p = pipelineInputs.get(name);
    if (p == null) {
      Messages.report(sink, Codes.UNDEFINED_REFERENCE, span, "`" + raw + "` names `" + name + "`, which is not a parameter of the workflow");
      return new Binding.Unresolved(raw);
    }
    if (root) {
      return new Binding.GraphInput(name);
    }
    String local = TemplateArgs.GLOBAL_PREFIX + name;
    globals.putIfAbsent(local, new Port(local, p.type(), false, false, Optional.empty(), Optional.empty(), Span.NONE));
    return new Binding.GraphInput(local);
  }
}
