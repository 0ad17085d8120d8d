package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeMetadata;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An input KFP builds from a template of other values ({@code "Hello {{name}}"}). Flyte bindings
 * cannot concatenate, so a small {@code join_strings} task builds the string from the literal
 * parts and the string values, and the consumer reads its output. Non-string values would need
 * formatting the source does not specify, so such templates are reported instead.
 */
final class TemplateLowering {
  private TemplateLowering() {}

  static Optional<BindingData> join(GraphLowering g, WorkflowBuilder wb, io.flytemigrate.ir.Node.TaskNode t, String input,
      io.flytemigrate.ir.Binding.Template template, Span span) {
    LiteralType str = LiteralType.simple(LiteralType.SimpleType.STRING);
    String where = "`" + t.id() + "." + input + "`";
    List<BindingData> parts = new ArrayList<>();
    List<LiteralType> types = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (Arg a : template.parts()) {
      if (a instanceof Arg.Literal l) {
        literal.append(l.text());
        continue;
      }
      if (!(a instanceof Arg.InputRef ref)) {
        return unsupported(g, where, span, "a `" + a.getClass().getSimpleName() + "` part");
      }
      Optional<InputBinding> ib = t.inputs().stream().filter(b -> b.input().equals(ref.input())).findFirst();
      if (ib.isEmpty()) {
        return unsupported(g, where, span, "a reference to `" + ref.input() + "`, which the task does not set");
      }
      Optional<BindingData> data = wb.bind(ib.get().value(), str, where, ib.get().span());
      if (data.isEmpty()) {
        return Optional.empty();
      }
      if (data.get() instanceof BindingData.Static s && s.value() instanceof Literal.StringValue sv) {
        literal.append(sv.value());
        continue;
      }
      LiteralType type = wb.typeOf(data.get()).orElse(str);
      if (!(Types.unwrapOptional(type) instanceof LiteralType.Simple)) {
        return unsupported(g, where, span, "`" + ref.input() + "`, which is not a simple value");
      }
      if (literal.length() > 0) {
        parts.add(new BindingData.Static(new Literal.StringValue(literal.toString())));
        types.add(str);
        literal.setLength(0);
      }
      parts.add(data.get());
      types.add(type);
    }
    if (literal.length() > 0) {
      parts.add(new BindingData.Static(new Literal.StringValue(literal.toString())));
      types.add(str);
    }
    if (parts.stream().allMatch(p -> p instanceof BindingData.Static)) {
      StringBuilder all = new StringBuilder();
      parts.forEach(p -> all.append(((Literal.StringValue) ((BindingData.Static) p).value()).value()));
      return Optional.of(new BindingData.Static(new Literal.StringValue(all.toString())));
    }
    TaskLowering.LoweredTask join = g.tasks.joinStrings(types);
    List<Binding> bindings = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      bindings.add(new Binding("part_" + (i + 1), parts.get(i)));
    }
    String id = wb.nodeIds.claim(GraphLowering.dns(t.id() + "-" + input), Names::dnsify);
    wb.nodes.add(new Node(id, NodeMetadata.named(t.id() + "." + input), bindings,
        wb.upstream(bindings, List.of(), Optional.empty()), new NodeTarget.TaskCall(join.def().id(), Optional.empty()),
        "", span));
    wb.irNodes.put("template:" + id, new WorkflowBuilder.NodeOut(id, Map.of("Output", "o0"), Map.of("o0", str)));
    g.ctx.parity.approximated("binding", where, span, wb.id.name() + "/" + id,
        "the string is built at run time by the small `" + join.def().python().name()
            + "` task, since Flyte bindings cannot concatenate");
    return Optional.of(new BindingData.Promise(id, "o0"));
  }

  private static Optional<BindingData> unsupported(GraphLowering g, String where, Span span, String what) {
    g.ctx.parity.dropped("binding", where, span, "the template has " + what + "; compute the string in a task");
    g.ctx.warn(Codes.ELEMENT_DROPPED, span, "input " + where + " is a string template with " + what
        + ", which Flyte cannot build", "compute the string in a task");
    return Optional.empty();
  }
}
