package io.flytemigrate.validators;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * Builds IR records directly, for pipelines no KFP spec can express (two nodes with one id in a
 * graph, an input set twice) and for readers other than KFP. Every element gets the span of the
 * line number it is given, in a file {@code t.ir}, so tests can check where findings point.
 */
final class Ir {
  static final IrType INT = IrType.primitive(IrType.Scalar.INT);
  static final IrType FLOAT = IrType.primitive(IrType.Scalar.FLOAT);
  static final IrType STR = IrType.primitive(IrType.Scalar.STRING);
  static final IrType BOOL = IrType.primitive(IrType.Scalar.BOOL);

  private Ir() {}

  static Span at(int line) {
    return new Span("t.ir", line, 1, line, 2);
  }

  static IrType list(IrType element) {
    return new IrType.ListOf(element);
  }

  static IrType artifact(IrType.ArtifactKind kind) {
    String title = switch (kind) {
      case ARTIFACT -> "system.Artifact";
      case DATASET -> "system.Dataset";
      case MODEL -> "system.Model";
      case METRICS -> "system.Metrics";
      default -> "system." + kind.name();
    };
    return new IrType.Artifact(title, Optional.of("0.0.1"), kind, IrType.Shape.UNSPECIFIED);
  }

  static Port port(String name, IrType type, int line) {
    return new Port(name, type, type instanceof IrType.Artifact, false, Optional.empty(), Optional.empty(), at(line));
  }

  static Port optional(String name, IrType type, Value defaultValue, int line) {
    return new Port(name, type, false, true, Optional.of(defaultValue), Optional.empty(), at(line));
  }

  static Interface iface(List<Port> inputs, List<Port> outputs) {
    return new Interface(inputs, outputs);
  }

  static Component.ContainerComponent container(String id, List<Port> inputs, List<Port> outputs, int line) {
    ContainerSpec spec = new ContainerSpec("alpine", List.of(), List.of(), List.of(), Resources.NONE, KubernetesSettings.NONE, at(line));
    return new Component.ContainerComponent(id, new Interface(inputs, outputs), Optional.empty(), spec, at(line));
  }

  static InputBinding bind(String input, Binding value, int line) {
    return new InputBinding(input, value, at(line));
  }

  static Binding output(String task, String output) {
    return new Binding.TaskOutput(task, output);
  }

  static Binding input(String name) {
    return new Binding.GraphInput(name);
  }

  static Binding constant(Value v) {
    return new Binding.Constant(v);
  }

  static Node.TaskNode task(String id, String component, int line, List<InputBinding> inputs, List<String> after) {
    return new Node.TaskNode(id, id, component, inputs, after, TaskSettings.DEFAULT, Optional.empty(), at(line));
  }

  static Node.TaskNode task(String id, String component, int line, InputBinding... inputs) {
    return task(id, component, line, List.of(inputs), List.of());
  }

  static Graph graph(Interface iface, List<Node> nodes, List<Graph.GraphOutput> outputs) {
    return new Graph(iface, nodes, outputs, at(1));
  }

  static Graph graph(Node... nodes) {
    return graph(Interface.EMPTY, List.of(nodes), List.of());
  }

  static Pipeline pipeline(List<Component> components, Graph root) {
    return new Pipeline("p", Optional.empty(), Optional.empty(),
        new Pipeline.SourceInfo("t.ir", "test", Optional.empty(), Optional.empty()), components, root,
        Pipeline.PipelineSettings.NONE, at(1));
  }
}
