package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Condition;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.Fields;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Maps the DAG and steps templates of a workflow to graphs. A task that runs a container (or
 * other executable) template is a {@link Node.TaskNode}; one that runs a DAG or steps template
 * is a {@link Node.LoopNode} with {@code withItems}/{@code withParam}/{@code withSequence}, a
 * {@link Node.ConditionNode} with {@code when}, and otherwise a call of a nested pipeline ({@link
 * Component.PipelineComponent}). Steps run group after group. Arguments become bindings: to the
 * graph's inputs, to sibling outputs, to the loop item, to workflow parameters (threaded through
 * every graph in between as {@code pipelinechannel--} inputs) or to constants. A template that
 * runs itself is reported: Flyte has no recursion.
 */
final class DagMapper {
  private final WorkflowContext ctx;
  private final DiagnosticSink sink;
  private final Templates templates;
  private final ContainerTemplates containers;
  private final Map<String, ContainerTemplates.Built> executables = new LinkedHashMap<>();
  private final Map<String, Graph> pipelines = new LinkedHashMap<>();
  private final Map<String, Optional<String>> pipelineDescriptions = new LinkedHashMap<>();
  private final Set<String> used = new LinkedHashSet<>();
  private final Set<String> recursive = new LinkedHashSet<>();
  private final Map<String, Span> external = new LinkedHashMap<>();
  /** How deep DAGs may nest before the reader stops, so a hostile file cannot exhaust the stack. */
  private static final int MAX_NESTING = 100;
  private final Deque<String> building = new ArrayDeque<>();
  /** Nodes whose `depends` names results explicitly, so a skipped dependency is not fine. */
  private final Set<String> strict = new LinkedHashSet<>();

  private final ArgumentBindings arguments;
  private final InputTypes types;
  private final LoopMapper loops;
  private final Conditions conditions;

  DagMapper(WorkflowContext ctx, Templates templates) {
    this.ctx = ctx;
    this.sink = ctx.sink();
    this.templates = templates;
    this.containers = new ContainerTemplates(ctx);
    this.arguments = new ArgumentBindings(sink, templates, this);
    this.types = new InputTypes(templates, this);
    this.loops = new LoopMapper(ctx, this, arguments, types);
    this.conditions = new Conditions(sink, arguments);
  }

  /** The components built, in the order of their templates in the file. */
  List<Component> components() {
    List<Component> out = new ArrayList<>();
    for (Templates.Template t : templates.all()) {
      ContainerTemplates.Built b = executables.get(t.name());
      if (b != null) {
        out.add(b.component());
      }
      Graph g = pipelines.get(t.name());
      if (g != null) {
        out.add(new Component.PipelineComponent(t.name(), pipelineDescriptions.getOrDefault(t.name(), Optional.empty()), g, t.span()));
      }
      if (b == null && g == null && recursive.contains(t.name())) {
        out.add(new Component.OpaqueComponent(t.name(), new Interface(ArgumentBindings.inputsOf(t), List.of()), "argo-recursive-dag",
            ctx.raw(t.node().span()), t.span()));
      }
    }
    external.forEach((id, span) -> out.add(new Component.OpaqueComponent(id, Interface.EMPTY, "argo-template-ref", "", span)));
    return out;
  }

  /** Warns about templates nothing runs. */
  void reportUnused(Set<String> alsoUsed) {
    for (Templates.Template t : templates.all()) {
      if (!used.contains(t.name()) && !alsoUsed.contains(t.name())) {
        Messages.report(sink, Codes.UNUSED_TEMPLATE, t.span(), "template `" + t.name() + "` is not run by the workflow and is left out");
      }
    }
  }

  /** The pipeline component a plain call of a DAG template runs, if one was built. */
  Optional<Graph> pipeline(String template) {
    return Optional.ofNullable(pipelines.get(template));
  }

  /** Reads the entrypoint DAG or steps template as the root graph. */
  Graph root(Templates.Template t, List<Port> pipelineInputs) {
    used.add(t.name());
    Scope scope = new Scope(t.name(), true, pipelineInputs, ctx);
    return body(t, scope, false).graph();
  }

  /** Records that a template is run. */
  void markUsed(String template) {
    used.add(template);
  }

  /** Builds (once) the component of an executable template. */
  ContainerTemplates.Built executable(Templates.Template t) {
    return executable(t, Map.of());
  }

  /**
   * Builds (once) the component of an executable template; {@code hints} type the inputs the
   * template leaves untyped (the types of what the first call binds to them).
   */
  ContainerTemplates.Built executable(Templates.Template t, Map<String, IrType> hints) {
    used.add(t.name());
    return executables.computeIfAbsent(t.name(), n -> containers.build(t, hints));
  }

  InputTypes types() {
    return types;
  }

  // ---- graphs -------------------------------------------------------------------------------

  record BuiltGraph(Graph graph, OptionalInt parallelism) {}

  /** The graph of a DAG or steps template in a scope made for it. */
  BuiltGraph body(Templates.Template t, Scope scope, boolean collected) {
    building.push(t.name());
    try {
      String where = "template `" + t.name() + "`";
      Fields f = new Fields(t.node(), where, sink);
      f.ignore("name");
      f.map("metadata").ifPresent(m -> {
        m.ignore("labels", "annotations");
        m.done();
      });
      TemplatePorts.Ports ports = TemplatePorts.read(f, t.name(), TypeRecovery.none(), sink);
      if (!scope.root) {
        ports.inputs().forEach(p -> scope.inputs.putIfAbsent(p.name(), InputTypes.retype(p, scope.argTypes.get(p.name()))));
      }
      OptionalInt parallelism = f.integer("parallelism").map(n -> OptionalInt.of(n.intValue())).orElse(OptionalInt.empty());
      List<Node> nodes = new ArrayList<>();
      if (t.kind() == Templates.Kind.DAG) {
        Optional<Fields> dag = f.map("dag");
        if (dag.isPresent()) {
          List<Fields> tasks = new ArrayList<>();
          List<DocMap> raws = new ArrayList<>();
          for (DocNode n : dag.get().seq("tasks")) {
            Fields.of(n, "a task of " + where, sink).ifPresent(x -> {
              tasks.add(x);
              raws.add((DocMap) n);
            });
          }
          declare(tasks, raws, scope);
          for (Fields task : tasks) {
            node(task, scope, List.of(), "tasks").ifPresent(nodes::add);
          }
          for (String k : new String[] {"target", "failFast"}) {
            if (dag.get().has(k)) {
              dag.get().ignore(k);
              Messages.report(sink, Codes.UNTRANSLATED_SETTING, dag.get().keySpan(k), "`" + k + "` of " + where + " is not translated");
            }
          }
          dag.get().done();
        }
      } else {
        List<List<Fields>> groups = new ArrayList<>();
        List<Fields> all = new ArrayList<>();
        List<DocMap> raws = new ArrayList<>();
        for (DocNode g : f.seq("steps")) {
          List<Fields> group = new ArrayList<>();
          List<DocNode> items = g instanceof DocNode.DocSeq s ? s.items() : List.of(g);
          for (DocNode n : items) {
            Fields.of(n, "a step of " + where, sink).ifPresent(x -> {
              group.add(x);
              all.add(x);
              raws.add((DocMap) n);
            });
          }
          groups.add(group);
        }
        declare(all, raws, scope);
        List<String> previous = List.of();
        for (List<Fields> group : groups) {
          List<String> names = new ArrayList<>();
          for (Fields step : group) {
            Optional<Node> n = node(step, scope, previous, "steps");
            n.ifPresent(nodes::add);
            n.ifPresent(x -> names.add(x.id()));
          }
          previous = names;
        }
      }
      nodes = Conditions.skippedIsFine(nodes, scope, strict);
      List<Graph.GraphOutput> outputs = new ArrayList<>();
      for (TemplatePorts.OutputSource o : ports.outputSources()) {
        Optional<ArgoRef> ref = ArgoText.single(o.expression());
        if (ref.isPresent() && (ref.get().kind() == ArgoRef.Kind.TASK_PARAMETER || ref.get().kind() == ArgoRef.Kind.TASK_ARTIFACT)) {
          arguments.checkTaskOutput(ref.get(), scope, o.span());
          outputs.add(new Graph.GraphOutput(o.name(), List.of(new Graph.Source(ref.get().scope(), ref.get().name())), false, collected,
              o.span()));
        } else {
          Messages.report(sink, Codes.UNKNOWN_REFERENCE, o.span(), "output `" + o.name() + "` of " + where + " comes from `" + o.expression()
              + "`, which is not a task output; it is left out");
        }
      }
      for (String k : new String[] {"retryStrategy", "activeDeadlineSeconds", "timeout", "nodeSelector", "tolerations", "affinity",
          "failFast", "synchronization", "memoize", "volumes", "podSpecPatch", "serviceAccountName", "securityContext"}) {
        if (f.has(k)) {
          f.ignore(k);
          Messages.report(sink, Codes.UNTRANSLATED_SETTING, f.keySpan(k), "`" + k + "` of " + where + " (a dag or steps template) is not translated");
        }
      }
      f.done();
      List<Port> inputs = new ArrayList<>(scope.inputs.values());
      inputs.addAll(scope.globals.values());
      return new BuiltGraph(new Graph(new Interface(inputs, ports.outputs()), nodes, outputs, t.span()), parallelism);
    } finally {
      building.pop();
    }
  }

  private void declare(List<Fields> tasks, List<DocMap> raws, Scope scope) {
    Map<String, Span> seen = new LinkedHashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      Fields task = tasks.get(i);
      DocMap m = raws.get(i);
      Optional<String> name = Templates.text(m, "name");
      if (name.isEmpty()) {
        continue;
      }
      Span span = task.valueSpan("name");
      Span first = seen.putIfAbsent(name.get(), span);
      if (first != null) {
        sink.report(Messages.of(Codes.DUPLICATE_NAME, span, "task `" + name.get() + "` is defined twice in " + scope.where())
            .withLabel(first, "first defined here"));
        continue;
      }
      String template = Templates.text(m, "template").orElse("");
      scope.tasks.put(name.get(), template);
    }
  }

  // ---- nodes --------------------------------------------------------------------------------

  private Optional<Node> node(Fields task, Scope scope, List<String> implicitAfter, String word) {
    Optional<String> maybeName = task.requireString("name");
    if (maybeName.isEmpty()) {
      task.ignore("template", "arguments", "dependencies", "depends", "when", "withItems", "withParam", "withSequence");
      task.done();
      return Optional.empty();
    }
    String name = maybeName.get();
    Span span = task.valueSpan("name");
    String what = (word.equals("steps") ? "step `" : "task `") + name + "`";
    Optional<String> templateName = task.string("template");
    Optional<Templates.Template> target = templateName.flatMap(templates::get);
    String componentId = templateName.orElse("");
    if (task.has("templateRef")) {
      Optional<Fields> ref = task.map("templateRef");
      String wt = ref.flatMap(r -> r.string("name")).orElse("");
      String tn = ref.flatMap(r -> r.string("template")).orElse("");
      ref.ifPresent(r -> {
        r.ignore("clusterScope");
        r.done();
      });
      componentId = wt + "/" + tn;
      external.putIfAbsent(componentId, task.keySpan("templateRef"));
      Messages.report(sink, Codes.UNDEFINED_TEMPLATE, task.keySpan("templateRef"), what + " runs template `" + tn + "` of workflow template `" + wt
          + "`, which is not in this file", "convert the workflow template too, or copy the template into this workflow");
    } else if (task.has("inline")) {
      task.ignore("inline");
      Messages.report(sink, Codes.UNSUPPORTED_TEMPLATE, task.keySpan("inline"), what + " defines its template inline, which is not translated",
          "move the template to `spec.templates` and name it in `template`");
    } else if (templateName.isEmpty()) {
      task.missing("template");
    } else if (target.isEmpty()) {
      sink.report(Messages.of(Codes.UNDEFINED_TEMPLATE, task.valueSpan("template"), what + " runs template `" + templateName.get()
          + "`, which is not defined").withHelp(Messages.oneLine("defined templates: " + String.join(", ", templates.names().stream().limit(8).toList()))));
    }

    boolean loop = task.has("withItems") || task.has("withParam") || task.has("withSequence");
    NodeInputs inputs = new NodeInputs();
    arguments.arguments(task, scope, inputs, loop ? name : null, target);

    List<String> after = new ArrayList<>(implicitAfter);
    TaskSettings.Trigger trigger = TaskSettings.Trigger.ALL_SUCCEEDED;
    for (String d : task.strings("dependencies")) {
      if (!scope.tasks.containsKey(d)) {
        Messages.report(sink, Codes.UNDEFINED_REFERENCE, task.valueSpan("dependencies"), what + " depends on `" + d + "`, which is not a task of "
            + scope.where());
      }
      after.add(d);
    }
    Optional<String> depends = task.string("depends");
    if (depends.isPresent()) {
      Depends d = Depends.parse(depends.get());
      for (String x : d.tasks()) {
        if (!scope.tasks.containsKey(x)) {
          Messages.report(sink, Codes.UNDEFINED_REFERENCE, task.valueSpan("depends"), what + " depends on `" + x + "`, which is not a task of "
              + scope.where());
        }
        if (!after.contains(x)) {
          after.add(x);
        }
      }
      trigger = d.trigger();
      if (depends.get().contains(".")) {
        strict.add(scope.template + "\u0000" + name);
      }
      if (!d.exact()) {
        Messages.report(sink, Codes.APPROXIMATED_DEPENDS, task.valueSpan("depends"), "`depends: " + depends.get() + "` of " + what
            + " is approximated: the task runs when " + describe(d.trigger()), "check that this is acceptable, or split the task");
      }
    }
    Optional<String> when = task.string("when");
    Span whenSpan = task.valueSpan("when");
    for (String k : new String[] {"continueOn", "onExit", "hooks"}) {
      if (task.has(k)) {
        task.ignore(k);
        Messages.report(sink, Codes.UNTRANSLATED_SETTING, task.keySpan(k), "`" + k + "` of " + what + " is not translated");
      }
    }

    if (target.isEmpty()) {
      ifLoopIgnore(task);
      task.done();
      return Optional.of(new Node.TaskNode(name, name, componentId, inputs.all(), after,
          new TaskSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), trigger, span), Optional.empty(), span));
    }
    Templates.Template t = target.get();
    boolean graphTemplate = t.kind() == Templates.Kind.DAG || t.kind() == Templates.Kind.STEPS;
    if (graphTemplate && building.size() >= MAX_NESTING) {
      Messages.report(sink, Codes.LIMIT_EXCEEDED, task.valueSpan("template"), what + " runs template `" + t.name() + "` " + MAX_NESTING
          + " dags deep, more than the reader follows", "real pipelines nest a few levels; check that the file is what you meant to convert");
      ifLoopIgnore(task);
      task.done();
      return Optional.of(new Node.TaskNode(name, name, t.name(), inputs.all(), after,
          new TaskSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), trigger, span), Optional.empty(), span));
    }
    if (graphTemplate && building.contains(t.name())) {
      recursive.add(t.name());
      used.add(t.name());
      sink.report(Messages.of(Codes.RECURSIVE_TEMPLATE, task.valueSpan("template"), what + " of template `" + building.peek()
          + "` runs template `" + t.name() + "`, " + cycle(t.name()) + ": a recursion, which a static flyte workflow cannot express")
          .withHelp("unroll the recursion into a loop with a fixed number of rounds, run the repetition inside one task, or "
              + "write it as a flyte `@dynamic` workflow, which may launch itself again"));
      ifLoopIgnore(task);
      task.done();
      return Optional.of(new Node.TaskNode(name, name, t.name(), inputs.all(), after,
          new TaskSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), trigger, span), Optional.empty(), span));
    }
    if (loop) {
      Node n = loops.loopNode(task, name, what, span, t, scope, inputs, after, trigger, when, whenSpan);
      task.done();
      return Optional.of(n);
    }
    if (graphTemplate && when.isPresent()) {
      used.add(t.name());
      Scope inner = new Scope(t.name(), false, List.of(), ctx);
      inner.argTypes.putAll(types.argTypes(inputs, scope, Map.of()));
      Condition condition = conditions.condition(when.get(), whenSpan, scope, inputs, what);
      BuiltGraph body = body(t, inner, false);
      bindGlobals(inner.globals, scope, inputs, span);
      task.done();
      Graph g = withPorts(body.graph(), inputs.added());
      return Optional.of(new Node.ConditionNode(name, name, inputs.all(), after, condition, g, span));
    }
    if (graphTemplate) {
      Graph g = pipelineOf(t, types.argTypes(inputs, scope, Map.of()));
      bindCalleeGlobals(g.iface(), scope, inputs, span);
      task.done();
      return Optional.of(new Node.TaskNode(name, name, t.name(), inputs.all(), after,
          new TaskSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), trigger, span), Optional.empty(), span));
    }
    ContainerTemplates.Built b = executable(t);
    bindCalleeGlobals(b.component().iface(), scope, inputs, span);
    Optional<Condition> condition = when.map(w -> conditions.condition(w, whenSpan, scope, inputs, what));
    task.done();
    String display = b.settings().displayName().orElse(name);
    return Optional.of(new Node.TaskNode(name, display, t.name(), inputs.all(), after, b.settings().toTask(trigger, span), condition,
        span));
  }

  /**
   * How the template being built runs {@code template} again: the templates from {@code
   * template} to the one whose task calls it, as {@code which runs `b`, which runs `c`}.
   */
  private String cycle(String template) {
    List<String> chain = new ArrayList<>(building);
    Collections.reverse(chain);
    List<String> loop = chain.subList(chain.lastIndexOf(template), chain.size());
    if (loop.size() == 1) {
      return "which is the template itself";
    }
    StringBuilder b = new StringBuilder();
    for (String n : loop.subList(1, loop.size())) {
      b.append(b.length() == 0 ? "" : ", ").append("which runs `").append(n).append('`');
    }
    return b.toString();
  }

  private static String describe(TaskSettings.Trigger t) {
    return switch (t) {
      case ALL_DONE -> "every task it names has finished, whatever the outcome";
      case ALL_SUCCEEDED -> "every task it names has succeeded";
      case ALL_FAILED -> "every task it names has failed";
      case ALL_SKIPPED -> "every task it names was skipped";
      case ONE_SUCCESS -> "one task it names has succeeded";
      default -> t.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }

  private static void ifLoopIgnore(Fields task) {
    task.ignore("withItems", "withParam", "withSequence", "when");
  }

  /** Builds (once) the nested pipeline of a DAG or steps template that is run as a task. */
  Graph pipelineOrBuild(Templates.Template t) {
    return pipelineOf(t, Map.of());
  }

  /** The nested pipeline a plain call of a DAG or steps template runs; built once. */
  private Graph pipelineOf(Templates.Template t, Map<String, IrType> argTypes) {
    used.add(t.name());
    Graph g = pipelines.get(t.name());
    if (g == null) {
      Scope scope = new Scope(t.name(), false, List.of(), ctx);
      scope.argTypes.putAll(argTypes);
      g = body(t, scope, false).graph();
      pipelines.put(t.name(), g);
    }
    return g;
  }

  // ---- workflow parameters ------------------------------------------------------------------

  /** Binds the workflow parameters a body needs, from the enclosing scope. */
  void bindGlobals(Map<String, Port> needed, Scope scope, NodeInputs inputs, Span span) {
    for (String local : needed.keySet()) {
      String global = local.substring(TemplateArgs.GLOBAL_PREFIX.length());
      if (!inputs.has(local)) {
        inputs.argument(local, scope.global(global, "{{workflow.parameters." + global + "}}", span), span);
      }
    }
  }

  /** Binds the workflow-parameter inputs a called component or pipeline gained. */
  private void bindCalleeGlobals(Interface callee, Scope scope, NodeInputs inputs, Span span) {
    for (Port p : callee.inputs()) {
      if (p.name().startsWith(TemplateArgs.GLOBAL_PREFIX) && !p.span().isKnown() && !inputs.has(p.name())) {
        String global = p.name().substring(TemplateArgs.GLOBAL_PREFIX.length());
        inputs.argument(p.name(), scope.global(global, "{{workflow.parameters." + global + "}}", span), span);
      }
    }
  }

  /** A body graph with the ports the node added inputs for. */
  static Graph withPorts(Graph g, List<?> extra) {
    List<Port> inputs = new ArrayList<>(g.iface().inputs());
    for (Object o : extra) {
      Port p = o instanceof Port port ? port
          : new Port(((InputBinding) o).input(), IrType.primitive(IrType.Scalar.STRING), false, false, Optional.empty(), Optional.empty(),
              ((InputBinding) o).span());
      if (inputs.stream().noneMatch(x -> x.name().equals(p.name()))) {
        inputs.add(p);
      }
    }
    return new Graph(new Interface(inputs, g.iface().outputs()), g.nodes(), g.outputs(), g.span());
  }
}
