package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeMetadata;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.Parameter;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TypedInterface;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IR graphs to workflows: the root graph becomes the pipeline workflow, nested pipelines
 * sub-workflows in modules of their own, and control-flow bodies workflows in the module of the
 * workflow that contains them. Within a graph every node is lowered in dependency order; control
 * flow is delegated to {@link ConditionLowering}, {@link LoopLowering} and {@link ExitHandlerLowering}.
 */
final class GraphLowering {
  /** A lowered workflow and how its IR inputs and outputs are named. */
  record LoweredWorkflow(WorkflowDef def, Map<String, String> inputs, Map<String, String> outputs) {}

  final Context ctx;
  final TaskLowering tasks;
  final ConditionLowering conditions;
  final LoopLowering loops;
  final ExitHandlerLowering exitHandlers;
  private final Map<String, LoweredWorkflow> nested = new HashMap<>();

  /**
   * How deep nested pipelines and control-flow bodies may nest below the root graph, as the KFP v2
   * reader bounds control flow (FM1002). Every level is a few frames of recursion here and in the
   * writers; a graph below this depth is left out with FM5007, so a pathological input (thousands
   * of nested pipelines, or a pipeline that contains itself) gets an answer instead of a stack
   * overflow.
   */
  static final int MAX_DEPTH = 100;
  /** The graphs being lowered around the current one. */
  private int depth;
  private boolean reportedDepth;

  GraphLowering(Context ctx, TaskLowering tasks) {
    this.ctx = ctx;
    this.tasks = tasks;
    this.conditions = new ConditionLowering(this);
    this.loops = new LoopLowering(this);
    this.exitHandlers = new ExitHandlerLowering(this);
  }

  /** The pipeline's root graph as the pipeline workflow, with its parameters as inputs. */
  LoweredWorkflow pipeline() {
    Graph root = ctx.pipeline.root();
    String name = ctx.workflowNames.claim(Names.identifier(ctx.pipeline.name()));
    String module = ctx.pythonPackage + ".workflows." + ctx.workflowModules.claim(name);
    WorkflowBuilder wb = new WorkflowBuilder(ctx, module, name, root, GraphScope.top(root), WorkflowDef.Role.PIPELINE);
    for (Port p : root.iface().inputs()) {
      addParameter(wb, p, true);
    }
    lowerNodes(wb);
    return finish(wb, root.outputs(), Optional.empty(), ctx.pipeline.description(), ctx.pipeline.name(), root.span());
  }

  /** A nested pipeline as a sub-workflow in a module of its own; lowered once however often it is used. */
  LoweredWorkflow nestedPipeline(Component.PipelineComponent pc) {
    LoweredWorkflow done = nested.get(pc.id());
    if (done != null) {
      return done;
    }
    String name = ctx.workflowNames.claim(Names.identifier(Names.withoutComponentPrefix(pc.id())));
    String module = ctx.pythonPackage + ".workflows." + ctx.workflowModules.claim(name);
    WorkflowBuilder wb = new WorkflowBuilder(ctx, module, name, pc.graph(), GraphScope.top(pc.graph()),
        WorkflowDef.Role.NESTED_PIPELINE);
    for (Port p : pc.graph().iface().inputs()) {
      addParameter(wb, p, false);
    }
    lowerNodes(wb);
    LoweredWorkflow lw = finish(wb, pc.graph().outputs(), Optional.empty(), pc.description(), pc.id(), pc.span());
    ctx.parity.exact("component", pc.id(), pc.span(), lw.def().id().name(), "nested pipeline as a sub-workflow");
    nested.put(pc.id(), lw);
    return lw;
  }

  private void addParameter(WorkflowBuilder wb, Port p, boolean report) {
    Types.Mapped m = Types.ofPort(p, ctx.listHints.parameter(wb.graph, p.name()), false);
    Optional<Literal> def = p.defaultValue().flatMap(v -> Values.of(v, m.type()));
    if (def.isEmpty() && Types.isOptional(m.type())) {
      def = Optional.of(new Literal.NoneValue());
    }
    String var = wb.addInput("graph:" + p.name(), Names.keepIdentifier(Names.withoutChannelPrefix(p.name())), m.type(), def);
    if (report) {
      String flyte = "workflow input `" + var + ": " + io.flytemigrate.flyte.python.PythonTypes.annotation(m.type()) + "`";
      if (m.approximation().isPresent()) {
        ctx.parity.approximated("parameter", p.name(), p.span(), flyte, m.approximation().get());
      } else if (p.defaultValue().isPresent() && def.isEmpty()) {
        ctx.parity.approximated("parameter", p.name(), p.span(), flyte,
            "the default `" + Values.text(p.defaultValue().get()) + "` does not fit the type and is left out");
      } else {
        ctx.parity.exact("parameter", p.name(), p.span(), flyte,
            p.defaultValue().map(v -> "default `" + Values.text(v) + "` in the default launch plan").orElse(""));
      }
    }
  }

  /** Lowers every node of the builder's graph, in dependency order, into the builder. */
  void lowerNodes(WorkflowBuilder wb) {
    if (depth > MAX_DEPTH) {
      tooDeep(wb);
      return;
    }
    depth++;
    try {
      lowerEach(wb);
    } finally {
      depth--;
    }
  }

  /** Leaves out the nodes of a graph nested deeper than {@link #MAX_DEPTH}: one error per lowering, a row per node. */
  private void tooDeep(WorkflowBuilder wb) {
    if (!reportedDepth) {
      reportedDepth = true;
      ctx.diagnostics.report(io.flytemigrate.ir.diag.Codes.NESTING_TOO_DEEP, wb.graph.span(),
          "nested pipelines and control flow nest deeper than " + MAX_DEPTH + " levels at workflow `" + wb.pythonName
              + "`", "its nodes, and everything nested in them, are left out; flatten some nested pipelines into the"
              + " pipelines that call them");
    }
    for (io.flytemigrate.ir.Node n : wb.graph.nodes()) {
      ctx.parity.dropped(n instanceof io.flytemigrate.ir.Node.TaskNode ? "task" : "node", n.id(), n.span(),
          "it is nested deeper than " + MAX_DEPTH + " levels of pipelines and control flow");
    }
  }

  private void lowerEach(WorkflowBuilder wb) {
    Map<String, io.flytemigrate.ir.Node.ExitHandlerNode> exitTasks = new HashMap<>();
    for (io.flytemigrate.ir.Node n : wb.graph.nodes()) {
      if (n instanceof io.flytemigrate.ir.Node.ExitHandlerNode e && e.exitTask().isPresent()) {
        exitTasks.put(e.exitTask().get(), e);
      }
    }
    for (io.flytemigrate.ir.Node n : TopoOrder.of(wb.graph)) {
      if (n instanceof io.flytemigrate.ir.Node.TaskNode t) {
        taskNode(wb, t, Optional.ofNullable(exitTasks.get(t.id())));
      } else if (n instanceof io.flytemigrate.ir.Node.ConditionNode c) {
        conditions.condition(wb, c);
      } else if (n instanceof io.flytemigrate.ir.Node.BranchesNode b) {
        conditions.branches(wb, b);
      } else if (n instanceof io.flytemigrate.ir.Node.LoopNode l) {
        loops.loop(wb, l);
      } else if (n instanceof io.flytemigrate.ir.Node.ExitHandlerNode e) {
        exitHandlers.exitHandler(wb, e);
      }
      if (!(n instanceof io.flytemigrate.ir.Node.TaskNode) && wb.irNodes.containsKey(n.id())) {
        for (String a : n.after()) {
          ctx.parity.exact("edge", a + " -> " + n.id(), n.span(), "upstream_node_ids");
        }
      }
    }
  }

  private void taskNode(WorkflowBuilder wb, io.flytemigrate.ir.Node.TaskNode t,
      Optional<io.flytemigrate.ir.Node.ExitHandlerNode> exitOf) {
    Optional<Component> comp = ctx.index.component(t.component());
    if (comp.isEmpty()) {
      ctx.parity.dropped("task", t.id(), t.span(), "component `" + t.component() + "` is not defined");
      return;
    }
    if (comp.get() instanceof Component.ImporterComponent ic) {
      ImporterLowering.importer(wb, t, ic);
      return;
    }
    if (t.condition().isPresent()) {
      conditions.guardedTask(wb, t);
      return;
    }
    Optional<Node> node = callNode(wb, t, "SUCCEEDED");
    if (node.isEmpty()) {
      return;
    }
    wb.nodes.add(node.get());
    String where = wb.id.name();
    if (exitOf.isPresent()) {
      ctx.parity.approximated("task", t.id(), t.span(), where + "/" + node.get().id(),
          "exit task of `" + exitOf.get().id() + "`: runs as a final node after it succeeds, and as its failure node"
              + " when it fails; its final status carries only the state");
    } else if (comp.get() instanceof Component.OpaqueComponent) {
      // callNode has written the placeholder's row, trigger rule included.
    } else if (t.settings().trigger() != TaskSettings.Trigger.ALL_SUCCEEDED) {
      ctx.parity.approximated("task", t.id(), t.span(), where + "/" + node.get().id(),
          "trigger rule " + t.settings().trigger() + " has no Flyte counterpart: the node runs when its upstream"
              + " nodes succeed");
    } else {
      ctx.parity.exact("task", t.id(), t.span(), where + "/" + node.get().id());
    }
    for (String a : t.after()) {
      if (wb.importers.containsKey(a)) {
        ctx.parity.exact("edge", a + " -> " + t.id(), t.span(), "workflow input",
            "the importer is a workflow input, so its file is there before any node runs");
      } else {
        ctx.parity.exact("edge", a + " -> " + t.id(), t.span(), "upstream_node_ids");
      }
    }
  }

  /**
   * The node that calls a task node's component in {@code wb}, not yet added; registers its
   * outputs under the IR node id unless {@code register} is false.
   *
   * @param finalState the state a {@code TaskFinalStatus} input gets here
   */
  Optional<Node> callNode(WorkflowBuilder wb, io.flytemigrate.ir.Node.TaskNode t, String finalState) {
    return callNode(wb, t, finalState, Optional.of(t.id()));
  }

  /** As {@link #callNode(WorkflowBuilder, io.flytemigrate.ir.Node.TaskNode, String)}, registering the outputs under {@code registerAs}. */
  Optional<Node> callNode(WorkflowBuilder wb, io.flytemigrate.ir.Node.TaskNode t, String finalState,
      Optional<String> registerAs) {
    Component c = ctx.index.component(t.component()).orElseThrow();
    List<String> after = t.after();
    Map<String, String> inVars;
    Map<String, String> outVars;
    TypedInterface iface;
    NodeTarget target;
    NodeMetadata metadata;
    if (c instanceof Component.PipelineComponent pc && pc.graph().nodes().isEmpty() && pc.iface().outputs().isEmpty()) {
      // An empty pipeline (an Airflow EmptyOperator, say) orders its neighbours and does nothing:
      // a Flyte workflow may not be empty, so the node runs flytekit's no-op task instead.
      TaskLowering.LoweredTask echo = tasks.echo();
      inVars = Map.of();
      outVars = Map.of();
      iface = echo.def().iface();
      target = new NodeTarget.TaskCall(echo.def().id(), Optional.empty());
      metadata = NodeMetadata.named(t.id());
      ctx.parity.approximated("task", t.id(), t.span(), echo.def().id().name(),
          "does nothing and only orders its neighbours; it runs flytekit's no-op `Echo` task, which needs the echo plugin");
    } else if (c instanceof Component.PipelineComponent pc) {
      LoweredWorkflow lw = nestedPipeline(pc);
      inVars = lw.inputs();
      outVars = lw.outputs();
      iface = lw.def().iface();
      target = new NodeTarget.SubWorkflowCall(lw.def().id());
      metadata = NodeMetadata.named(t.id());
      NodeSettingsLowering.metadata(t.settings(), t.id(), ctx);
    } else if (c instanceof Component.OpaqueComponent oc) {
      TaskLowering.LoweredTask lt = tasks.placeholder(oc, t);
      inVars = Map.of();
      outVars = lt.outputs();
      iface = lt.def().iface();
      target = new NodeTarget.TaskCall(lt.def().id(), Optional.empty());
      metadata = NodeMetadata.named(t.id());
      after = Placeholders.inputs(wb, t, lt);
    } else {
      Optional<TaskLowering.LoweredTask> lt = tasks.forNode(c, t, wb.scope);
      if (lt.isEmpty()) {
        ctx.parity.dropped("task", t.id(), t.span(), "its component `" + c.id() + "` has no Flyte translation");
        return Optional.empty();
      }
      TaskDef def = lt.get().def();
      inVars = lt.get().inputs();
      outVars = lt.get().outputs();
      iface = def.iface();
      target = new NodeTarget.TaskCall(def.id(), Optional.empty());
      metadata = new NodeMetadata(t.id(), def.metadata().retries() > 0 ? Optional.of(def.metadata().retries()) : Optional.empty(),
          def.metadata().timeoutSeconds(), Optional.empty());
    }
    List<Binding> bindings = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Map<String, InputBinding> given = new LinkedHashMap<>();
    t.inputs().forEach(b -> given.putIfAbsent(b.input(), b));
    for (Port p : c.iface().inputs()) {
      String var = inVars.get(p.name());
      if (var == null) {
        continue;
      }
      LiteralType type = iface.input(var).map(Variable::type).orElseThrow();
      InputBinding ib = given.get(p.name());
      String where = "`" + t.id() + "." + p.name() + "`";
      Optional<BindingData> data;
      if (ib != null && ib.value() instanceof io.flytemigrate.ir.Binding.Template tp
          && tp.parts().stream().anyMatch(a -> !(a instanceof io.flytemigrate.ir.Arg.Literal))) {
        data = TemplateLowering.join(this, wb, t, p.name(), tp, ib.span());
      } else if (ib != null && ib.value() instanceof io.flytemigrate.ir.Binding.TaskFinalStatus fs) {
        data = Optional.of(new BindingData.Static(FinalStatus.of(fs.task(), finalState, type)));
      } else if (ib != null) {
        data = wb.bind(ib.value(), type, where, ib.span());
      } else if (p.defaultValue().isPresent()) {
        data = wb.constant(p.defaultValue().get(), type, where, p.span());
      } else if (Types.isOptional(type)) {
        data = Optional.of(new BindingData.Static(new Literal.NoneValue()));
      } else if (p.type() instanceof io.flytemigrate.ir.IrType.TaskStatus) {
        data = Optional.of(new BindingData.Static(FinalStatus.of(t.id(), finalState, type)));
      } else {
        ctx.parity.dropped("binding", where, t.span(), "the input has no value and no default");
        data = Optional.empty();
      }
      data.ifPresent(d -> bindings.add(new Binding(var, d)));
      if (data.isEmpty() && !Types.isOptional(type)) {
        missing.add(p.name());
      }
    }
    if (!missing.isEmpty()) {
      ctx.parity.dropped("task", t.id(), t.span(), "required input `" + String.join("`, `", missing)
          + "` has no Flyte value (see the binding rows), so the node would not compile");
      ctx.warn(io.flytemigrate.ir.diag.Codes.ELEMENT_DROPPED, t.span(), "task `" + t.id() + "` is left out: its input `"
          + missing.get(0) + "` has no Flyte value", "see the parity report for why the value could not be translated");
      return Optional.empty();
    }
    String id = wb.nodeIds.claim(dns(t.id()), Names::dnsify);
    Node node = new Node(id, metadata, bindings, wb.upstream(bindings, after, Optional.empty()), target, t.id(), t.span());
    if (c instanceof Component.OpaqueComponent oc) {
      Placeholders.row(wb, t, oc, tasks.placeholder(oc, t), id);
    }
    if (registerAs.isPresent()) {
      Map<String, LiteralType> types = new LinkedHashMap<>();
      for (Variable v : iface.outputs()) {
        types.put(v.name(), v.type());
      }
      wb.irNodes.put(registerAs.get(), new WorkflowBuilder.NodeOut(id, outVars, types));
    }
    return Optional.of(node);
  }

  static String dns(String s) {
    String d = Names.dnsify(s);
    return d.isEmpty() ? "node" : d;
  }

  /**
   * Finishes a workflow: binds its outputs, registers it with its default launch plan, and
   * returns it with the names of its IR inputs and outputs.
   */
  LoweredWorkflow finish(WorkflowBuilder wb, List<Graph.GraphOutput> outputs, Optional<Node> failureNode,
      Optional<String> description, String sourceGraph, Span span) {
    return finish(wb, outputs, Map.of(), failureNode, description, sourceGraph, span);
  }

  /** As above, with the output variables named by {@code rename} (IR output name to variable) where given. */
  LoweredWorkflow finish(WorkflowBuilder wb, List<Graph.GraphOutput> outputs, Map<String, String> rename,
      Optional<Node> failureNode, Optional<String> description, String sourceGraph, Span span) {
    List<Variable> outVars = new ArrayList<>();
    List<Binding> outBindings = new ArrayList<>();
    Map<String, String> outNames = new LinkedHashMap<>();
    NameTable names = new NameTable("_").reserve(Names.PYTHON_KEYWORDS);
    List<Graph.GraphOutput> usable = new ArrayList<>();
    for (Graph.GraphOutput o : outputs) {
      if (!o.sources().isEmpty() && wb.output(o.sources().get(0).task(), o.sources().get(0).output()).isPresent()) {
        usable.add(o);
      } else {
        ctx.parity.dropped("output", o.name(), o.span(), "its source has no Flyte counterpart");
      }
    }
    for (Graph.GraphOutput o : usable) {
      Graph.Source s = o.sources().get(0);
      BindingData data = wb.output(s.task(), s.output()).orElseThrow();
      LiteralType type = wb.outputType(s.task(), s.output()).orElseThrow();
      String var = rename.containsKey(o.name()) ? names.claim(rename.get(o.name()))
          : usable.size() == 1 ? "o0" : names.claim(Names.identifier(Names.withoutChannelPrefix(o.name())));
      outNames.put(o.name(), var);
      outVars.add(new Variable(var, type, var));
      outBindings.add(new Binding(var, data));
      if (wb.role == WorkflowDef.Role.PIPELINE) {
        ctx.parity.exact("output", o.name(), o.span(), "workflow output `" + var + "`");
      }
    }
    Map<String, String> inNames = new LinkedHashMap<>();
    wb.inputsByKey().forEach((k, v) -> {
      if (k.startsWith("graph:")) {
        inNames.put(k.substring("graph:".length()), v.name());
      }
    });
    if (wb.nodes.isEmpty()) {
      noOp(wb, sourceGraph, span);
    }
    WorkflowDef def = new WorkflowDef(wb.id, new TypedInterface(wb.inputVariables(), outVars), wb.nodes, outBindings,
        failureNode, WorkflowDef.FailurePolicy.FAIL_IMMEDIATELY, false, wb.role,
        new io.flytemigrate.flyte.model.PythonRef(wb.module, wb.pythonName), description, sourceGraph, span);
    ctx.workflows.add(def);
    List<Parameter> params = new ArrayList<>();
    for (Variable v : wb.inputVariables()) {
      params.add(new Parameter(v.name(), v.type(), wb.defaults.getOrDefault(v.name(), Optional.empty())));
    }
    ctx.launchPlans.add(new LaunchPlanDef(ctx.id(Identifier.ResourceType.LAUNCH_PLAN, wb.id.name()), wb.id, params,
        List.of(), Optional.empty(), List.of(), List.of(), "", java.util.OptionalInt.empty(), true, def.python()));
    return new LoweredWorkflow(def, inNames, outNames);
  }

  /**
   * Gives a workflow that would have no node flytekit's no-op task as its one node: the Flyte
   * compiler rejects an empty workflow (NoNodesFound), and a source graph whose tasks are all left
   * out, or are importers (which become workflow inputs), would be one.
   */
  private void noOp(WorkflowBuilder wb, String sourceGraph, Span span) {
    TaskLowering.LoweredTask echo = tasks.echo();
    String id = wb.nodeIds.claim("no-op", Names::dnsify);
    wb.nodes.add(new Node(id, NodeMetadata.named("no-op"), List.of(), List.of(),
        new NodeTarget.TaskCall(echo.def().id(), Optional.empty()), "", Span.NONE));
    ctx.parity.approximated("workflow", sourceGraph, span, wb.id.name() + "/" + id,
        "nothing in it runs in Flyte (its tasks are left out or are workflow inputs), and a Flyte workflow needs a node:"
            + " it runs flytekit's no-op `Echo` task, which needs the echo plugin");
  }

  /** IR graph inputs a graph's nodes read, in first-use order. */
  static Set<String> usedInputs(Graph g) {
    Set<String> used = new LinkedHashSet<>();
    for (io.flytemigrate.ir.Node n : g.nodes()) {
      for (InputBinding b : n.inputs()) {
        graphInputs(b.value(), used);
      }
    }
    return used;
  }

  private static void graphInputs(io.flytemigrate.ir.Binding b, Set<String> out) {
    if (b instanceof io.flytemigrate.ir.Binding.GraphInput g) {
      out.add(g.input());
    } else if (b instanceof io.flytemigrate.ir.Binding.Field f) {
      graphInputs(f.base(), out);
    }
  }
}
