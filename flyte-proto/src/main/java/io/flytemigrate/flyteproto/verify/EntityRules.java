package io.flytemigrate.flyteproto.verify;

import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.core.Interface;
import flyteidl.core.Literals;
import flyteidl.core.Tasks;
import flyteidl.core.Types;
import flyteidl.core.Workflow;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules flyteadmin and the Flyte compiler enforce at registration (flyte-target.md 6 and 12), so
 * a package that passes here is not rejected for them: task metadata with a runtime version, an
 * image and an interface; unique DNS-1123 node ids other than {@code start-node}/{@code end-node};
 * variable names and promise outputs matching {@code \w+}; branches with a case and an else; and
 * launch plans whose inputs belong to their workflow, with a schedule's inputs defaulted.
 */
final class EntityRules {
  private static final Pattern DNS = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern WORD = Pattern.compile("\\w+");

  private EntityRules() {}

  static void run(List<ParsedEntity> entities, PackageGraph graph, Span at, DiagnosticSink sink) {
    for (ParsedEntity e : entities) {
      if (e.id().getName().isEmpty()) {
        sink.report(Codes.VERIFY_INVALID_ENTITY, at, "`" + e.fileName() + "` holds an entity without a name",
            "every identifier needs a name");
      }
      if (e.isTask()) {
        task(e, e.task().getTemplate(), at, sink);
      } else if (e.isWorkflow()) {
        workflow(e.workflow().getTemplate(), at, sink);
        e.workflow().getSubWorkflowsList().forEach(s -> workflow(s, at, sink));
      } else {
        launchPlan(e.launchPlan(), graph, at, sink);
      }
    }
  }

  private static void task(ParsedEntity e, Tasks.TaskTemplate t, Span at, DiagnosticSink sink) {
    String name = "task `" + t.getId().getName() + "`";
    if (t.getType().isEmpty()) {
      sink.report(Codes.VERIFY_INVALID_ENTITY, at, name + " has no type", "flyteadmin requires a task type");
    }
    if (!t.hasMetadata() || !t.getMetadata().hasRuntime() || t.getMetadata().getRuntime().getVersion().isEmpty()) {
      sink.report(Codes.VERIFY_INVALID_ENTITY, at, name + " has no runtime version in its metadata",
          "flyteadmin rejects task metadata without `runtime.version`");
    }
    if (t.getMetadata().getDiscoverable() && t.getMetadata().getDiscoveryVersion().isEmpty()) {
      sink.report(Codes.VERIFY_INVALID_ENTITY, at, name + " is cached without a cache version",
          "the cache lookup fails with \"task cannot have an empty discoveryVersion\"");
    }
    if (!t.hasInterface()) {
      sink.report(Codes.VERIFY_INVALID_ENTITY, at, name + " has no interface", "flyteadmin requires an interface");
    }
    variables(name, t.getInterface(), at, sink);
    if (t.hasContainer() && t.getContainer().getImage().isEmpty()) {
      sink.report(Codes.VERIFY_INVALID_ENTITY, at, name + " has a container without an image", "the compiler requires an image");
    }
    if (t.hasK8SPod() && !t.getConfigMap().containsKey("primary_container_name")) {
      sink.report(Codes.VERIFY_INVALID_ENTITY, at, name + " has a pod spec but no `primary_container_name` in its config",
          "the pod plugin needs to know which container runs the task");
    }
  }

  private static void variables(String owner, Interface.TypedInterface iface, Span at, DiagnosticSink sink) {
    for (Map<String, Interface.Variable> vars : List.of(iface.getInputs().getVariablesMap(), iface.getOutputs().getVariablesMap())) {
      for (Map.Entry<String, Interface.Variable> v : vars.entrySet()) {
        if (!WORD.matcher(v.getKey()).matches()) {
          sink.report(Codes.VERIFY_INVALID_ENTITY, at, owner + " has variable `" + v.getKey() + "`, which is not a `\\w+` name",
              "promises to such a variable fail to compile (SyntaxError)");
        }
        if (v.getValue().getType().getTypeCase() == Types.LiteralType.TypeCase.TYPE_NOT_SET) {
          sink.report(Codes.VERIFY_INVALID_ENTITY, at, owner + " has variable `" + v.getKey() + "` without a type",
              "the compiler requires a type on every variable");
        }
      }
    }
  }

  private static void workflow(Workflow.WorkflowTemplate wf, Span at, DiagnosticSink sink) {
    String name = "workflow `" + wf.getId().getName() + "`";
    if (wf.getNodesCount() == 0) {
      sink.report(Codes.VERIFY_INVALID_ENTITY, at, name + " has no nodes", "the compiler rejects it with NoNodesFound");
    }
    variables(name, wf.getInterface(), at, sink);
    Set<String> ids = new LinkedHashSet<>();
    List<Workflow.Node> top = new java.util.ArrayList<>(wf.getNodesList());
    if (wf.hasFailureNode()) {
      top.add(wf.getFailureNode());
    }
    for (Workflow.Node n : top) {
      if (!ids.add(n.getId())) {
        sink.report(Codes.VERIFY_INVALID_ENTITY, at, name + " has two nodes with id `" + n.getId() + "`",
            "the compiler keeps only the first of them");
      }
      node(name, n, at, sink);
    }
    for (Literals.Binding b : wf.getOutputsList()) {
      promises(name, "output `" + b.getVar() + "`", b.getBinding(), at, sink);
    }
  }

  private static void node(String wf, Workflow.Node n, Span at, DiagnosticSink sink) {
    String id = n.getId();
    if (id.equals("start-node") || id.equals("end-node") || id.length() > 63 || !DNS.matcher(id).matches()) {
      sink.report(Codes.VERIFY_INVALID_ENTITY, at, wf + " has node id `" + id + "`, which is not a DNS-1123 label or is reserved",
          "node ids are lower-case alphanumerics and `-`, at most 63 characters, never `start-node` or `end-node`");
    }
    boolean hasTarget = n.hasTaskNode() || n.hasWorkflowNode() || n.hasBranchNode() || ArrayNodeField.present(n);
    if (!hasTarget) {
      sink.report(Codes.VERIFY_INVALID_ENTITY, at, "node `" + id + "` of " + wf + " runs nothing",
          "a node needs a task, workflow, branch or array target (ValueRequired)");
    }
    if (ArrayNodeField.present(n) && ArrayNodeField.of(n).isEmpty()) {
      sink.report(Codes.VERIFY_INVALID_ENTITY, at, "node `" + id + "` of " + wf + " has an unreadable array node",
          "field 10 must hold an ArrayNode with a sub-node");
    }
    if (n.hasBranchNode()) {
      Workflow.IfElseBlock b = n.getBranchNode().getIfElse();
      if (!b.hasCase() || !b.getCase().hasThenNode()) {
        sink.report(Codes.VERIFY_INVALID_ENTITY, at, "branch node `" + id + "` of " + wf + " has no first case",
            "the compiler rejects it with BranchNodeIdNotFound");
      }
      if (!b.hasElseNode() && !b.hasError()) {
        sink.report(Codes.VERIFY_INVALID_ENTITY, at, "branch node `" + id + "` of " + wf + " has neither an else node nor an error",
            "the compiler rejects it with BranchNodeHasNoDefault");
      }
    }
    for (Literals.Binding b : n.getInputsList()) {
      promises(wf, "input `" + b.getVar() + "` of node `" + id + "`", b.getBinding(), at, sink);
    }
    for (Workflow.Node child : PackageGraph.children(n)) {
      node(wf, child, at, sink);
    }
  }

  private static void promises(String wf, String where, Literals.BindingData d, Span at, DiagnosticSink sink) {
    switch (d.getValueCase()) {
      case PROMISE -> {
        if (!WORD.matcher(d.getPromise().getVar()).matches()) {
          sink.report(Codes.VERIFY_INVALID_ENTITY, at, where + " of " + wf + " promises output `" + d.getPromise().getVar()
              + "`, which is not a `\\w+` name", "the compiler reports a SyntaxError");
        }
      }
      case COLLECTION -> d.getCollection().getBindingsList().forEach(b -> promises(wf, where, b, at, sink));
      case MAP -> d.getMap().getBindingsMap().values().forEach(b -> promises(wf, where, b, at, sink));
      default -> { }
    }
  }

  private static void launchPlan(LaunchPlanOuterClass.LaunchPlan lp, PackageGraph graph, Span at, DiagnosticSink sink) {
    String name = "launch plan `" + lp.getId().getName() + "`";
    Workflow.WorkflowTemplate wf = graph.workflows.get(lp.getSpec().getWorkflowId().getName());
    if (wf == null) {
      return;
    }
    Map<String, Interface.Variable> inputs = wf.getInterface().getInputs().getVariablesMap();
    Map<String, Interface.Parameter> params = lp.getSpec().getDefaultInputs().getParametersMap();
    for (String p : new java.util.TreeSet<>(params.keySet())) {
      if (!inputs.containsKey(p)) {
        sink.report(Codes.VERIFY_INVALID_ENTITY, at, name + " has parameter `" + p + "`, which is not an input of its workflow",
            "flyteadmin rejects launch plans with unknown inputs");
      }
    }
    for (String p : new java.util.TreeSet<>(lp.getSpec().getFixedInputs().getLiteralsMap().keySet())) {
      if (!inputs.containsKey(p)) {
        sink.report(Codes.VERIFY_INVALID_ENTITY, at, name + " fixes input `" + p + "`, which is not an input of its workflow",
            "flyteadmin rejects launch plans with unknown inputs");
      }
    }
    if (!lp.getSpec().getEntityMetadata().hasSchedule()) {
      return;
    }
    String kickoff = lp.getSpec().getEntityMetadata().getSchedule().getKickoffTimeInputArg();
    if (!kickoff.isEmpty()) {
      Interface.Variable v = inputs.get(kickoff);
      if (v == null || lp.getSpec().getFixedInputs().getLiteralsMap().containsKey(kickoff)) {
        sink.report(Codes.VERIFY_INVALID_ENTITY, at, "the schedule of " + name + " passes its kickoff time to `" + kickoff
            + "`, which is not a free input of its workflow", "flyteadmin requires the kickoff time input to be a workflow"
            + " input that the launch plan does not fix");
      } else if (!v.getType().hasSimple() || v.getType().getSimple() != Types.SimpleType.DATETIME) {
        sink.report(Codes.VERIFY_INVALID_ENTITY, at, "the schedule of " + name + " passes its kickoff time to `" + kickoff
            + "`, which is not a `datetime` input", "flyteadmin requires the kickoff time input to be a plain datetime"
            + " (not optional)");
      }
    }
    for (String input : new java.util.TreeSet<>(inputs.keySet())) {
      boolean fixed = lp.getSpec().getFixedInputs().getLiteralsMap().containsKey(input);
      Interface.Parameter p = params.get(input);
      boolean defaulted = p != null && p.hasDefault();
      if (!input.equals(kickoff) && !fixed && !defaulted) {
        sink.report(Codes.VERIFY_INVALID_ENTITY, at, "scheduled " + name + " leaves input `" + input + "` without a default",
            "flytectl and flyteadmin require a default or fixed value for every input of a scheduled launch plan");
      }
    }
  }
}
