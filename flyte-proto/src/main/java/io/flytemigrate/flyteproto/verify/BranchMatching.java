package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Workflow;
import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.diag.Codes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The conditions of the source in the package, for {@link Matcher}: a plain condition is a branch
 * node named after it whose first case runs its body; an if/elif/else is one branch node whose
 * cases hold the branches in source order (a last branch that only negates the earlier ones may
 * be the else node). Each case's condition is compared with the source's once every node is matched.
 */
final class BranchMatching {
  private final Matcher m;

  BranchMatching(Matcher m) {
    this.m = m;
  }

  Optional<FlyteNode> branchNode(FlyteScope f, Node x, List<Node> bodyNodes) {
    for (FlyteNode n : Matcher.named(f, x)) {
      if (n.isBranch()) {
        return Optional.of(n);
      }
    }
    List<FlyteNode> structural = new ArrayList<>();
    for (FlyteNode n : f.nodes) {
      if (!n.isBranch()) {
        continue;
      }
      for (FlyteScope c : m.scopes.cases(n)) {
        String caseName = c.nodes.get(0).name();
        if (bodyNodes.stream().anyMatch(b -> Matcher.names(b).contains(caseName))) {
          structural.add(n);
          break;
        }
      }
    }
    return structural.size() == 1 ? Optional.of(structural.get(0)) : Optional.empty();
  }

  /** The scope a case's body is matched in: the workflow it calls when it is the body's own workflow, else the case itself. */
  FlyteScope caseBody(FlyteScope inline, Node control) {
    FlyteNode n = inline.nodes.get(0);
    if ((n.isSubWorkflowCall() || n.isLaunchPlanCall()) && Matcher.names(control).contains(n.name())) {
      return m.scopes.called(n).orElse(inline);
    }
    return inline;
  }

  void condition(SourceScope s, FlyteScope f, Node.ConditionNode c) {
    Optional<FlyteNode> found = branchNode(f, c, c.body().nodes());
    if (found.isEmpty()) {
      m.sink.report(Codes.VERIFY_BRANCH_MISMATCH, c.span(), "condition `" + c.id() + "` has no branch node in " + Matcher.where(f),
          "a condition becomes a branch node named after it whose first case runs its body");
      return;
    }
    FlyteNode b = found.get();
    m.corr.add(s, c, b);
    List<FlyteScope> cases = m.scopes.cases(b);
    m.graph(s.inner(c, c.body()), caseBody(cases.get(0), c));
    Workflow.IfElseBlock block = b.node.getBranchNode().getIfElse();
    if (!block.hasElseNode() && !block.hasError()) {
      m.sink.report(Codes.VERIFY_BRANCH_MISMATCH, c.span(), "branch node `" + b.id() + "` of condition `" + c.id()
          + "` has neither an else node nor an error", "the Flyte compiler rejects it with BranchNodeHasNoDefault");
    }
    if (block.getOtherCount() > 0) {
      m.sink.report(Codes.VERIFY_BRANCH_MISMATCH, c.span(), "condition `" + c.id() + "` has one case, but branch node `"
          + b.id() + "` has " + (block.getOtherCount() + 1), "a plain condition becomes one case and an else");
    }
    Optional<Expr> expr = c.condition().parsed();
    m.deferred.add(() -> compareCondition(s, c, c.inputs(), expr, b, block.getCase().getCondition()));
  }

  void branches(SourceScope s, FlyteScope f, Node.BranchesNode br) {
    List<Node.ConditionNode> cs = new ArrayList<>();
    for (Node n : br.body().nodes()) {
      if (n instanceof Node.ConditionNode c) {
        cs.add(c);
      }
    }
    List<Node> bodies = new ArrayList<>(cs);
    for (Node.ConditionNode c : cs) {
      bodies.addAll(c.body().nodes());
    }
    Optional<FlyteNode> found = branchNode(f, br, bodies);
    if (found.isEmpty()) {
      m.sink.report(Codes.VERIFY_BRANCH_MISMATCH, br.span(), "if/elif/else `" + br.id() + "` has no branch node in " + Matcher.where(f),
          "an if/elif/else becomes one branch node named after it, with one case per branch");
      return;
    }
    FlyteNode b = found.get();
    m.corr.add(s, br, b);
    SourceScope inner = s.inner(br, br.body());
    List<FlyteScope> positions = m.scopes.cases(b);
    Workflow.IfElseBlock block = b.node.getBranchNode().getIfElse();
    boolean approximated = m.parity.approximated(br.id(), br.span(), "condition");
    List<Expr> earlier = new ArrayList<>();
    int last = -1;
    int matchedCases = 0;
    for (int i = 0; i < cs.size(); i++) {
      Node.ConditionNode c = cs.get(i);
      Expr parsed = c.condition().parsed().orElse(null);
      Expr own = parsed == null ? null : ConditionCompare.withoutEarlier(parsed, earlier);
      if (parsed != null) {
        earlier.add(own != null ? own : parsed);
      }
      if (m.parity.dropped(c.id(), c.span(), "condition")) {
        continue;
      }
      int pos = -1;
      for (int k = last + 1; k < positions.size(); k++) {
        if (caseHolds(positions.get(k), c)) {
          pos = k;
          break;
        }
      }
      if (pos < 0) {
        if (approximated) {
          m.sink.report(Codes.VERIFY_UNVERIFIED, c.span(), "case `" + c.id() + "` of `" + br.id()
              + "` is not a case of branch node `" + b.id() + "`; the translation reports the if/elif/else as approximated");
        } else {
          m.sink.report(Codes.VERIFY_BRANCH_MISMATCH, c.span(), "case `" + c.id() + "` of `" + br.id()
              + "` is not a case of branch node `" + b.id() + "`, or not in source order",
              "each branch becomes a case, in order; a last branch without a condition of its own becomes the else node");
        }
        continue;
      }
      last = pos;
      FlyteScope position = positions.get(pos);
      m.corr.add(inner, c, position.nodes.get(0));
      m.graph(inner.inner(c, c.body()), caseBody(position, c));
      boolean isElse = position.key.endsWith("#else");
      if (isElse) {
        if (i != cs.size() - 1 || own != null) {
          m.sink.report(Codes.VERIFY_BRANCH_MISMATCH, c.span(), "case `" + c.id() + "` of `" + br.id()
              + "` is the else node of branch node `" + b.id() + "`, but it has a condition of its own",
              "only a last branch whose condition just negates the earlier ones may become the else node");
        }
      } else {
        matchedCases++;
        Workflow.IfBlock ifBlock = pos == 0 ? block.getCase() : block.getOther(pos - 1);
        Optional<Expr> cond = Optional.ofNullable(own != null ? own : parsed);
        m.deferred.add(() -> compareCondition(inner, c, c.inputs(), cond, b, ifBlock.getCondition()));
      }
    }
    int flyteCases = 1 + block.getOtherCount();
    if (flyteCases != matchedCases && !approximated) {
      m.sink.report(Codes.VERIFY_BRANCH_MISMATCH, br.span(), "if/elif/else `" + br.id() + "` has " + matchedCases
          + " conditional case(s) in the source, but branch node `" + b.id() + "` has " + flyteCases,
          "each branch with a condition of its own becomes one case of the branch node");
    }
  }

  /** Whether a case position runs the body of condition {@code c}: named after it, or after its one task. */
  boolean caseHolds(FlyteScope position, Node.ConditionNode c) {
    String n = position.nodes.get(0).name();
    if (Matcher.names(c).contains(n)) {
      return true;
    }
    return c.body().nodes().size() == 1 && Matcher.names(c.body().nodes().get(0)).contains(n);
  }

  void compareCondition(SourceScope s, Node control, List<InputBinding> inputs, Optional<Expr> expr,
      FlyteNode branch, flyteidl.core.Condition.BooleanExpression flyte) {
    if (expr.isEmpty()) {
      m.sink.report(Codes.VERIFY_UNVERIFIED, control.span(), "the condition of `" + control.id()
          + "` was not parsed, so the condition of branch node `" + branch.id() + "` is not checked");
      return;
    }
    ConditionCompare cmp = new ConditionCompare((source, var) -> {
      Set<SourceProducer> sp = new LinkedHashSet<>();
      for (InputBinding ib : inputs) {
        if (ib.input().equals(source)) {
          sp.addAll(m.sourceTrace.of(s, ib.value()));
        }
      }
      Set<FlyteProducer> fp = m.flyteTrace.ofInput(branch, var);
      return m.corr.sameSource(sp, fp) || (sp.stream().allMatch(SourceProducer.Opaque.class::isInstance) && !fp.isEmpty());
    });
    if (!cmp.matches(expr.get(), flyte)) {
      m.sink.report(Codes.VERIFY_BRANCH_MISMATCH, control.span(), "the condition of `" + control.id()
              + "` does not match the condition of its case in branch node `" + branch.id() + "`",
          "the case must compare the same values with the same operators and literals");
    }
  }
}
