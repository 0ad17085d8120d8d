package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Literals;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The edges of the source, checked on the package once every source node has its package node.
 * Only inputs the task's component declares are data edges; KFP's extra {@code pipelinechannel}
 * inputs merely feed placeholders in strings and settings. A data edge holds when the package node's binding of that input (found by its name, allowing
 * for renaming; any binding when none has the name) comes from the same producer as the source
 * binding, following both sides through workflow boundaries. An ordering edge ({@code after})
 * holds when, in the workflow where both sides' nodes meet, the one waits for the other through
 * upstream ids or bindings, directly or not.
 */
final class EdgeCheck {
  private final Correspondence corr;
  private final SourceTrace sourceTrace;
  private final FlyteTrace flyteTrace;
  private final DiagnosticSink sink;

  EdgeCheck(Correspondence corr, SourceTrace sourceTrace, FlyteTrace flyteTrace, DiagnosticSink sink) {
    this.corr = corr;
    this.sourceTrace = sourceTrace;
    this.flyteTrace = flyteTrace;
    this.sink = sink;
  }

  private ParityView parity = new ParityView(Optional.empty());

  /** Bindings the translation reports as dropped are not expected in the package. */
  EdgeCheck withParity(ParityView view) {
    this.parity = view;
    return this;
  }

  void run() {
    for (Correspondence.Match m : corr.matches()) {
      if (m.node() instanceof Node.TaskNode t) {
        Optional<io.flytemigrate.ir.Component> c = sourceTrace.index().component(t.component());
        for (InputBinding ib : t.inputs()) {
          // Inputs the component does not declare only feed placeholders (KFP's pipelinechannel inputs).
          if (c.isPresent() && c.get().iface().input(ib.input()).isPresent()) {
            dataEdge(m, t, ib);
          }
        }
      }
      for (String a : m.node().after()) {
        orderingEdge(m, a);
      }
    }
  }

  private void dataEdge(Correspondence.Match m, Node.TaskNode t, InputBinding ib) {
    if (Matcher.isOpaque(ib.value())) {
      return;
    }
    String where = t.id() + "." + ib.input();
    boolean dropped = false;
    for (String name : List.of("`" + where + "`", where)) {
      dropped |= parity.dropped(name, t.span(), "binding") || parity.dropped(name, ib.span(), "binding");
    }
    if (dropped) {
      return;
    }
    Set<SourceProducer> source = sourceTrace.of(m.scope(), ib.value());
    source.removeIf(SourceProducer.Opaque.class::isInstance);
    source.removeIf(p -> p instanceof SourceProducer.NodeOutput n && corr.unmatched(n.key()) && corr.isDropped(n.key()));
    if (source.isEmpty()) {
      return;
    }
    boolean constantsOnly = source.stream().allMatch(SourceProducer.Constant.class::isInstance);
    Set<FlyteProducer> seen = new LinkedHashSet<>();
    boolean anyNamed = false;
    for (FlyteNode fx : m.flyte()) {
      List<Literals.Binding> named = fx.node.getInputsList().stream()
          .filter(b -> SourceNames.same(b.getVar(), ib.input())).toList();
      List<Literals.Binding> use = named.isEmpty() ? fx.node.getInputsList() : named;
      anyNamed |= !named.isEmpty();
      Set<FlyteProducer> flyte = new LinkedHashSet<>();
      for (Literals.Binding b : use) {
        flyte.addAll(flyteTrace.of(fx.scope, b.getBinding()));
      }
      if (corr.sameSource(source, flyte)) {
        return;
      }
      seen.addAll(flyte);
    }
    if (constantsOnly && !anyNamed) {
      return;
    }
    if (source.stream().anyMatch(p -> p instanceof SourceProducer.NodeOutput n && corr.unmatched(n.key()))) {
      return;
    }
    sink.report(Codes.VERIFY_MISSING_DATA_EDGE, ib.span(), "input `" + ib.input() + "` of task `" + t.id() + "` comes from "
            + corr.describe(source) + " in the source, but from " + corr.describeFlyte(seen) + " in the package",
        "bind the node's input to the node or workflow input that produces the value");
  }

  private void orderingEdge(Correspondence.Match m, String after) {
    Optional<Node> upstream = sourceTrace.index().node(m.scope().graph, after);
    if (upstream.isEmpty()) {
      return;
    }
    Optional<Correspondence.Match> um = corr.match(m.scope().keyOf(upstream.get()));
    if (um.isEmpty()) {
      return;
    }
    boolean comparable = false;
    for (FlyteNode fx : m.flyte()) {
      for (FlyteNode fa : um.get().flyte()) {
        FlyteNode tx = fx.topLevel();
        FlyteNode ta = fa.topLevel();
        if (!tx.scope.key.equals(ta.scope.key) || tx.failure || ta.failure) {
          continue;
        }
        comparable = true;
        if (tx.key.equals(ta.key) || tx.scope.reachability().waitsFor(tx, ta.id())) {
          return;
        }
      }
    }
    if (comparable) {
      sink.report(Codes.VERIFY_MISSING_ORDERING_EDGE, m.node().span(), "`" + m.node().id() + "` runs after `" + after
              + "` in the source, but its node does not wait for `" + after + "`'s node in the package",
          "add the upstream node's id to `upstream_node_ids`");
    }
  }
}
