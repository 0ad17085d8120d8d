package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Interface;
import flyteidl.core.Literals;
import flyteidl.core.Types;
import flyteidl.core.Workflow;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every binding of every workflow in the package, checked as the Flyte compiler would: the input
 * it binds exists on the target, its value's type casts to the input's type (upstream outputs,
 * workflow inputs and static values alike, lists and maps element by element), the promised node
 * and output exist, and every input that does not accept None is bound. Array nodes are checked
 * against the mapped task's interface with the mapped inputs as lists.
 */
final class BindingTypeCheck {
  private final PackageGraph graph;
  private final Function<String, Span> spanOf;
  private final DiagnosticSink sink;
  private final Map<Workflow.WorkflowTemplate, Map<String, Workflow.Node>> nodeIndex = new IdentityHashMap<>();

  BindingTypeCheck(PackageGraph graph, Function<String, Span> spanOf, DiagnosticSink sink) {
    this.graph = graph;
    this.spanOf = spanOf;
    this.sink = sink;
  }

  void run() {
    for (Workflow.WorkflowTemplate wf : graph.workflows.values()) {
      for (Workflow.Node n : wf.getNodesList()) {
        node(wf, n);
      }
      if (wf.hasFailureNode()) {
        node(wf, wf.getFailureNode());
      }
      Map<String, Interface.Variable> outs = wf.getInterface().getOutputs().getVariablesMap();
      for (Literals.Binding b : wf.getOutputsList()) {
        Interface.Variable v = outs.get(b.getVar());
        String where = "output `" + b.getVar() + "` of workflow `" + wf.getId().getName() + "`";
        if (v == null) {
          report(wf, null, where + " is bound but not declared");
        } else {
          check(wf, b.getBinding(), v.getType(), where).ifPresent(p -> report(wf, null, p));
        }
      }
    }
  }

  private void node(Workflow.WorkflowTemplate wf, Workflow.Node n) {
    Optional<ArrayNodeField.ArrayNode> array = ArrayNodeField.of(n);
    if (array.isPresent()) {
      Workflow.Node sub = array.get().subNode();
      Optional<Map<String, Interface.Variable>> inputs = inputsOf(sub);
      if (inputs.isPresent()) {
        Set<String> bound = new LinkedHashSet<>(array.get().boundInputs());
        for (Workflow.Node target : java.util.List.of(n, sub)) {
          bindings(wf, target, inputs.get(), v -> bound.contains(v) ? Optional.empty() : Optional.of(true), sub);
        }
      }
      return;
    }
    if (n.hasBranchNode()) {
      for (Workflow.Node child : PackageGraph.children(n)) {
        node(wf, child);
      }
      return;
    }
    inputsOf(n).ifPresent(inputs -> bindings(wf, n, inputs, v -> Optional.empty(), n));
  }

  /** Checks a node's bindings against {@code inputs}; {@code listed} says which inputs take lists instead. */
  private void bindings(Workflow.WorkflowTemplate wf, Workflow.Node n, Map<String, Interface.Variable> inputs,
      Function<String, Optional<Boolean>> listed, Workflow.Node target) {
    Set<String> seen = new LinkedHashSet<>();
    for (Literals.Binding b : n.getInputsList()) {
      String where = "input `" + b.getVar() + "` of node `" + n.getId() + "` in workflow `" + wf.getId().getName() + "`";
      if (!seen.add(b.getVar())) {
        report(wf, n, where + " is bound twice");
        continue;
      }
      Interface.Variable v = inputs.get(b.getVar());
      if (v == null) {
        report(wf, n, where + " is bound, but `" + targetName(target) + "` has no such input");
        continue;
      }
      Types.LiteralType want = listed.apply(b.getVar()).isPresent()
          ? Types.LiteralType.newBuilder().setCollectionType(v.getType()).build() : v.getType();
      check(wf, b.getBinding(), want, where).ifPresent(p -> report(wf, n, p));
    }
    if (n == target) {
      for (Map.Entry<String, Interface.Variable> e : new java.util.TreeMap<>(inputs).entrySet()) {
        if (!seen.contains(e.getKey()) && !Castability.optional(e.getValue().getType())) {
          report(wf, n, "input `" + e.getKey() + "` of `" + targetName(target) + "` is not bound at node `" + n.getId()
              + "` in workflow `" + wf.getId().getName() + "`");
        }
      }
    }
  }

  private Optional<String> check(Workflow.WorkflowTemplate wf, Literals.BindingData d, Types.LiteralType want, String where) {
    switch (d.getValueCase()) {
      case PROMISE: {
        Types.OutputReference ref = d.getPromise();
        Optional<Types.LiteralType> up = promisedType(wf, ref);
        if (up.isEmpty()) {
          return Optional.of(where + " names `" + (ref.getNodeId().isEmpty() ? "start-node" : ref.getNodeId()) + "."
              + ref.getVar() + "`, which does not exist");
        }
        return castable(up.get(), want, where);
      }
      case SCALAR: {
        Optional<Types.LiteralType> up = Castability.typeOf(d.getScalar());
        return up.isEmpty() ? Optional.of(where + " holds a static value of unknown type") : castable(up.get(), want, where);
      }
      case COLLECTION: {
        Optional<Types.LiteralType> elem = element(want, true);
        if (elem.isEmpty()) {
          return Optional.of(where + " is a list, but the input is a `" + Castability.text(want) + "`");
        }
        for (Literals.BindingData item : d.getCollection().getBindingsList()) {
          Optional<String> p = check(wf, item, elem.get(), where);
          if (p.isPresent()) {
            return p;
          }
        }
        return Optional.empty();
      }
      case MAP: {
        Optional<Types.LiteralType> val = element(want, false);
        if (val.isEmpty()) {
          return Optional.of(where + " is a map, but the input is a `" + Castability.text(want) + "`");
        }
        for (Literals.BindingData item : d.getMap().getBindingsMap().values()) {
          Optional<String> p = check(wf, item, val.get(), where);
          if (p.isPresent()) {
            return p;
          }
        }
        return Optional.empty();
      }
      default:
        return Optional.of(where + " has an empty binding");
    }
  }

  /** The element type of a list (or map) type, also through a union with one list (or map) variant. */
  private static Optional<Types.LiteralType> element(Types.LiteralType t, boolean list) {
    if (list && t.hasCollectionType()) {
      return Optional.of(t.getCollectionType());
    }
    if (!list && t.hasMapValueType()) {
      return Optional.of(t.getMapValueType());
    }
    if (!list && t.hasSimple() && t.getSimple() == Types.SimpleType.STRUCT) {
      return Optional.of(Types.LiteralType.newBuilder().setSimple(Types.SimpleType.STRUCT).build());
    }
    if (t.hasUnionType()) {
      for (Types.LiteralType v : t.getUnionType().getVariantsList()) {
        Optional<Types.LiteralType> e = element(v, list);
        if (e.isPresent()) {
          return e;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> castable(Types.LiteralType up, Types.LiteralType want, String where) {
    if (Castability.castable(up, want)) {
      return Optional.empty();
    }
    return Optional.of(where + " has type `" + Castability.text(want) + "`, but is bound to a `" + Castability.text(up) + "`");
  }

  private Optional<Types.LiteralType> promisedType(Workflow.WorkflowTemplate wf, Types.OutputReference ref) {
    if (ref.getNodeId().isEmpty() || ref.getNodeId().equals("start-node")) {
      return Optional.ofNullable(wf.getInterface().getInputs().getVariablesMap().get(ref.getVar())).map(Interface.Variable::getType);
    }
    Workflow.Node n = nodesById(wf).get(ref.getNodeId());
    return n == null ? Optional.empty() : outputType(n, ref.getVar(), 0);
  }

  /** The first node of each id in a workflow, built once per workflow rather than scanned per promise. */
  private Map<String, Workflow.Node> nodesById(Workflow.WorkflowTemplate wf) {
    return nodeIndex.computeIfAbsent(wf, w -> {
      Map<String, Workflow.Node> m = new HashMap<>();
      for (Workflow.Node n : w.getNodesList()) {
        m.putIfAbsent(n.getId(), n);
      }
      return m;
    });
  }

  private Optional<Types.LiteralType> outputType(Workflow.Node n, String var, int depth) {
    if (depth > 32) {
      return Optional.empty();
    }
    Optional<ArrayNodeField.ArrayNode> array = ArrayNodeField.of(n);
    if (array.isPresent()) {
      return outputType(array.get().subNode(), var, depth + 1)
          .map(t -> Types.LiteralType.newBuilder().setCollectionType(t).build());
    }
    if (n.hasBranchNode()) {
      return outputType(n.getBranchNode().getIfElse().getCase().getThenNode(), var, depth + 1);
    }
    return outputsOf(n).flatMap(o -> Optional.ofNullable(o.get(var))).map(Interface.Variable::getType);
  }

  private Optional<Map<String, Interface.Variable>> inputsOf(Workflow.Node n) {
    return interfaceOf(n).map(i -> i.getInputs().getVariablesMap());
  }

  private Optional<Map<String, Interface.Variable>> outputsOf(Workflow.Node n) {
    return interfaceOf(n).map(i -> i.getOutputs().getVariablesMap());
  }

  private Optional<Interface.TypedInterface> interfaceOf(Workflow.Node n) {
    if (n.hasTaskNode()) {
      return graph.task(n.getTaskNode().getReferenceId()).map(t -> t.getInterface());
    }
    if (n.hasWorkflowNode() && n.getWorkflowNode().hasSubWorkflowRef()) {
      return graph.workflow(n.getWorkflowNode().getSubWorkflowRef().getName()).map(w -> w.getInterface());
    }
    if (n.hasWorkflowNode() && n.getWorkflowNode().hasLaunchplanRef()) {
      return graph.launchPlanWorkflow(n.getWorkflowNode().getLaunchplanRef()).map(w -> w.getInterface());
    }
    return Optional.empty();
  }

  private static String targetName(Workflow.Node n) {
    if (n.hasTaskNode()) {
      return n.getTaskNode().getReferenceId().getName();
    }
    if (n.hasWorkflowNode()) {
      return n.getWorkflowNode().hasSubWorkflowRef() ? n.getWorkflowNode().getSubWorkflowRef().getName()
          : n.getWorkflowNode().getLaunchplanRef().getName();
    }
    return n.getId();
  }

  private void report(Workflow.WorkflowTemplate wf, Workflow.Node n, String message) {
    Span span = n == null ? spanOf.apply("") : spanOf.apply(n.getMetadata().getName());
    sink.report(Codes.VERIFY_BINDING_TYPE_MISMATCH, span, message,
        "the Flyte compiler rejects this with MismatchingTypes, VariableNameNotFound or ParameterNotBound");
  }
}
