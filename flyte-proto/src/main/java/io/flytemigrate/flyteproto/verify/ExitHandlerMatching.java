package io.flytemigrate.flyteproto.verify;

import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.diag.Codes;
import java.util.List;
import java.util.Optional;

/**
 * The exit handlers of the source in the package, for {@link Matcher}: a sub-workflow node named
 * after the exit handler, whose workflow holds the body and has a failure node that runs the exit
 * task, directly or through a small workflow calling it.
 */
final class ExitHandlerMatching {
  private final Matcher m;

  ExitHandlerMatching(Matcher m) {
    this.m = m;
  }

  void exitHandler(SourceScope s, FlyteScope f, Node.ExitHandlerNode e) {
    List<FlyteNode> found = Matcher.named(f, e);
    found.removeIf(n -> !(n.isSubWorkflowCall() || n.isLaunchPlanCall()));
    if (found.isEmpty()) {
      m.sink.report(Codes.VERIFY_EXIT_HANDLER_MISMATCH, e.span(), "exit handler `" + e.id() + "` has no sub-workflow node in "
          + Matcher.where(f), "an exit handler's body becomes a workflow called by a node named after the exit handler");
      return;
    }
    FlyteNode node = found.get(0);
    m.corr.add(s, e, node);
    Optional<FlyteScope> bodyScope = m.scopes.called(node);
    if (bodyScope.isEmpty()) {
      return;
    }
    m.graph(s.inner(e, e.body()), bodyScope.get());
    if (e.exitTask().isEmpty()) {
      return;
    }
    String exit = e.exitTask().get();
    Optional<FlyteNode> fn = m.scopes.failureNode(bodyScope.get());
    String wf = bodyScope.get().workflow.getId().getName();
    if (fn.isEmpty()) {
      m.sink.report(Codes.VERIFY_EXIT_HANDLER_MISMATCH, e.span(), "workflow `" + wf + "` of exit handler `" + e.id()
          + "` has no failure node, so exit task `" + exit + "` does not run when the body fails",
          "the body workflow's failure node must run the exit task");
      return;
    }
    Optional<FlyteNode> runner = Optional.empty();
    if (fn.get().name().equals(exit) && !fn.get().isSubWorkflowCall()) {
      runner = fn;
    } else if (fn.get().isSubWorkflowCall() || fn.get().isLaunchPlanCall()) {
      Optional<FlyteScope> handler = m.scopes.called(fn.get());
      if (handler.isPresent()) {
        runner = handler.get().nodes.stream().filter(n -> n.name().equals(exit)).findFirst();
      }
      if (runner.isEmpty() && fn.get().name().equals(exit)) {
        runner = fn;
      }
    }
    if (runner.isEmpty()) {
      m.sink.report(Codes.VERIFY_EXIT_HANDLER_MISMATCH, e.span(), "the failure node of workflow `" + wf
          + "` does not run exit task `" + exit + "` of exit handler `" + e.id() + "`",
          "the failure node must call the exit task, directly or through a small workflow");
      return;
    }
    Optional<Node> exitNode = s.graph.node(exit);
    FlyteNode r = runner.get();
    exitNode.ifPresent(x -> m.corr.add(s, x, r));
  }
}
