package io.flytemigrate.flyteproto.verify;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the source pipeline and the package side by side, graph by graph, and finds the package
 * node of every source node: a task is a node whose metadata name is the task's name (in a
 * branch case or as an array node's sub-node where the translation puts it there), a nested
 * pipeline a sub-workflow node, a condition or if/elif/else a branch node whose cases hold the
 * bodies, a loop a map task or a dynamic task whose body is a workflow of the package, an exit
 * handler a sub-workflow whose failure node runs the exit task. What is missing is reported,
 * unless the parity report says it was dropped. Checks that need the whole correspondence
 * (conditions, loop items) run after the walk.
 */
final class Matcher {
  final Pipeline pipeline;
  final PackageGraph pkg;
  final FlyteScopes scopes;
  final FlyteTrace flyteTrace;
  final SourceTrace sourceTrace;
  final ParityView parity;
  final DiagnosticSink sink;
  final String rootName;
  final Correspondence corr = new Correspondence();
  /** Checks that need the whole correspondence, run after the walk. */
  final List<Runnable> deferred = new ArrayList<>();
  /** The workflows that may be loop bodies, each matched to one loop at most. */
  final LoopBodies loopBodies;
  private final BranchMatching branches = new BranchMatching(this);
  private final LoopMatching loops = new LoopMatching(this);
  private final ExitHandlerMatching exitHandlers = new ExitHandlerMatching(this);

  Matcher(Pipeline pipeline, PackageGraph graph, FlyteScopes scopes, ParityView parity, DiagnosticSink sink, String rootName) {
    this.pipeline = pipeline;
    this.pkg = graph;
    this.scopes = scopes;
    this.sourceTrace = new SourceTrace(pipeline);
    this.flyteTrace = new FlyteTrace(scopes, sourceTrace.index().traceLimit());
    this.parity = parity;
    this.sink = sink;
    this.rootName = rootName;
    this.loopBodies = new LoopBodies(graph, rootName);
  }

  Correspondence run(FlyteScope root) {
    graph(SourceScope.root(pipeline.root()), root);
    for (Runnable r : deferred) {
      r.run();
    }
    return corr;
  }

  /** Matches the nodes of source graph {@code s} in package scope {@code f}, recursively. */
  void graph(SourceScope s, FlyteScope f) {
    for (Node x : s.graph.nodes()) {
      if (parity.dropped(x.id(), x.span(), kinds(x))) {
        corr.dropped(s, x);
        continue;
      }
      if (x instanceof Node.TaskNode t) {
        task(s, f, t);
      } else if (x instanceof Node.ConditionNode c) {
        branches.condition(s, f, c);
      } else if (x instanceof Node.BranchesNode b) {
        branches.branches(s, f, b);
      } else if (x instanceof Node.LoopNode l) {
        loops.loop(s, f, l);
      } else if (x instanceof Node.ExitHandlerNode e) {
        exitHandlers.exitHandler(s, f, e);
      }
    }
  }

  private static String[] kinds(Node x) {
    if (x instanceof Node.TaskNode) {
      return new String[] {"task"};
    }
    if (x instanceof Node.LoopNode) {
      return new String[] {"loop"};
    }
    if (x instanceof Node.ExitHandlerNode) {
      return new String[] {"exit-handler"};
    }
    return new String[] {"condition"};
  }

  static Set<String> names(Node x) {
    return new LinkedHashSet<>(List.of(x.id(), x.displayName()));
  }

  /**
   * The nodes of {@code f} named after {@code x}: by its id, else by its display name (which
   * several tasks may share), else by its id spelled another way.
   */
  static List<FlyteNode> named(FlyteScope f, Node x) {
    List<FlyteNode> out = f.named(x.id());
    if (out.isEmpty()) {
      out = f.named(x.displayName());
    }
    if (out.isEmpty()) {
      out = f.namedLike(x.id());
    }
    return new ArrayList<>(out);
  }

  static String where(FlyteScope f) {
    if (f.kind == FlyteScope.Kind.INLINE && f.owner.isPresent()) {
      FlyteNode o = f.owner.get();
      return (o.isArray() ? "array node `" : "a case of branch node `") + o.name() + "`";
    }
    return "workflow `" + f.workflow.getId().getName() + "`";
  }

  // Tasks (conditions, loops and exit handlers have classes of their own).

  private void task(SourceScope s, FlyteScope f, Node.TaskNode t) {
    Optional<Component> comp = sourceTrace.index().component(t.component());
    if (comp.isPresent() && comp.get() instanceof Component.ImporterComponent) {
      corr.imported(s, t);
      return;
    }
    Set<String> names = names(t);
    List<FlyteNode> found = new ArrayList<>();
    for (FlyteNode n : named(f, t)) {
      if (n.isBranch()) {
        for (FlyteScope c : scopes.cases(n)) {
          FlyteNode inner = c.nodes.get(0);
          if (names.contains(inner.name()) && !inner.isBranch()) {
            found.add(inner);
          }
        }
      } else if (n.isArray()) {
        scopes.arraySubNode(n).map(sub -> sub.nodes.get(0)).ifPresent(found::add);
      } else if (n.isTaskCall() || n.isSubWorkflowCall() || n.isLaunchPlanCall()) {
        found.add(n);
      }
    }
    if (found.isEmpty()) {
      sink.report(Codes.VERIFY_MISSING_TASK, t.span(), "task `" + t.id() + "` is not in the package: " + where(f)
              + " has no node named `" + t.id() + "`",
          "every source task must become a node whose metadata name is the task's name, or be reported as dropped");
      return;
    }
    for (FlyteNode n : found) {
      corr.add(s, t, n);
    }
    if (comp.isPresent() && comp.get() instanceof Component.PipelineComponent pc
        && !(pc.graph().nodes().isEmpty() && pc.iface().outputs().isEmpty())) {
      // (A nested pipeline with no nodes and no outputs does nothing; any node stands for it.)
      Optional<FlyteNode> call = found.stream().filter(n -> n.isSubWorkflowCall() || n.isLaunchPlanCall()).findFirst();
      if (call.isEmpty()) {
        sink.report(Codes.VERIFY_MISSING_TASK, t.span(), "task `" + t.id() + "` runs nested pipeline `" + pc.id()
            + "`, but its node `" + found.get(0).id() + "` calls no workflow", "a nested pipeline becomes a sub-workflow node");
        return;
      }
      scopes.called(call.get()).ifPresent(cs -> graph(s.inner(t, pc.graph()), cs));
    }
  }

  FlyteTrace flyteTrace() {
    return flyteTrace;
  }

  SourceTrace sourceTrace() {
    return sourceTrace;
  }

  static boolean isOpaque(Binding b) {
    return b instanceof Binding.TaskFinalStatus || b instanceof Binding.Template || b instanceof Binding.Unresolved;
  }
}
