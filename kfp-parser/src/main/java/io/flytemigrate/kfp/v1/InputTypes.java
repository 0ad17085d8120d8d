package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Argo DAG inputs carry no type; the values bound to them do: a pipeline parameter, a task output
 * typed by its component spec, a loop item. Knowing them keeps types intact through nested
 * graphs: a body's untyped input takes the type of what its caller binds to it.
 */
final class InputTypes {
  private final Templates templates;
  private final DagMapper dags;

  InputTypes(Templates templates, DagMapper dags) {
    this.templates = templates;
    this.dags = dags;
  }

  Map<String, IrType> argTypes(NodeInputs inputs, Scope scope, Map<String, IrType> itemTypes) {
    Map<String, IrType> out = new LinkedHashMap<>(itemTypes);
    for (InputBinding b : inputs.arguments()) {
      typeOf(b.value(), scope).ifPresent(t -> out.putIfAbsent(b.input(), t));
    }
    return out;
  }

  Optional<IrType> typeOf(Binding b, Scope scope) {
    if (b instanceof Binding.GraphInput g) {
      Port p = scope.inputs.get(g.input());
      return Optional.ofNullable(p != null ? p.type() : scope.globals.containsKey(g.input()) ? scope.globals.get(g.input()).type() : null);
    }
    if (b instanceof Binding.LoopItem || b instanceof Binding.Field) {
      for (Map.Entry<String, Binding> e : scope.items.entrySet()) {
        if (e.getValue().equals(b) && scope.inputs.containsKey(e.getKey())) {
          return Optional.of(scope.inputs.get(e.getKey()).type());
        }
      }
      return Optional.empty();
    }
    if (b instanceof Binding.TaskOutput o) {
      String template = scope.tasks.get(o.task());
      Optional<Templates.Template> t = template == null ? Optional.empty() : templates.get(template);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      if (t.get().kind() == Templates.Kind.CONTAINER) {
        return dags.executable(t.get()).component().iface().output(o.output()).map(Port::type);
      }
      return dags.pipeline(template).flatMap(g -> g.iface().output(o.output())).map(Port::type);
    }
    return Optional.empty();
  }

  /** The types of the loop item and its fields, from literal items or the list's type. */
  Map<String, IrType> itemTypes(Map<String, Binding> itemArgs, LoopItems items, Scope scope, NodeInputs inputs) {
    Map<String, IrType> out = new LinkedHashMap<>();
    for (Map.Entry<String, Binding> e : itemArgs.entrySet()) {
      List<String> path = e.getValue() instanceof Binding.Field f ? f.path() : List.of();
      if (items instanceof LoopItems.Literal l) {
        out.put(e.getKey(), elementType(l.items().items(), path));
      } else if (items instanceof LoopItems.FromInput in && path.isEmpty()) {
        Optional<IrType> list = inputs.get(in.input()).flatMap(b -> typeOf(b.value(), scope));
        list.filter(t -> t instanceof IrType.ListOf).map(t -> ((IrType.ListOf) t).element()).ifPresent(t -> out.put(e.getKey(), t));
      }
    }
    return out;
  }

  static IrType elementType(List<Value> items, List<String> path) {
    Set<String> kinds = new LinkedHashSet<>();
    for (Value v : items) {
      Value x = v;
      for (String k : path) {
        x = x instanceof Value.MapValue m ? m.entries().stream().filter(en -> en.key().equals(k)).map(Value.Entry::value).findFirst()
            .orElse(new Value.Null()) : new Value.Null();
      }
      kinds.add(x.getClass().getSimpleName());
    }
    if (kinds.size() != 1) {
      return kinds.equals(Set.of("Int", "Float")) ? IrType.primitive(IrType.Scalar.FLOAT) : new IrType.Any();
    }
    return switch (kinds.iterator().next()) {
      case "Int" -> IrType.primitive(IrType.Scalar.INT);
      case "Float" -> IrType.primitive(IrType.Scalar.FLOAT);
      case "Str" -> IrType.primitive(IrType.Scalar.STRING);
      case "Bool" -> IrType.primitive(IrType.Scalar.BOOL);
      case "MapValue" -> new IrType.Struct();
      case "ListValue" -> new IrType.ListOf(new IrType.Any());
      default -> new IrType.Any();
    };
  }

  static Port retype(Port p, IrType type) {
    if (type == null || p.artifact()) {
      return p;
    }
    Optional<Value> def = p.defaultValue().map(d -> d instanceof Value.Str s ? TemplatePorts.typed(s.value(), type) : d);
    return new Port(p.name(), type, p.artifact(), p.optional(), def, p.description(), p.span());
  }
}
