package io.flytemigrate.flyte.lower;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Small IR pieces for lowering tests: ports, components, nodes and pipelines in one line each. */
final class IrFixtures {
  private IrFixtures() {}

  static final Span S = Span.at("p.yaml", 1, 1);
  static final IrType STR = IrType.primitive(IrType.Scalar.STRING);
  static final IrType INT = IrType.primitive(IrType.Scalar.INT);
  static final IrType DATETIME = IrType.primitive(IrType.Scalar.DATETIME);
  static final IrType ANY = new IrType.Any();
  static final IrType LIST = new IrType.ListOf(new IrType.Any());

  static Port port(String name, IrType t) {
    return new Port(name, t, false, false, Optional.empty(), Optional.empty(), S);
  }

  static Port parameter(String name, IrType t, Value defaultValue) {
    return new Port(name, t, false, true, Optional.of(defaultValue), Optional.empty(), S);
  }

  static Port artifact(String name, IrType t) {
    return new Port(name, t, true, false, Optional.empty(), Optional.empty(), S);
  }

  static IrType model() {
    return new IrType.Artifact("system.Model", Optional.empty(), IrType.ArtifactKind.MODEL, IrType.Shape.UNSPECIFIED);
  }

  static Interface iface(List<Port> inputs, List<Port> outputs) {
    return new Interface(inputs, outputs);
  }

  static Component python(String id, String function, Interface iface) {
    StringBuilder params = new StringBuilder();
    for (Port p : iface.inputs()) {
      params.append(params.length() == 0 ? "" : ", ").append(p.name());
    }
    String source = "def " + function + "(" + params + "):\n    return None\n";
    ContainerSpec c = new ContainerSpec("python:3.11", List.of(), List.of(), List.of(), Resources.NONE,
        KubernetesSettings.NONE, S);
    return new Component.PythonComponent(id, iface, Optional.empty(), function, Optional.of(source), S, List.of(),
        List.of(), List.of(), "python:3.11", c, S);
  }

  static Component container(String id, Interface iface, List<Arg> args) {
    return new Component.ContainerComponent(id, iface, Optional.empty(), new ContainerSpec("bash:5.2",
        List.of(new Arg.Literal("bash"), new Arg.Literal("-c")), args, List.of(), Resources.NONE, KubernetesSettings.NONE,
        S), S);
  }

  static InputBinding bind(String input, Binding b) {
    return new InputBinding(input, b, S);
  }

  static Node.TaskNode task(String id, String component, InputBinding... inputs) {
    return new Node.TaskNode(id, id, component, List.of(inputs), List.of(), TaskSettings.DEFAULT, Optional.empty(), S);
  }

  static Node.LoopNode loop(String id, List<InputBinding> inputs, LoopItems items, String itemInput, Graph body) {
    return new Node.LoopNode(id, id, inputs, List.of(), items, itemInput, OptionalInt.empty(), body, S);
  }

  static Graph graph(Interface iface, List<Node> nodes, List<Graph.GraphOutput> outputs) {
    return new Graph(iface, nodes, outputs, S);
  }

  static Graph.GraphOutput collected(String name, String task, String output) {
    return new Graph.GraphOutput(name, List.of(new Graph.Source(task, output)), false, true, S);
  }

  static Graph.GraphOutput output(String name, String task, String output) {
    return new Graph.GraphOutput(name, List.of(new Graph.Source(task, output)), false, false, S);
  }

  static Pipeline pipeline(String name, List<Component> components, Graph root, Pipeline.PipelineSettings settings) {
    return new Pipeline(name, Optional.empty(), Optional.empty(), new Pipeline.SourceInfo("p.yaml", "kfp-v2",
        Optional.empty(), Optional.empty()), components, root, settings, S);
  }

  static Pipeline pipeline(String name, List<Component> components, Graph root) {
    return pipeline(name, components, root, Pipeline.PipelineSettings.NONE);
  }

  static Value.ListValue list(Value... items) {
    return new Value.ListValue(List.of(items));
  }

  static Value.MapValue map(String key, Value value) {
    return new Value.MapValue(List.of(new Value.Entry(key, value)));
  }
}
