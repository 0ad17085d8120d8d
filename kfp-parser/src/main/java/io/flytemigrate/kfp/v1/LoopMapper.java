package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.Fields;
import io.flytemigrate.kfp.tree.JsonLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Maps a looping task ({@code withItems}, {@code withParam}, {@code withSequence}) to a {@link
 * Node.LoopNode}. Arguments that carry {@code {{item}}} or {@code {{item.a}}} are the body's view
 * of the item; the others are bound from outside. A loop over a DAG or steps template has that
 * template's graph as its body; a loop over a container template gets a body of one task.
 */
final class LoopMapper {
  private final WorkflowContext ctx;
  private final DiagnosticSink sink;
  private final DagMapper dags;
  private final ArgumentBindings arguments;
  private final InputTypes types;

  LoopMapper(WorkflowContext ctx, DagMapper dags, ArgumentBindings arguments, InputTypes types) {
    this.ctx = ctx;
    this.sink = ctx.sink();
    this.dags = dags;
    this.arguments = arguments;
    this.types = types;
  }


  Node loopNode(Fields task, String name, String what, Span span, Templates.Template t, Scope scope, NodeInputs inputs,
      List<String> after, TaskSettings.Trigger trigger, Optional<String> when, Span whenSpan) {
    dags.markUsed(t.name());
    if (when.isPresent()) {
      Messages.report(sink, Codes.UNTRANSLATED_SETTING, whenSpan, "the `when` of loop " + what + " is not translated; every item runs",
          "put the condition on the tasks inside the loop");
    }
    // Arguments that carry the item are the body's view of it, not values bound from outside.
    Map<String, Binding> itemArgs = new LinkedHashMap<>();
    for (InputBinding b : inputs.arguments()) {
      if (isItem(b.value(), name)) {
        itemArgs.put(b.input(), b.value());
        inputs.removeArgument(b.input());
      }
    }
    LoopItems items = items(task, name, what, scope, inputs);
    String itemInput = itemArgs.entrySet().stream().filter(e -> e.getValue() instanceof Binding.LoopItem).map(Map.Entry::getKey)
        .findFirst().orElse(name + "-loop-item");
    boolean graphTemplate = t.kind() == Templates.Kind.DAG || t.kind() == Templates.Kind.STEPS;
    List<Port> extra = new ArrayList<>();
    for (InputBinding b : inputs.added()) {
      extra.add(new Port(b.input(), new IrType.ListOf(new IrType.Any()), false, false, Optional.empty(), Optional.empty(), b.span()));
    }
    if (!itemArgs.containsKey(itemInput)) {
      IrType itemType = items instanceof LoopItems.Literal l ? InputTypes.elementType(l.items().items(), List.of()) : new IrType.Any();
      extra.add(new Port(itemInput, itemType, false, false, Optional.empty(), Optional.empty(), Span.NONE));
    }
    Graph body;
    OptionalInt parallelism = OptionalInt.empty();
    if (graphTemplate) {
      Scope inner = new Scope(t.name(), false, List.of(), ctx);
      inner.items.putAll(itemArgs);
      inner.argTypes.putAll(types.argTypes(inputs, scope, types.itemTypes(itemArgs, items, scope, inputs)));
      DagMapper.BuiltGraph g = dags.body(t, inner, true);
      dags.bindGlobals(inner.globals, scope, inputs, span);
      body = withoutItemFields(DagMapper.withPorts(g.graph(), extra), itemArgs);
      parallelism = g.parallelism();
    } else {
      ContainerTemplates.Built b = dags.executable(t);
      Interface ci = b.component().iface();
      List<Port> ports = new ArrayList<>();
      List<InputBinding> inner = new ArrayList<>();
      for (InputBinding a : inputs.arguments()) {
        ports.add(portFor(a.input(), ci));
        inner.add(new InputBinding(a.input(), new Binding.GraphInput(a.input()), a.span()));
      }
      for (Map.Entry<String, Binding> e : itemArgs.entrySet()) {
        if (e.getValue() instanceof Binding.LoopItem) {
          ports.add(portFor(e.getKey(), ci));
        }
        inner.add(new InputBinding(e.getKey(), e.getValue(), span));
      }
      for (Port g : ci.inputs()) {
        if (g.name().startsWith(TemplateArgs.GLOBAL_PREFIX) && b.globals().containsKey(g.name())) {
          ports.add(g);
          inner.add(new InputBinding(g.name(), new Binding.GraphInput(g.name()), span));
          String global = g.name().substring(TemplateArgs.GLOBAL_PREFIX.length());
          inputs.argument(g.name(), scope.global(global, "{{workflow.parameters." + global + "}}", span), span);
        }
      }
      ports.addAll(extra);
      List<Graph.GraphOutput> outs = new ArrayList<>();
      for (Port o : ci.outputs()) {
        outs.add(new Graph.GraphOutput(o.name(), List.of(new Graph.Source(name + "-iteration", o.name())), false, true, o.span()));
      }
      // Node ids are unique across a workflow and its bodies, so the one task is not named like the loop.
      Node.TaskNode only = new Node.TaskNode(name + "-iteration", b.settings().displayName().orElse(name), t.name(), inner, List.of(),
          b.settings().toTask(TaskSettings.Trigger.ALL_SUCCEEDED, span), Optional.empty(), span);
      body = new Graph(new Interface(ports, ci.outputs()), List.of(only), outs, span);
    }
    if (trigger != TaskSettings.Trigger.ALL_SUCCEEDED) {
      Messages.report(sink, Codes.UNTRANSLATED_SETTING, span, "the trigger rule of loop " + what + " is not translated");
    }
    return new Node.LoopNode(name, name, inputs.all(), after, items, itemInput, parallelism, body, span);
  }

  /** The body without the inputs that stand for fields of the item: the body reads those from the item itself. */
  private static Graph withoutItemFields(Graph g, Map<String, Binding> itemArgs) {
    List<Port> inputs = new ArrayList<>();
    for (Port p : g.iface().inputs()) {
      if (!(itemArgs.get(p.name()) instanceof Binding.Field)) {
        inputs.add(p);
      }
    }
    return new Graph(new Interface(inputs, g.iface().outputs()), g.nodes(), g.outputs(), g.span());
  }

  private static Port portFor(String name, Interface iface) {
    return iface.input(name).map(p -> new Port(p.name(), p.type(), p.artifact(), false, Optional.empty(), p.description(), p.span()))
        .orElse(new Port(name, IrType.primitive(IrType.Scalar.STRING), false, false, Optional.empty(), Optional.empty(), Span.NONE));
  }

  private static boolean isItem(Binding b, String loop) {
    if (b instanceof Binding.LoopItem l) {
      return l.loop().equals(loop);
    }
    return b instanceof Binding.Field f && isItem(f.base(), loop);
  }

  /**
   * Reports the argo expressions in a literal loop item, in the item itself or in any field of it
   * ({@code {first_name: '{{workflow.parameters.fname1}}'}}): argo substitutes them when the loop
   * starts, but the items of a literal loop are constants, so the text stays as written.
   */
  private void expressions(DocNode n, String field, String what) {
    if (n instanceof DocNode.DocScalar s && ArgoText.hasRef(s.text())) {
      String subject = field.isEmpty() ? "loop item `" + s.text() + "` of " + what + " holds an expression"
          : "field `" + field + "` of a loop item of " + what + " holds the expression `" + s.text() + "`";
      Messages.report(sink, Codes.UNKNOWN_REFERENCE, n.span(), subject + ", which is kept as text",
          "argo replaces it when the loop starts, but the items of a literal loop are constants; loop over a list that a task "
              + "builds from these values instead");
    } else if (n instanceof DocNode.DocMap m) {
      for (DocNode.Entry e : m.entries()) {
        expressions(e.value(), field.isEmpty() ? e.key() : field + "." + e.key(), what);
      }
    } else if (n instanceof DocNode.DocSeq q) {
      for (int i = 0; i < q.items().size(); i++) {
        expressions(q.items().get(i), field + "[" + i + "]", what);
      }
    }
  }

  private LoopItems items(Fields task, String loopId, String what, Scope scope, NodeInputs inputs) {
    if (task.has("withItems")) {
      List<Value> items = new ArrayList<>();
      for (DocNode n : task.seq("withItems")) {
        expressions(n, "", what);
        items.add(Fields.toValue(n));
      }
      return new LoopItems.Literal(new Value.ListValue(items));
    }
    if (task.has("withParam")) {
      String text = task.string("withParam").orElse("");
      Span span = task.valueSpan("withParam");
      Optional<ArgoRef> single = ArgoText.single(text);
      if (single.isPresent()) {
        Binding b = arguments.ref(single.get(), span, scope, null);
        String input = inputs.hidden(ArgumentBindings.baseName(single.get()), b, span);
        return new LoopItems.FromInput(input, false);
      }
      if (!ArgoText.hasRef(text)) {
        DiagnosticSink scratch = new DiagnosticSink();
        Optional<DocNode> json = new JsonLoader(span.file(), scratch).load(text);
        if (json.isPresent() && !scratch.hasErrors() && Fields.toValue(json.get()) instanceof Value.ListValue l) {
          return new LoopItems.Literal(l);
        }
      }
      Messages.report(sink, Codes.UNKNOWN_REFERENCE, span, "`withParam` of " + what + " is `" + text + "`, neither one expression nor a json list; "
          + "the loop has no items");
      return new LoopItems.Literal(new Value.ListValue(List.of()));
    }
    Optional<Fields> seq = task.map("withSequence");
    if (seq.isPresent()) {
      Fields s = seq.get();
      Optional<Long> count = s.integer("count");
      Optional<Long> start = s.integer("start");
      Optional<Long> end = s.integer("end");
      if (s.has("format")) {
        s.ignore("format");
        Messages.report(sink, Codes.UNTRANSLATED_SETTING, s.keySpan("format"), "the `format` of the sequence of " + what + " is not translated");
      }
      s.done();
      long from = start.orElse(0L);
      long to = count.map(c -> from + c - 1).or(() -> end).orElse(from - 1);
      if (to - from > 10_000) {
        Messages.report(sink, Codes.UNTRANSLATED_SETTING, s.span(), "the sequence of " + what + " has more than 10000 items and is not translated");
        return new LoopItems.Literal(new Value.ListValue(List.of()));
      }
      List<Value> items = new ArrayList<>();
      for (long i = from; i <= to; i++) {
        items.add(new Value.Int(i));
      }
      return new LoopItems.Literal(new Value.ListValue(items));
    }
    return new LoopItems.Literal(new Value.ListValue(List.of()));
  }
}
