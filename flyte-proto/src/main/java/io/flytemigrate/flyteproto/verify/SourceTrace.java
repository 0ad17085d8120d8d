package io.flytemigrate.flyteproto.verify;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a binding of the source pipeline back to what produces it: graph inputs through the
 * bindings of the node that owns the graph, loop items through the loop's list, and outputs of
 * control-flow nodes and nested pipelines to the tasks inside that produce them (the control node
 * itself counts too, since the package may show only it).
 */
final class SourceTrace {
  private final SourceIndex index;
  /** A guard against runaway recursion only, {@link SourceIndex#traceLimit}: no trace of the source comes near it. */
  private final int maxDepth;

  SourceTrace(Pipeline pipeline) {
    this.index = new SourceIndex(pipeline);
    this.maxDepth = index.traceLimit();
  }

  /** The lookups by id this trace uses, for the other checks of the same source. */
  SourceIndex index() {
    return index;
  }

  Set<SourceProducer> of(SourceScope scope, Binding b) {
    Set<SourceProducer> out = new LinkedHashSet<>();
    collect(scope, b, out, 0);
    return out;
  }

  private void collect(SourceScope scope, Binding b, Set<SourceProducer> out, int depth) {
    if (depth > maxDepth) {
      return;
    }
    if (b instanceof Binding.Constant c) {
      out.add(new SourceProducer.Constant(c.value()));
    } else if (b instanceof Binding.GraphInput g) {
      graphInput(scope, g.input(), out, depth);
    } else if (b instanceof Binding.TaskOutput t) {
      index.node(scope.graph, t.task()).ifPresentOrElse(n -> output(scope, n, t.output(), out, depth),
          () -> out.add(new SourceProducer.Opaque("output of unknown task `" + t.task() + "`")));
    } else if (b instanceof Binding.LoopItem li) {
      Optional<SourceScope> body = scope.loopScope(li.loop());
      if (body.isEmpty()) {
        out.add(new SourceProducer.Opaque("item of unknown loop `" + li.loop() + "`"));
        return;
      }
      Node.LoopNode loop = (Node.LoopNode) body.get().owner.orElseThrow();
      SourceScope outer = body.get().parent.orElseThrow();
      if (loop.items() instanceof LoopItems.Literal lit) {
        out.add(new SourceProducer.Constant(lit.items()));
      } else {
        String input = ((LoopItems.FromInput) loop.items()).input();
        for (InputBinding ib : loop.inputs()) {
          if (ib.input().equals(input)) {
            collect(outer, ib.value(), out, depth + 1);
          }
        }
      }
    } else if (b instanceof Binding.Field f) {
      collect(scope, f.base(), out, depth + 1);
    } else if (b instanceof Binding.TaskFinalStatus fs) {
      out.add(new SourceProducer.Opaque("final status of `" + fs.task() + "`"));
    } else if (b instanceof Binding.Template) {
      out.add(new SourceProducer.Opaque("template string"));
    } else if (b instanceof Binding.Unresolved u) {
      out.add(new SourceProducer.Opaque("unresolved `" + u.raw() + "`"));
    }
  }

  private void graphInput(SourceScope scope, String input, Set<SourceProducer> out, int depth) {
    if (scope.owner.isEmpty()) {
      out.add(new SourceProducer.Parameter(input));
      return;
    }
    Node owner = scope.owner.get();
    SourceScope outer = scope.parent.orElseThrow();
    boolean found = false;
    for (InputBinding ib : owner.inputs()) {
      if (ib.input().equals(input)) {
        found = true;
        collect(outer, ib.value(), out, depth + 1);
      }
    }
    if (!found) {
      scope.graph.iface().input(input).flatMap(p -> p.defaultValue())
          .ifPresentOrElse(v -> out.add(new SourceProducer.Constant(v)),
              () -> out.add(new SourceProducer.Opaque("unfed input `" + input + "`")));
    }
  }

  /** Output {@code output} of node {@code n} of {@code scope}'s graph. */
  private void output(SourceScope scope, Node n, String output, Set<SourceProducer> out, int depth) {
    if (n instanceof Node.TaskNode t) {
      Optional<Component> c = index.component(t.component());
      if (c.isPresent() && c.get() instanceof Component.ImporterComponent ic) {
        Optional<String> uri = ic.uri() instanceof Binding.Constant k && k.value() instanceof Value.Str s
            ? Optional.of(s.value()) : Optional.empty();
        out.add(new SourceProducer.Imported(scope.keyOf(n), t.id(), uri));
        return;
      }
      out.add(new SourceProducer.NodeOutput(scope.keyOf(n), output));
      if (c.isPresent() && c.get() instanceof Component.PipelineComponent pc) {
        inner(scope.inner(n, pc.graph()), output, out, depth);
      }
      return;
    }
    out.add(new SourceProducer.NodeOutput(scope.keyOf(n), output));
    Graph body = body(n);
    if (body != null) {
      inner(scope.inner(n, body), output, out, depth);
    }
  }

  private void inner(SourceScope inner, String output, Set<SourceProducer> out, int depth) {
    if (depth > maxDepth) {
      return;
    }
    for (Graph.GraphOutput o : inner.graph.outputs()) {
      if (o.name().equals(output)) {
        for (Graph.Source s : o.sources()) {
          index.node(inner.graph, s.task()).ifPresent(x -> output(inner, x, s.output(), out, depth + 1));
        }
      }
    }
  }

  static Graph body(Node n) {
    if (n instanceof Node.ConditionNode c) {
      return c.body();
    }
    if (n instanceof Node.BranchesNode b) {
      return b.body();
    }
    if (n instanceof Node.LoopNode l) {
      return l.body();
    }
    if (n instanceof Node.ExitHandlerNode e) {
      return e.body();
    }
    return null;
  }
}
