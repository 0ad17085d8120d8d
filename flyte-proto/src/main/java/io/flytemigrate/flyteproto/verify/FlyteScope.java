package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Workflow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where nodes of the package sit, and how the inputs of that place are fed: the pipeline
 * workflow (fed by the launch plan), a sub-workflow called by a node (fed by its bindings), a
 * loop body run by a dynamic task (fed at run time from the dynamic task's inputs), a failure
 * handler (fed by the failure node), or an inline place inside a branch case or an array node,
 * whose nodes bind the enclosing workflow's promises directly.
 */
final class FlyteScope {
  enum Kind { ROOT, SUB_WORKFLOW, RUNTIME_BODY, FAILURE_HANDLER, INLINE }

  final Kind kind;
  final Workflow.WorkflowTemplate workflow;
  final Optional<FlyteNode> owner;
  final String key;
  /** The scope's nodes in workflow order; {@link #add} appends, so the indexes below stay in step. */
  final List<FlyteNode> nodes;
  private final List<FlyteNode> writable = new ArrayList<>();
  /** The first node of each id, and the nodes of each metadata name in order: one lookup, not a scan. */
  private final Map<String, FlyteNode> byId = new HashMap<>();
  private final Map<String, List<FlyteNode>> byName = new HashMap<>();
  /** The nodes by {@link SourceNames#normalize normalized} name, built on first use. */
  private Map<String, List<FlyteNode>> byNormalName;
  /** Which of this workflow scope's nodes reach which through upstream ids and promises, built on first use. */
  private Reachability reachability;

  FlyteScope(Kind kind, Workflow.WorkflowTemplate workflow, Optional<FlyteNode> owner, String key) {
    this.kind = kind;
    this.workflow = workflow;
    this.owner = owner;
    this.key = key;
    this.nodes = Collections.unmodifiableList(writable);
  }

  /** Appends a node to this scope. */
  void add(FlyteNode n) {
    writable.add(n);
    byId.putIfAbsent(n.id(), n);
    byName.computeIfAbsent(n.name(), k -> new ArrayList<>(1)).add(n);
    if (byNormalName != null) {
      byNormalName.computeIfAbsent(SourceNames.normalize(n.name()), k -> new ArrayList<>(1)).add(n);
    }
    reachability = null;
  }

  /** The workflow scope whose start node and node ids this scope's promises refer to. */
  FlyteScope workflowScope() {
    FlyteScope s = this;
    while (s.kind == Kind.INLINE && s.owner.isPresent()) {
      s = s.owner.get().scope;
    }
    return s;
  }

  /** A node of this workflow scope by id (the nodes promises can name). */
  Optional<FlyteNode> node(String id) {
    return Optional.ofNullable(workflowScope().byId.get(id));
  }

  /** The nodes of this scope whose metadata name is {@code name}, in order. */
  List<FlyteNode> named(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /** The nodes of this scope whose name is {@code name} spelled another way ({@link SourceNames#same}), in order. */
  List<FlyteNode> namedLike(String name) {
    if (byNormalName == null) {
      byNormalName = new HashMap<>();
      for (FlyteNode n : writable) {
        byNormalName.computeIfAbsent(SourceNames.normalize(n.name()), k -> new ArrayList<>(1)).add(n);
      }
    }
    return byNormalName.getOrDefault(SourceNames.normalize(name), List.of());
  }

  /** Which nodes of this workflow scope wait for which, computed once for all the ordering edges checked in it. */
  Reachability reachability() {
    FlyteScope ws = workflowScope();
    if (ws.reachability == null) {
      ws.reachability = new Reachability(ws.writable);
    }
    return ws.reachability;
  }

  @Override
  public String toString() {
    return key;
  }
}
