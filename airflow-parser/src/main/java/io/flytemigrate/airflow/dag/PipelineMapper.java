package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one evaluated DAG into a {@link Pipeline}: params become pipeline inputs, each task a
 * component and a node (mapped tasks a loop), explicit edges the nodes' {@code after} lists and
 * XCom arguments their bindings, DAG settings the pipeline settings. The same mapping serves DAG
 * files and serialized DAGs. Values passed without a type (unannotated TaskFlow parameters and
 * returns) then take the type of what they are connected to ({@link TypeInference}).
 *
 * <p>An {@code EmptyOperator} becomes a node calling {@code comp-empty}, a nested pipeline with
 * no nodes: it keeps its id, edges and trigger rule (joins after branches depend on them), and
 * an emitter may drop it by connecting its upstream nodes to its downstream ones.
 */
public final class PipelineMapper {
  /** The id of the shared ordering-only component. */
  public static final String EMPTY_COMPONENT = "comp-empty";

  private static final Set<String> DAG_TYPED = Set.of("dag_id", "description", "schedule", "schedule_interval", "timetable",
      "tags", "params", "default_args", "dag_display_name");

  private final MappingOptions options;

  public MappingOptions options() {
    return options;
  }

  public PipelineMapper(MappingOptions options) {
    this.options = options;
  }

  /**
   * @param version the Airflow line the DAG is written for ({@code 2.x}, {@code 3.x}), which
   *     decides defaults that changed between versions
   */
  public Pipeline map(DagModel dag, String file, Optional<String> version, String format, DiagnosticSink sink) {
    DagScope scope = new DagScope(dag, sink, options, file);
    List<Attribute> pipelineAttributes = new ArrayList<>();
    Params.declare(dag, scope, pipelineAttributes);
    List<TaskModel> tasks = new ArrayList<>(dag.tasks());
    tasks.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
    for (TaskModel t : tasks) {
      preScan(t, scope);
    }
    List<Node> nodes = new ArrayList<>();
    for (TaskModel t : tasks) {
      nodes.add(node(t, scope));
    }
    Optional<io.flytemigrate.ir.Schedule> schedule = Schedules.of(dag, scope, version, pipelineAttributes);
    List<String> tags = tags(dag, scope);
    for (Kwarg k : dag.kwargs().values()) {
      if (DAG_TYPED.contains(k.name()) || k.value() instanceof PyValue.None) {
        continue;
      }
      if (k.value() instanceof PyValue.Unknown u && scope.once("dag-arg@" + k.name())) {
        scope.report(Codes.AIRFLOW_UNRESOLVED, k.span(), "argument `" + k.name() + "` of dag `" + dag.dagId()
            + "` cannot be computed statically: " + u.why(), "it is kept as written (`" + TaskIo.oneLine(u.raw()) + "`)");
      }
      pipelineAttributes.add(new Attribute(k.name(), IrValues.value(k.value()), k.span()));
    }
    if (dag.doc().isPresent() && dag.kwarg("doc_md").isEmpty()) {
      pipelineAttributes.add(new Attribute("doc_md", new Value.Str(dag.doc().get()), dag.span()));
    }
    for (Kwarg k : dag.defaultArgs().values()) {
      if (k.value() instanceof PyValue.Unknown u && !Effective.SETTINGS.contains(k.name()) && scope.once("default:" + k.name())) {
        scope.report(Codes.AIRFLOW_UNRESOLVED, k.span(), "`default_args` key `" + k.name() + "` of dag `" + dag.dagId()
            + "` cannot be computed statically: " + u.why(), "it is kept as written (`" + TaskIo.oneLine(u.raw()) + "`)");
      }
    }
    if (scope.inputs.containsKey(DagScope.LOGICAL_DATE)) {
      pipelineAttributes.add(new Attribute("airflow.logical_date_input", new Value.Str(DagScope.LOGICAL_DATE), Span.NONE));
    }
    Graph root = new Graph(new Interface(new ArrayList<>(scope.inputs.values()), List.of()), nodes, List.of(), dag.span());
    List<Component> components = TypeInference.infer(scope.components, root);
    Pipeline.PipelineSettings settings = new Pipeline.PipelineSettings(Optional.empty(), Optional.empty(), schedule, tags,
        pipelineAttributes, dag.span());
    Optional<String> display = dag.kwarg("dag_display_name").map(Kwarg::value).filter(v -> v instanceof PyValue.Str)
        .map(v -> ((PyValue.Str) v).value());
    Optional<String> description = dag.kwarg("description").map(Kwarg::value).filter(v -> v instanceof PyValue.Str)
        .map(v -> ((PyValue.Str) v).value());
    return new Pipeline(dag.dagId(), display, description, new Pipeline.SourceInfo(file, format, version, Optional.empty()),
        components, root, settings, dag.span());
  }

  /** Records which outputs of which tasks are read, before any component is built. */
  private static void preScan(TaskModel t, DagScope scope) {
    List<PyValue> values = new ArrayList<>();
    t.kwargs().values().forEach(k -> values.add(k.value()));
    t.callArgs().forEach(a -> values.add(a.value()));
    t.mapping().ifPresent(m -> {
      m.expand().forEach(k -> values.add(k.value()));
      m.expandKwargs().ifPresent(k -> values.add(k.value()));
    });
    for (PyValue v : values) {
      scan(v, scope, 0);
    }
  }

  private static void scan(PyValue v, DagScope scope, int depth) {
    if (depth > 30) {
      return;
    }
    if (v instanceof PyValue.XCom x) {
      scope.useOutput(x.task(), x.key());
    } else if (v instanceof PyValue.TaskRef r) {
      scope.useOutput(r.task(), PyValue.XCom.RETURN_VALUE);
    } else if (v instanceof PyValue.Str s && s.value().contains("xcom_pull")) {
      for (Jinja.Piece p : Jinja.parse(s.value())) {
        if (p instanceof Jinja.XComPull x) {
          scope.dag.task(x.task()).ifPresent(up -> scope.useOutput(up, x.key()));
        }
      }
    } else if (v instanceof PyValue.ListV l) {
      l.items().forEach(i -> scan(i, scope, depth + 1));
    } else if (v instanceof PyValue.DictV d) {
      d.entries().values().forEach(i -> scan(i, scope, depth + 1));
    } else if (v instanceof PyValue.Obj o) {
      o.args().forEach(i -> scan(i, scope, depth + 1));
      o.kwargs().values().forEach(i -> scan(i, scope, depth + 1));
    }
  }

  private Node node(TaskModel t, DagScope scope) {
    Effective e = Effective.of(t);
    TaskIo io = new TaskIo(scope, t);
    List<Attribute> attrs = new ArrayList<>();
    attrs.add(new Attribute("airflow.operator", new Value.Str(t.qualifiedName()), Span.NONE));
    t.group().ifPresent(g -> attrs.add(new Attribute("airflow.task_group", new Value.Str(g.id()), g.span())));
    if (!t.labels().isEmpty()) {
      List<Value.Entry> labels = new ArrayList<>();
      for (Map.Entry<String, String> l : t.labels().entrySet()) {
        labels.add(new Value.Entry(l.getKey(), new Value.Str(l.getValue())));
      }
      attrs.add(new Attribute("airflow.edge_labels", new Value.MapValue(labels), t.span()));
    }
    if (t.setup()) {
      attrs.add(new Attribute("airflow.setup", new Value.Bool(true), t.span()));
    }
    if (t.teardown()) {
      attrs.add(new Attribute("airflow.teardown", new Value.Bool(true), t.span()));
    }
    Operators.Kind kind = Operators.kind(t);
    String component = switch (kind) {
      case EMPTY -> empty(scope, t.span());
      case BASH -> ContainerTasks.bash(t, e, io, attrs, scope);
      case PYTHON -> PythonTasks.build(t, e, io, attrs, scope);
      case KUBERNETES -> KubernetesTasks.build(t, e, io, attrs, scope);
      case DOCKER -> ContainerTasks.docker(t, e, io, attrs, scope);
      case OPAQUE -> OpaqueTasks.build(t, e, io, scope);
    };
    if (kind == Operators.Kind.EMPTY) {
      for (Kwarg k : e.operatorArgs(false)) {
        attrs.add(new Attribute(k.name(), IrValues.value(k.value()), k.span()));
      }
    }
    TaskSettings settings = Settings.of(t, e, scope, attrs);
    List<String> after = new ArrayList<>();
    for (String up : t.upstream()) {
      if (scope.dag.task(up).isPresent()) {
        after.add(up);
      }
    }
    String display = e.value("task_display_name") instanceof PyValue.Str s ? s.value() : t.id();
    boolean mapped = t.mapping().isPresent();
    Node.TaskNode node = new Node.TaskNode(t.id(), display, component, io.bindings, mapped ? List.of() : after, settings,
        Optional.empty(), t.span());
    if (!mapped) {
      return node;
    }
    Optional<IrType> returns = scope.components.stream().filter(c -> c.id().equals(component)).findFirst()
        .flatMap(c -> c.iface().output(PyValue.XCom.RETURN_VALUE)).map(Port::type);
    return Mapping.wrap(node, t, returns, after, scope);
  }

  /** The shared ordering-only component, declared where the first empty operator is. */
  private static String empty(DagScope scope, Span firstUse) {
    if (scope.components.stream().noneMatch(c -> c.id().equals(EMPTY_COMPONENT))) {
      scope.componentId("empty");
      scope.addComponent(new Component.PipelineComponent(EMPTY_COMPONENT,
          Optional.of("ordering only: airflow's EmptyOperator runs nothing"),
          new Graph(Interface.EMPTY, List.of(), List.of(), Span.NONE), firstUse));
    }
    return EMPTY_COMPONENT;
  }

  private static List<String> tags(DagModel dag, DagScope scope) {
    List<String> tags = new ArrayList<>();
    Optional<Kwarg> k = dag.kwarg("tags");
    if (k.isEmpty() || k.get().value() instanceof PyValue.None) {
      return tags;
    }
    if (k.get().value() instanceof PyValue.ListV l) {
      for (PyValue v : l.items()) {
        if (v instanceof PyValue.Str s) {
          tags.add(s.value());
        } else {
          scope.report(Codes.AIRFLOW_UNRESOLVED, k.get().span(), "a tag of dag `" + dag.dagId() + "` cannot be computed"
              + " statically: " + (v instanceof PyValue.Unknown u ? u.why() : "it is not a string"), "write tags as strings");
        }
      }
    } else {
      scope.report(Codes.AIRFLOW_UNRESOLVED, k.get().span(), "the tags of dag `" + dag.dagId() + "` cannot be computed"
          + " statically", "write the tags as a list of strings");
    }
    return tags;
  }
}
