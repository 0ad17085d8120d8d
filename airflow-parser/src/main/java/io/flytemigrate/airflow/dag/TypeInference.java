package io.flytemigrate.airflow.dag;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Port;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Types for the values a DAG passes without saying their type. An XCom arrives unchanged from the
 * task that returned it, so a parameter without an annotation receives what its upstream output
 * is declared to be, and a return value (or {@code multiple_outputs} key) without an annotation is
 * what the inputs it feeds declare. Airflow never needs these types; Flyte needs one on both ends
 * of every edge, and an emitter that guessed each end alone would guess differently.
 *
 * <p>Opaque tasks take part too: the emitter runs a placeholder for each, whose interface must
 * fit its neighbours. A port is typed only when every value that reaches it (for an input: every binding of every
 * task that runs the component; for an output: every typed input it feeds) agrees on one type.
 * Components of mapped tasks keep their outputs as written, since their loops already declare the
 * collected list. Each inferred port says where its type comes from in its description.
 */
final class TypeInference {
  private final Map<String, Component> components = new LinkedHashMap<>();
  private final Set<String> inLoops = new HashSet<>();
  private final Graph root;

  private TypeInference(List<Component> components, Graph root) {
    components.forEach(c -> this.components.put(c.id(), c));
    this.root = root;
  }

  /** The components with the ports whose type follows from the graph typed; order is kept. */
  static List<Component> infer(List<Component> components, Graph root) {
    TypeInference t = new TypeInference(components, root);
    t.markLoops(root, false);
    for (int round = 0; round < 8; round++) {
      boolean changed = t.outputsFromConsumers();
      changed |= t.inputsFromProducers();
      if (!changed) {
        break;
      }
    }
    return List.copyOf(t.components.values());
  }

  private void markLoops(Graph g, boolean inLoop) {
    for (Node n : g.nodes()) {
      if (n instanceof Node.TaskNode t && inLoop) {
        inLoops.add(t.component());
      } else if (n instanceof Node.LoopNode l) {
        markLoops(l.body(), true);
      }
    }
  }

  /** Every graph: the root and the loop bodies, depth-first. */
  private List<Graph> graphs() {
    List<Graph> out = new ArrayList<>();
    addGraphs(root, out);
    return out;
  }

  private static void addGraphs(Graph g, List<Graph> out) {
    out.add(g);
    for (Node n : g.nodes()) {
      if (n instanceof Node.LoopNode l) {
        addGraphs(l.body(), out);
      }
    }
  }

  /**
   * Untyped outputs of Python components and opaque tasks (placeholders whose real task pushes
   * the value) take the type of the typed inputs they feed: a value a task is mapped over is a
   * list, a value a {@code dict} parameter receives is a JSON object.
   */
  private boolean outputsFromConsumers() {
    Map<String, Map<String, Set<IrType>>> seen = new LinkedHashMap<>();
    Map<String, Map<String, String>> from = new LinkedHashMap<>();
    for (Graph g : graphs()) {
      for (Node consumer : g.nodes()) {
        for (InputBinding b : consumer.inputs()) {
          if (!(b.value() instanceof Binding.TaskOutput out)) {
            continue;
          }
          Optional<Node> producer = g.node(out.task());
          if (producer.isEmpty() || !(producer.get() instanceof Node.TaskNode p) || inLoops.contains(p.component())) {
            continue;
          }
          Component c = components.get(p.component());
          if (!(c instanceof Component.PythonComponent || c instanceof Component.OpaqueComponent)
              || !untyped(c.iface().output(out.output()))) {
            continue;
          }
          Optional<IrType> wanted = inputType(consumer, b.input()).filter(TypeInference::known);
          if (wanted.isPresent()) {
            seen.computeIfAbsent(c.id(), k -> new LinkedHashMap<>()).computeIfAbsent(out.output(), k -> new LinkedHashSet<>())
                .add(wanted.get());
            from.computeIfAbsent(c.id(), k -> new LinkedHashMap<>()).putIfAbsent(out.output(),
                "`" + b.input() + "` of `" + consumer.id() + "`");
          }
        }
      }
    }
    boolean changed = false;
    for (Map.Entry<String, Map<String, Set<IrType>>> e : seen.entrySet()) {
      Component c = components.get(e.getKey());
      List<Port> outputs = new ArrayList<>();
      for (Port p : c.iface().outputs()) {
        Set<IrType> types = e.getValue().get(p.name());
        if (types != null && types.size() == 1 && untyped(Optional.of(p))) {
          outputs.add(retyped(p, types.iterator().next(), "type inferred from "
              + from.get(c.id()).get(p.name()) + ", which it feeds"));
          changed = true;
        } else {
          outputs.add(p);
        }
      }
      components.put(c.id(), withIface(c, new Interface(c.iface().inputs(), outputs)));
    }
    return changed;
  }

  /** Untyped inputs of Python, container and opaque components take the type of the outputs bound to them. */
  private boolean inputsFromProducers() {
    Map<String, Map<String, Set<IrType>>> seen = new LinkedHashMap<>();
    Map<String, Set<String>> blocked = new LinkedHashMap<>();
    Map<String, Map<String, String>> from = new LinkedHashMap<>();
    for (Graph g : graphs()) {
      for (Node n : g.nodes()) {
        if (!(n instanceof Node.TaskNode t)) {
          continue;
        }
        Component c = components.get(t.component());
        if (!(c instanceof Component.PythonComponent || c instanceof Component.ContainerComponent
            || c instanceof Component.OpaqueComponent)) {
          continue;
        }
        for (InputBinding b : t.inputs()) {
          if (!untyped(c.iface().input(b.input()))) {
            continue;
          }
          Optional<IrType> type = b.value() instanceof Binding.TaskOutput out
              ? g.node(out.task()).flatMap(p -> outputType(p, out.output())).filter(TypeInference::known)
              : Optional.empty();
          if (type.isEmpty()) {
            blocked.computeIfAbsent(c.id(), k -> new HashSet<>()).add(b.input());
            continue;
          }
          Binding.TaskOutput out = (Binding.TaskOutput) b.value();
          seen.computeIfAbsent(c.id(), k -> new LinkedHashMap<>()).computeIfAbsent(b.input(), k -> new LinkedHashSet<>())
              .add(type.get());
          from.computeIfAbsent(c.id(), k -> new LinkedHashMap<>()).putIfAbsent(b.input(),
              "`" + out.output() + "` of `" + out.task() + "`, which is bound to it");
        }
      }
    }
    boolean changed = false;
    for (Map.Entry<String, Map<String, Set<IrType>>> e : seen.entrySet()) {
      Component c = components.get(e.getKey());
      Set<String> no = blocked.getOrDefault(c.id(), Set.of());
      List<Port> inputs = new ArrayList<>();
      for (Port p : c.iface().inputs()) {
        Set<IrType> types = e.getValue().get(p.name());
        if (types != null && types.size() == 1 && !no.contains(p.name()) && untyped(Optional.of(p))) {
          inputs.add(retyped(p, types.iterator().next(), "type inferred from " + from.get(c.id()).get(p.name())));
          changed = true;
        } else {
          inputs.add(p);
        }
      }
      components.put(c.id(), withIface(c, new Interface(inputs, c.iface().outputs())));
    }
    return changed;
  }

  /** The declared type of input {@code name} of {@code n}: its component's, or its loop body's. */
  private Optional<IrType> inputType(Node n, String name) {
    if (n instanceof Node.TaskNode t) {
      return Optional.ofNullable(components.get(t.component())).flatMap(c -> c.iface().input(name)).map(Port::type);
    }
    if (n instanceof Node.LoopNode l) {
      return l.body().iface().input(name).map(Port::type);
    }
    return Optional.empty();
  }

  /** The declared type of output {@code name} of {@code n}: its component's, or its loop body's. */
  private Optional<IrType> outputType(Node n, String name) {
    if (n instanceof Node.TaskNode t) {
      return Optional.ofNullable(components.get(t.component())).flatMap(c -> c.iface().output(name)).map(Port::type);
    }
    if (n instanceof Node.LoopNode l) {
      return l.body().iface().output(name).map(Port::type);
    }
    return Optional.empty();
  }

  private static boolean untyped(Optional<Port> p) {
    return p.isPresent() && p.get().type() instanceof IrType.Any && !p.get().artifact();
  }

  private static boolean known(IrType t) {
    return !(t instanceof IrType.Any) && !(t instanceof IrType.Unknown);
  }

  private static Port retyped(Port p, IrType type, String why) {
    return new Port(p.name(), type, p.artifact(), p.optional(), p.defaultValue(),
        Optional.of(p.description().map(d -> d + "; ").orElse("") + why), p.span());
  }

  private static Component withIface(Component c, Interface iface) {
    if (c instanceof Component.PythonComponent p) {
      return new Component.PythonComponent(p.id(), iface, p.description(), p.functionName(), p.source(), p.sourceSpan(),
          p.packages(), p.runtimePackages(), p.pipIndexUrls(), p.baseImage(), p.container(), p.span());
    }
    if (c instanceof Component.ContainerComponent cc) {
      return new Component.ContainerComponent(cc.id(), iface, cc.description(), cc.container(), cc.span());
    }
    if (c instanceof Component.OpaqueComponent o) {
      return new Component.OpaqueComponent(o.id(), iface, o.kind(), o.rawText(), o.span());
    }
    return c;
  }
}
