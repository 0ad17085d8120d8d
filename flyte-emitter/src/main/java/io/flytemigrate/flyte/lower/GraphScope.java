package io.flytemigrate.flyte.lower;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Port;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One IR graph being lowered and how its inputs are fed: by the control-flow node that contains
 * it (condition, loop, exit handler), or, for the root and nested pipelines, by their own
 * parameters. Used to find settings' values that are fixed at translation time.
 */
final class GraphScope {
  final Graph graph;
  final Optional<GraphScope> parent;
  private final Map<String, Binding> fed = new LinkedHashMap<>();

  private GraphScope(Graph graph, Optional<GraphScope> parent, List<InputBinding> inputs) {
    this.graph = graph;
    this.parent = parent;
    for (InputBinding b : inputs) {
      fed.putIfAbsent(b.input(), b.value());
    }
  }

  /** The root graph or a nested pipeline's graph: inputs are its own parameters. */
  static GraphScope top(Graph graph) {
    return new GraphScope(graph, Optional.empty(), List.of());
  }

  /** The body of a control-flow node whose input bindings feed the body's inputs. */
  GraphScope body(Graph body, List<InputBinding> controlInputs) {
    return new GraphScope(body, Optional.of(this), controlInputs);
  }

  /** What a value is when it is known before the pipeline runs. */
  sealed interface Fixed {
    /** A constant written in the pipeline. */
    record Constant(io.flytemigrate.ir.Value value) implements Fixed {}

    /** The default of a pipeline parameter, which a run may override. */
    record ParameterDefault(io.flytemigrate.ir.Value value, String parameter) implements Fixed {}

    /** Known only at run time. */
    record Dynamic(String why) implements Fixed {}
  }

  /** The value of a binding evaluated in this graph, as far as it is known statically. */
  Fixed resolve(Binding b) {
    if (b instanceof Binding.Constant c) {
      return new Fixed.Constant(c.value());
    }
    if (b instanceof Binding.GraphInput g) {
      Binding feed = fed.get(g.input());
      if (feed != null && parent.isPresent()) {
        return parent.get().resolve(feed);
      }
      Optional<Port> port = graph.iface().input(g.input());
      if (port.isPresent() && port.get().defaultValue().isPresent()) {
        return new Fixed.ParameterDefault(port.get().defaultValue().get(), g.input());
      }
      return new Fixed.Dynamic("parameter `" + g.input() + "` has no default");
    }
    if (b instanceof Binding.TaskOutput t) {
      return new Fixed.Dynamic("it is the output `" + t.output() + "` of task `" + t.task() + "`");
    }
    if (b instanceof Binding.LoopItem) {
      return new Fixed.Dynamic("it is a loop item");
    }
    return new Fixed.Dynamic("it is computed at run time");
  }

  /** The value of a node's own input (a placeholder in its settings refers to it). */
  Fixed resolveNodeInput(List<InputBinding> nodeInputs, String input) {
    for (InputBinding ib : nodeInputs) {
      if (ib.input().equals(input)) {
        if (ib.value() instanceof Binding.Template t && t.parts().size() == 1
            && t.parts().get(0) instanceof io.flytemigrate.ir.Arg.InputRef r) {
          return resolveNodeInput(nodeInputs, r.input());
        }
        if (ib.value() instanceof Binding.Template t && t.parts().size() == 1
            && t.parts().get(0) instanceof io.flytemigrate.ir.Arg.Literal l) {
          return new Fixed.Constant(io.flytemigrate.ir.Value.str(l.text()));
        }
        return resolve(ib.value());
      }
    }
    return new Fixed.Dynamic("input `" + input + "` is not set");
  }
}
