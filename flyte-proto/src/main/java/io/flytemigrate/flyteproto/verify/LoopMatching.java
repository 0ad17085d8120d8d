package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Tasks;
import flyteidl.core.Workflow;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.diag.Codes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The loops of the source in the package, for {@link Matcher}: a node named after the loop that
 * is a map task (the body's one task as the array node's sub-node) or a call of a dynamic task
 * whose body is a workflow of the package; the node must be fed the list the loop iterates over,
 * and a map task must keep the loop's parallelism.
 */
final class LoopMatching {
  private final Matcher m;

  LoopMatching(Matcher m) {
    this.m = m;
  }

  void loop(SourceScope s, FlyteScope f, Node.LoopNode l) {
    List<FlyteNode> found = Matcher.named(f, l);
    found.removeIf(FlyteNode::isBranch);
    if (found.isEmpty()) {
      m.sink.report(Codes.VERIFY_LOOP_MISMATCH, l.span(), "loop `" + l.id() + "` has no node in " + Matcher.where(f),
          "a loop becomes a map task node or a node calling a dynamic task, named after the loop");
      return;
    }
    FlyteNode node = found.get(0);
    m.corr.add(s, l, node);
    SourceScope body = s.inner(l, l.body());
    List<FlyteNode> feeders = new ArrayList<>();
    if (node.isArray()) {
      FlyteScope sub = m.scopes.arraySubNode(node).orElseThrow();
      feeders.add(sub.nodes.get(0));
      if (l.body().nodes().size() != 1 || !(l.body().nodes().get(0) instanceof Node.TaskNode)) {
        m.sink.report(Codes.VERIFY_LOOP_MISMATCH, l.span(), "loop `" + l.id() + "` is the map task `" + node.id()
            + "`, but its body has " + l.body().nodes().size() + " nodes", "only a body of one task can be a map task");
      } else {
        m.graph(body, sub);
      }
      int limit = node.array.get().parallelism().orElse(0);
      if (l.parallelism().isPresent() && l.parallelism().getAsInt() != limit) {
        m.sink.report(Codes.VERIFY_LOOP_MISMATCH, l.span(), "loop `" + l.id() + "` runs at most "
            + l.parallelism().getAsInt() + " at a time, but map task `" + node.id() + "` runs "
            + (limit == 0 ? "any number" : "at most " + limit) + " at a time", "set the array node's parallelism to the loop's limit");
      }
    } else if (node.isTaskCall()) {
      feeders.add(node);
      Optional<Tasks.TaskTemplate> task = m.pkg.task(node.node.getTaskNode().getReferenceId());
      if (task.isPresent() && !task.get().getType().equals("python-task")) {
        m.sink.report(Codes.VERIFY_LOOP_MISMATCH, l.span(), "loop `" + l.id() + "` is node `" + node.id() + "`, which runs a `"
            + task.get().getType() + "` task, not a dynamic task", "a loop with a body of several nodes runs it with a @dynamic task");
      }
      Optional<Workflow.WorkflowTemplate> wf = bodyWorkflow(l);
      if (wf.isEmpty()) {
        m.sink.report(Codes.VERIFY_LOOP_MISMATCH, l.span(), "the body of loop `" + l.id() + "` is not a workflow of the package",
            "the body of a loop run by a dynamic task stays a registered workflow named after the loop");
      } else {
        m.graph(body, m.scopes.runtimeBody(node, wf.get()));
      }
    } else if (node.isSubWorkflowCall() || node.isLaunchPlanCall()) {
      feeders.add(node);
      m.scopes.called(node).ifPresent(cs -> m.graph(body, cs));
    } else {
      m.sink.report(Codes.VERIFY_LOOP_MISMATCH, l.span(), "loop `" + l.id() + "` is node `" + node.id()
          + "`, which neither maps a task nor calls a dynamic task", "a loop becomes a map task or a dynamic task");
      return;
    }
    m.deferred.add(() -> loopItems(s, l, node, feeders));
  }

  Optional<Workflow.WorkflowTemplate> bodyWorkflow(Node.LoopNode l) {
    return m.loopBodies.claim(l);
  }

  void loopItems(SourceScope s, Node.LoopNode l, FlyteNode node, List<FlyteNode> feeders) {
    Set<SourceProducer> items = new LinkedHashSet<>();
    if (l.items() instanceof LoopItems.Literal lit) {
      items.add(new SourceProducer.Constant(lit.items()));
    } else {
      String input = ((LoopItems.FromInput) l.items()).input();
      for (InputBinding ib : l.inputs()) {
        if (ib.input().equals(input)) {
          items.addAll(m.sourceTrace.of(s, ib.value()));
        }
      }
    }
    items.removeIf(SourceProducer.Opaque.class::isInstance);
    if (items.isEmpty()) {
      return;
    }
    Set<FlyteProducer> fed = new LinkedHashSet<>();
    for (FlyteNode n : feeders) {
      for (flyteidl.core.Literals.Binding b : n.node.getInputsList()) {
        fed.addAll(m.flyteTrace.of(n.scope, b.getBinding()));
      }
    }
    if (!m.corr.sameSource(items, fed)) {
      m.sink.report(Codes.VERIFY_LOOP_MISMATCH, l.span(), "loop `" + l.id() + "` iterates over " + m.corr.describe(items)
          + ", but node `" + node.id() + "` is fed by " + m.corr.describeFlyte(fed),
          "the map task or dynamic task must receive the list the loop iterates over");
    }
  }
}
