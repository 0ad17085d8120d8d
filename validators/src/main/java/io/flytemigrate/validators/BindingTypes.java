package io.flytemigrate.validators;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The type of the value a binding delivers, worked out from where it comes from. An empty
 * result means the type cannot be known (a dangling reference, an unresolved binding); {@link
 * IrType.Any} means the source says nothing about it.
 *
 * <p>Declared types are trusted where users declare them: component interfaces, the pipeline's
 * parameters and outputs, nested pipelines. The interfaces of control-flow bodies are plumbing
 * the source system generates (KFP declares every loop item {@code STRING} and a condition's
 * output inside a loop {@code LIST}), so values flow through them instead: a body input has the
 * type of what its node binds to it, a loop item the element type of the loop's list, and a
 * body output the type of its sources, as a list when a loop collects it (or when the body
 * declares a list: KFP's {@code dsl.Collected} also collects the outputs of conditions).
 */
public final class BindingTypes {
  /** The components by id, the first of each id, as {@link Pipeline#component} finds them. */
  private final Map<String, Component> components = new HashMap<>();

  private final Ports ports = new Ports();

  public BindingTypes(Pipeline pipeline) {
    for (Component c : pipeline.components()) {
      components.putIfAbsent(c.id(), c);
    }
  }

  /** The input of {@code iface} with this name, the first if there are several: {@link Interface#input}, indexed. */
  public Optional<Port> declaredInput(Interface iface, String name) {
    return ports.input(iface, name);
  }

  /** The output of {@code iface} with this name, the first if there are several: {@link Interface#output}, indexed. */
  public Optional<Port> declaredOutput(Interface iface, String name) {
    return ports.output(iface, name);
  }

  /** The component a task runs, the first with that id if there are several. */
  public Optional<Component> component(String id) {
    return Optional.ofNullable(components.get(id));
  }

  /**
   * The interface a node declares: its component's for a task, its body's for the others. Empty
   * for a task whose component does not exist.
   */
  public Optional<Interface> iface(Node node) {
    if (node instanceof Node.TaskNode t) {
      return component(t.component()).map(Component::iface);
    }
    return Optional.of(body(node).iface());
  }

  /** The body graph of a control-flow node. */
  static Graph body(Node node) {
    if (node instanceof Node.ConditionNode c) {
      return c.body();
    }
    if (node instanceof Node.BranchesNode b) {
      return b.body();
    }
    if (node instanceof Node.LoopNode l) {
      return l.body();
    }
    if (node instanceof Node.ExitHandlerNode e) {
      return e.body();
    }
    throw new IllegalArgumentException("a task has no body: " + node.id());
  }

  /** The type {@code binding}, written in a node of {@code scope}, delivers. */
  public Optional<IrType> of(Binding binding, Scope scope) {
    return of(binding, scope, 0);
  }

  private Optional<IrType> of(Binding binding, Scope scope, int depth) {
    if (depth > 64) {
      return Optional.empty(); // a malformed, self-referring structure: give up quietly
    }
    if (binding instanceof Binding.Constant c) {
      return TypeCompatibility.typeOf(c.value());
    }
    if (binding instanceof Binding.GraphInput g) {
      return input(scope, g.input(), depth + 1);
    }
    if (binding instanceof Binding.TaskOutput o) {
      return scope.node(o.task()).flatMap(n -> output(scope, n, o.output(), depth + 1));
    }
    if (binding instanceof Binding.LoopItem l) {
      return scope.enclosingLoop(l.loop()).flatMap(body -> loopItem(body, depth + 1));
    }
    if (binding instanceof Binding.Field) {
      return Optional.of(new IrType.Any());
    }
    if (binding instanceof Binding.TaskFinalStatus) {
      return Optional.of(new IrType.TaskStatus());
    }
    if (binding instanceof Binding.Template) {
      return Optional.of(IrType.primitive(IrType.Scalar.STRING));
    }
    return Optional.empty(); // Unresolved
  }

  /** The type of input {@code name} of {@code scope}'s graph, as values in the graph see it. */
  public Optional<IrType> input(Scope scope, String name) {
    return input(scope, name, 0);
  }

  private Optional<IrType> input(Scope scope, String name, int depth) {
    Optional<Port> declared = declaredInput(scope.graph().iface(), name);
    if (!scope.kind().isBody()) {
      return declared.map(Port::type);
    }
    Node owner = scope.owner().orElseThrow();
    if (owner instanceof Node.LoopNode loop && loop.itemInput().equals(name)) {
      return loopItem(scope, depth + 1);
    }
    Optional<InputBinding> bound = scope.ownerBinding(name);
    if (bound.isPresent()) {
      return of(bound.get().value(), scope.parent().orElseThrow(), depth + 1);
    }
    return declared.map(Port::type);
  }

  /** The type of one item of the loop whose body is {@code loopBody}. */
  public Optional<IrType> loopItem(Scope loopBody) {
    return loopItem(loopBody, 0);
  }

  private Optional<IrType> loopItem(Scope loopBody, int depth) {
    Node.LoopNode loop = (Node.LoopNode) loopBody.owner().orElseThrow();
    if (loop.items() instanceof LoopItems.Literal lit) {
      List<Optional<IrType>> types = lit.items().items().stream().map(TypeCompatibility::typeOf).toList();
      return Optional.of(TypeCompatibility.common(types).orElse(new IrType.Any()));
    }
    LoopItems.FromInput from = (LoopItems.FromInput) loop.items();
    Optional<IrType> list = items(loop, from, loopBody.parent().orElseThrow(), depth + 1);
    return list.map(t -> t instanceof IrType.ListOf l ? l.element() : new IrType.Any());
  }

  /** The type of the list a loop iterates over, in the scope that holds the loop node. */
  public Optional<IrType> items(Node.LoopNode loop, LoopItems.FromInput from, Scope holder) {
    return items(loop, from, holder, 0);
  }

  private Optional<IrType> items(Node.LoopNode loop, LoopItems.FromInput from, Scope holder, int depth) {
    Optional<InputBinding> bound = Scope.binding(loop, from.input());
    if (bound.isPresent()) {
      return of(bound.get().value(), holder, depth + 1);
    }
    return declaredInput(loop.body().iface(), from.input()).map(Port::type);
  }

  /** The type of output {@code name} of {@code producer}, a node of {@code scope}. */
  public Optional<IrType> output(Scope scope, Node producer, String name) {
    return output(scope, producer, name, 0);
  }

  private Optional<IrType> output(Scope scope, Node producer, String name, int depth) {
    return typedOutput(scope, producer, name, depth).map(Typed::type);
  }

  /**
   * A type, and whether the value is already a collection of values from several runs (made by
   * a loop, or declared a list by a body over single values, as KFP's {@code dsl.Collected} does
   * for conditions), which a loop around it does not wrap again: KFP collects into one flat list.
   */
  private record Typed(IrType type, boolean collected) {}

  private Optional<Typed> typedOutput(Scope scope, Node producer, String name, int depth) {
    Optional<Port> declared = iface(producer).flatMap(i -> declaredOutput(i, name));
    if (producer instanceof Node.TaskNode) {
      return declared.map(p -> new Typed(p.type(), false));
    }
    Scope body = scope.body(producer).orElseThrow();
    Optional<Graph.GraphOutput> out = body.output(name);
    if (out.isEmpty() || out.get().sources().isEmpty() || depth > 64) {
      return declared.map(p -> new Typed(p.type(), out.isPresent() && out.get().collected()));
    }
    List<Optional<IrType>> types = new ArrayList<>();
    boolean allCollected = true;
    for (Graph.Source s : out.get().sources()) {
      Optional<Typed> t = body.node(s.task()).flatMap(n -> typedOutput(body, n, s.output(), depth + 1));
      allCollected &= t.isPresent() && t.get().collected();
      types.add(t.map(Typed::type));
    }
    Optional<IrType> common = TypeCompatibility.common(types);
    if (common.isEmpty()) {
      return Optional.of(new Typed(declared.map(Port::type).orElse(new IrType.Any()), out.get().collected()));
    }
    if (out.get().collected()) {
      return Optional.of(new Typed(allCollected ? common.get() : new IrType.ListOf(common.get()), true));
    }
    if (declared.isPresent() && declared.get().type() instanceof IrType.ListOf && !(common.get() instanceof IrType.ListOf)) {
      return Optional.of(new Typed(declared.get().type(), true));
    }
    return Optional.of(new Typed(common.get(), allCollected));
  }
}
