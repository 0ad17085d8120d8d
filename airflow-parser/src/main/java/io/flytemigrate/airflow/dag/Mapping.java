package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.MapSpec;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Dynamic task mapping as IR loops: {@code .expand(x=...)} is a {@link Node.LoopNode} over the
 * list (one loop per argument, nested, for Airflow's cross product), {@code .expand_kwargs(...)}
 * a loop whose item is a dict of arguments. The loop has the task's id, so downstream tasks read
 * the collected {@code return_value} of the loop, as Airflow's reduce does. The loop's body
 * declares that output as a list of what the task returns (a list of lists for each further
 * level), as the KFP reader declares a ParallelFor's collected outputs. The body task keeps the
 * task's id too: a loop body is a Flyte workflow (or a map task's node) of its own, so the two
 * never share an id space.
 */
final class Mapping {
  private Mapping() {}

  /** The id of the loop over argument {@code index} of a mapped task (the outermost has the task's id). */
  static String loopId(TaskModel t, int index, String arg) {
    return index == 0 ? t.id() : t.id() + "__" + arg;
  }

  /** The bindings a mapped task's own inputs get instead of their values: the loop items. */
  static Map<String, Binding> mappedArgs(TaskModel t, DagScope scope) {
    Map<String, Binding> out = new LinkedHashMap<>();
    if (t.mapping().isEmpty()) {
      return out;
    }
    MapSpec m = t.mapping().get();
    for (int i = 0; i < m.expand().size(); i++) {
      String arg = m.expand().get(i).name();
      out.put(arg, new Binding.LoopItem(loopId(t, i, arg)));
    }
    if (m.expandKwargs().isPresent()) {
      Kwarg k = m.expandKwargs().get();
      Set<String> keys = literalKeys(k.value());
      if (keys == null) {
        if (scope.once("expand-kwargs@" + t.id())) {
          scope.report(Codes.AIRFLOW_UNSUPPORTED, k.span(), "task `" + t.id() + "` is mapped over argument dicts known only at"
              + " run time; their keys are passed as one input `expand_kwargs`", "map over explicit arguments with `.expand(...)`");
        }
        out.put("expand_kwargs", new Binding.LoopItem(t.id()));
      } else {
        for (String key : keys) {
          out.put(key, new Binding.Field(new Binding.LoopItem(t.id()), List.of(key), "item[\"" + key + "\"]"));
        }
      }
    }
    return out;
  }

  private static Set<String> literalKeys(PyValue v) {
    if (!(v instanceof PyValue.ListV l)) {
      return null;
    }
    Set<String> keys = new LinkedHashSet<>();
    for (PyValue i : l.items()) {
      if (!(i instanceof PyValue.DictV d)) {
        return null;
      }
      for (PyValue k : d.entries().keySet()) {
        if (k instanceof PyValue.Str s) {
          keys.add(s.value());
        }
      }
    }
    return keys;
  }

  /**
   * Wraps the task's node in its loops; {@code after} moves to the outermost loop.
   *
   * @param returnType the type of the task's {@code return_value}, empty when it returns nothing
   */
  static Node wrap(Node.TaskNode node, TaskModel t, Optional<IrType> returnType, List<String> after, DagScope scope) {
    MapSpec m = t.mapping().orElseThrow();
    List<Kwarg> levels = new ArrayList<>(m.expand());
    if (m.expandKwargs().isPresent()) {
      levels.add(m.expandKwargs().get());
    }
    if (levels.size() > 1 && scope.once("cross@" + t.id())) {
      scope.report(Codes.AIRFLOW_UNSUPPORTED, t.span(), "task `" + t.id() + "` maps over the cross product of "
          + levels.size() + " arguments; it becomes nested loops whose result is a list of lists",
          "airflow flattens the result; flatten it in the downstream task");
    }
    Node inner = node;
    Optional<IrType> innerReturns = returnType;
    String innerId = node.id();
    for (int i = levels.size() - 1; i >= 0; i--) {
      Kwarg level = levels.get(i);
      boolean kwargs = m.expandKwargs().isPresent() && i == levels.size() - 1;
      String loopId = kwargs ? t.id() : loopId(t, i, level.name());
      if (kwargs && levels.size() > 1) {
        loopId = t.id() + "__kwargs";
      }
      inner = loop(inner, innerId, innerReturns, loopId, kwargs ? "kwargs" : level.name(), level, i == 0 ? after : List.of(),
          t, scope);
      innerId = loopId;
      innerReturns = innerReturns.map(IrType.ListOf::new);
    }
    return inner;
  }

  private static Node loop(Node body, String bodyId, Optional<IrType> returns, String loopId, String arg, Kwarg level,
      List<String> after, TaskModel t, DagScope scope) {
    List<InputBinding> loopInputs = new ArrayList<>();
    List<Port> bodyPorts = new ArrayList<>();
    LoopItems items;
    PyValue v = level.value();
    String itemInput = arg + "-loop-item";
    if (v instanceof PyValue.ListV && IrValues.isData(v)) {
      items = new LoopItems.Literal((Value.ListValue) IrValues.value(v));
    } else {
      Binding source;
      if (v instanceof PyValue.XCom x) {
        scope.useOutput(x.task(), x.key());
        source = new Binding.TaskOutput(x.task().id(), x.key());
      } else if (v instanceof PyValue.TaskRef r) {
        scope.useOutput(r.task(), PyValue.XCom.RETURN_VALUE);
        source = new Binding.TaskOutput(r.task().id(), PyValue.XCom.RETURN_VALUE);
      } else if (v instanceof PyValue.ParamRef p) {
        source = new Binding.GraphInput(p.name());
      } else {
        if (scope.once("map-source@" + t.id() + "/" + arg)) {
          String why = v instanceof PyValue.Unknown u ? u.why() : "it is not a list or an upstream result";
          scope.report(Codes.AIRFLOW_UNRESOLVED, level.span(), "task `" + t.id() + "` is mapped over `" + TaskIo.oneLine(level.raw())
              + "`, which cannot be computed statically: " + why, "map over a literal list or an upstream task's result");
        }
        source = new Binding.Unresolved(level.raw());
      }
      loopInputs.add(new InputBinding(arg, source, level.span()));
      bodyPorts.add(new Port(arg, new IrType.ListOf(new IrType.Any()), false, false, Optional.empty(), Optional.empty(), level.span()));
      items = new LoopItems.FromInput(arg, false);
    }
    bodyPorts.add(new Port(itemInput, new IrType.Any(), false, false, Optional.empty(), Optional.empty(), level.span()));
    Node lifted = lift(body, loopInputs, bodyPorts, level.span());
    List<Graph.GraphOutput> outputs = new ArrayList<>();
    List<Port> outputPorts = new ArrayList<>();
    if (returns.isPresent()) {
      outputs.add(new Graph.GraphOutput(PyValue.XCom.RETURN_VALUE, List.of(new Graph.Source(bodyId, PyValue.XCom.RETURN_VALUE)),
          false, true, t.span()));
      outputPorts.add(new Port(PyValue.XCom.RETURN_VALUE, new IrType.ListOf(returns.get()), false, false, Optional.empty(),
          Optional.empty(), t.span()));
    }
    Graph graph = new Graph(new Interface(bodyPorts, outputPorts), List.of(lifted), outputs, t.span());
    return new Node.LoopNode(loopId, loopId.equals(t.id()) ? body.displayName() : loopId, loopInputs, after, items, itemInput,
        OptionalInt.empty(), graph, t.span());
  }

  /**
   * Moves the body node's references to the enclosing graph (upstream outputs, pipeline inputs)
   * onto the loop: each becomes a loop input the body reads as a graph input.
   */
  private static Node lift(Node body, List<InputBinding> loopInputs, List<Port> bodyPorts, Span span) {
    List<InputBinding> rebound = new ArrayList<>();
    for (InputBinding b : body.inputs()) {
      rebound.add(new InputBinding(b.input(), liftBinding(b.value(), b.input(), loopInputs, bodyPorts, b.span()), b.span()));
    }
    if (body instanceof Node.TaskNode t) {
      return new Node.TaskNode(t.id(), t.displayName(), t.component(), rebound, t.after(), t.settings(), t.condition(), t.span());
    }
    if (body instanceof Node.LoopNode l) {
      return new Node.LoopNode(l.id(), l.displayName(), rebound, l.after(), l.items(), l.itemInput(), l.parallelism(), l.body(),
          l.span());
    }
    return body;
  }

  private static Binding liftBinding(Binding b, String name, List<InputBinding> loopInputs, List<Port> bodyPorts, Span span) {
    if (b instanceof Binding.TaskOutput || b instanceof Binding.GraphInput) {
      for (InputBinding existing : loopInputs) {
        if (existing.value().equals(b)) {
          return new Binding.GraphInput(existing.input());
        }
      }
      String n = name;
      int k = 2;
      Set<String> taken = new LinkedHashSet<>();
      loopInputs.forEach(i -> taken.add(i.input()));
      bodyPorts.forEach(p -> taken.add(p.name()));
      while (taken.contains(n)) {
        n = name + "_" + k++;
      }
      loopInputs.add(new InputBinding(n, b, span));
      bodyPorts.add(new Port(n, new IrType.Any(), false, false, Optional.empty(), Optional.empty(), span));
      return new Binding.GraphInput(n);
    }
    if (b instanceof Binding.Field f) {
      return new Binding.Field(liftBinding(f.base(), name, loopInputs, bodyPorts, span), f.path(), f.raw());
    }
    return b;
  }
}
