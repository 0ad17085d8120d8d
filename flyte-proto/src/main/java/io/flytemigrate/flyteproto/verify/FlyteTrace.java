package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Literals;
import flyteidl.core.Workflow;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a binding of the package back to what produces it, through workflow boundaries: a
 * promise on a sub-workflow's start node continues with the calling node's binding of that input,
 * one in a loop body with the dynamic task's inputs, one in the pipeline workflow ends at a
 * parameter. A promise on a node's output yields that node and, for sub-workflows and branches,
 * the nodes inside that produce the output, so a source edge matches however the package nests.
 */
final class FlyteTrace {
  private final FlyteScopes scopes;
  /**
   * A guard against runaway recursion only, from the depth of the source ({@link
   * SourceIndex#traceLimit}). A trace ends on its own: it never enters a workflow already on its
   * scope's call chain ({@link FlyteScopes#called}) and never follows the same output or input
   * of the same scope twice; so no producer of the package of that source is cut off, however
   * many workflow boundaries lie between a binding and its producer.
   */
  private final int maxDepth;

  FlyteTrace(FlyteScopes scopes, int maxDepth) {
    this.scopes = scopes;
    this.maxDepth = maxDepth;
  }

  /** The producers of a binding evaluated in {@code scope}. */
  Set<FlyteProducer> of(FlyteScope scope, Literals.BindingData data) {
    Walk out = new Walk();
    collect(scope, data, out, 0);
    return out.found;
  }

  /** What one trace found, and the outputs and inputs it has followed (each once). */
  private static final class Walk {
    final Set<FlyteProducer> found = new LinkedHashSet<>();
    private final Map<FlyteScope, Set<String>> inputs = new IdentityHashMap<>();
    private final Map<FlyteNode, Set<String>> outputs = new IdentityHashMap<>();

    void add(FlyteProducer p) {
      found.add(p);
    }

    boolean firstInput(FlyteScope ws, String var) {
      return inputs.computeIfAbsent(ws, k -> new HashSet<>()).add(var);
    }

    boolean firstOutput(FlyteNode node, String var) {
      return outputs.computeIfAbsent(node, k -> new HashSet<>()).add(var);
    }
  }

  /** The producers of one node's binding of {@code var}, or of all its bindings if it has none of that name. */
  Set<FlyteProducer> ofInput(FlyteNode node, String var) {
    Walk out = new Walk();
    for (Literals.Binding b : node.node.getInputsList()) {
      if (b.getVar().equals(var)) {
        collect(node.scope, b.getBinding(), out, 0);
      }
    }
    return out.found;
  }

  private void collect(FlyteScope scope, Literals.BindingData data, Walk out, int depth) {
    if (depth > maxDepth) {
      return;
    }
    switch (data.getValueCase()) {
      case SCALAR -> out.add(new FlyteProducer.Constant(data.getScalar()));
      case COLLECTION -> data.getCollection().getBindingsList().forEach(b -> collect(scope, b, out, depth + 1));
      case MAP -> data.getMap().getBindingsMap().values().forEach(b -> collect(scope, b, out, depth + 1));
      case PROMISE -> promise(scope, data.getPromise().getNodeId(), data.getPromise().getVar(), out, depth + 1);
      default -> { }
    }
  }

  private void promise(FlyteScope scope, String nodeId, String var, Walk out, int depth) {
    FlyteScope ws = scope.workflowScope();
    if (nodeId.isEmpty() || nodeId.equals("start-node")) {
      input(ws, var, out, depth);
      return;
    }
    Optional<FlyteNode> n = ws.node(nodeId);
    n.ifPresent(node -> output(node, var, out, depth));
  }

  /** What feeds input {@code var} of a workflow scope. */
  private void input(FlyteScope ws, String var, Walk out, int depth) {
    if (!out.firstInput(ws, var)) {
      return;
    }
    if (ws.kind == FlyteScope.Kind.ROOT || ws.owner.isEmpty()) {
      out.add(new FlyteProducer.Parameter(var));
      return;
    }
    FlyteNode owner = ws.owner.get();
    List<Literals.Binding> feeds = owner.node.getInputsList();
    boolean named = false;
    for (Literals.Binding b : feeds) {
      if (b.getVar().equals(var)) {
        named = true;
        collect(owner.scope, b.getBinding(), out, depth + 1);
      }
    }
    if (!named && ws.kind == FlyteScope.Kind.RUNTIME_BODY) {
      // The dynamic task derives the body's item inputs from its own inputs that the body lacks.
      for (Literals.Binding b : feeds) {
        if (!ws.workflow.getInterface().getInputs().containsVariables(b.getVar())) {
          collect(owner.scope, b.getBinding(), out, depth + 1);
        }
      }
    }
  }

  /** Output {@code var} of a node: the node, and whatever produces it inside. */
  private void output(FlyteNode node, String var, Walk out, int depth) {
    out.add(new FlyteProducer.NodeOutput(node.key, var));
    if (depth > maxDepth || !out.firstOutput(node, var)) {
      return;
    }
    if (node.isSubWorkflowCall() || node.isLaunchPlanCall()) {
      Optional<FlyteScope> called = scopes.called(node);
      if (called.isPresent()) {
        for (Literals.Binding b : called.get().workflow.getOutputsList()) {
          if (b.getVar().equals(var)) {
            collect(called.get(), b.getBinding(), out, depth + 1);
          }
        }
      }
    } else if (node.isBranch()) {
      for (FlyteScope c : scopes.cases(node)) {
        output(c.nodes.get(0), var, out, depth + 1);
      }
    } else if (node.isArray()) {
      scopes.arraySubNode(node).ifPresent(s -> out.add(new FlyteProducer.NodeOutput(s.nodes.get(0).key, var)));
    }
  }

  /** Ids of the nodes of the same workflow that {@code node} waits for: upstream ids and promised nodes. */
  static Set<String> directUpstream(Workflow.Node node) {
    Set<String> ids = new LinkedHashSet<>(node.getUpstreamNodeIdsList());
    for (Literals.Binding b : node.getInputsList()) {
      promised(b.getBinding(), ids);
    }
    for (Workflow.Node child : PackageGraph.children(node)) {
      for (Literals.Binding b : child.getInputsList()) {
        promised(b.getBinding(), ids);
      }
    }
    ids.remove("start-node");
    ids.remove("");
    return ids;
  }

  private static void promised(Literals.BindingData d, Set<String> ids) {
    switch (d.getValueCase()) {
      case PROMISE -> ids.add(d.getPromise().getNodeId());
      case COLLECTION -> d.getCollection().getBindingsList().forEach(b -> promised(b, ids));
      case MAP -> d.getMap().getBindingsMap().values().forEach(b -> promised(b, ids));
      default -> { }
    }
  }
}
