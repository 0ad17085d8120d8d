package io.flytemigrate.flyte.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskKind;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.parity.ParityEntry;
import io.flytemigrate.ir.spi.OutputFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Opaque components become placeholder nodes that keep their place in the graph, and no workflow
 * is ever empty: each rule on a small pipeline built here.
 */
class PlaceholderLoweringTest {
  private static final Span S = Span.at("dag.py", 3, 5);
  private static final IrType STR = IrType.primitive(IrType.Scalar.STRING);
  private static final TaskSettings PLAIN = new TaskSettings(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), TaskSettings.Trigger.ALL_SUCCEEDED, S);
  private static final String SENSOR_SOURCE = "S3KeySensor(\n        task_id=\"wait\",\n        bucket_key=\"s3://b/k\",\n"
      + "    )";

  private static Port port(String name, IrType t) {
    return new Port(name, t, false, false, Optional.empty(), Optional.empty(), S);
  }

  private static Span at(int line) {
    return Span.at("dag.py", line, 5);
  }

  private static Component container(String id, String image, List<Port> inputs) {
    return new Component.ContainerComponent(id, new Interface(inputs, List.of()), Optional.empty(),
        new ContainerSpec(image, List.of(new Arg.Literal("echo")), List.of(), List.of(), Resources.NONE,
            KubernetesSettings.NONE, S), S);
  }

  private static io.flytemigrate.ir.Node.TaskNode task(String id, String component, List<InputBinding> inputs,
      List<String> after, TaskSettings settings, int line) {
    return new io.flytemigrate.ir.Node.TaskNode(id, id, component, inputs, after, settings, Optional.empty(), at(line));
  }

  private static Pipeline pipeline(List<Component> components, List<io.flytemigrate.ir.Node> nodes) {
    return new Pipeline("dag", Optional.empty(), Optional.empty(),
        new Pipeline.SourceInfo("dag.py", "airflow", Optional.empty(), Optional.empty()), components,
        new Graph(Interface.EMPTY, nodes, List.of(), S), Pipeline.PipelineSettings.NONE, S);
  }

  /** extract (container) -> wait (a sensor, fed by extract's output) -> load (container, after wait). */
  private static Pipeline sensorBetweenTasks() {
    Component extract = new Component.ContainerComponent("comp-extract",
        new Interface(List.of(), List.of(port("key", STR))), Optional.empty(), new ContainerSpec("busybox:1.36",
            List.of(new Arg.Literal("echo")), List.of(), List.of(), Resources.NONE, KubernetesSettings.NONE, S), S);
    Component sensor = new Component.OpaqueComponent("comp-wait",
        new Interface(List.of(port("bucket_key", STR), port("poke_interval", IrType.primitive(IrType.Scalar.INT))),
            List.of()), "S3KeySensor", SENSOR_SOURCE, at(10));
    TaskSettings sensorSettings = new TaskSettings(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of("PT1H"), TaskSettings.Trigger.ALL_SUCCEEDED,
        List.of(new Attribute("airflow.operator", Value.str("airflow.providers.amazon.aws.sensors.s3.S3KeySensor"),
            Span.NONE)), S);
    return pipeline(List.of(extract, sensor, container("comp-load", "busybox:1.36", List.of())), List.of(
        task("extract", "comp-extract", List.of(), List.of(), PLAIN, 5),
        task("wait", "comp-wait", List.of(
            new InputBinding("bucket_key", new io.flytemigrate.ir.Binding.TaskOutput("extract", "key"), at(12)),
            new InputBinding("poke_interval", new io.flytemigrate.ir.Binding.Constant(new Value.Int(60)), at(13))),
            List.of(), sensorSettings, 10),
        task("load", "comp-load", List.of(), List.of("wait"), PLAIN, 20)));
  }

  /** create (an opaque resource op with outputs) -> use (container reading its `name`). */
  private static Pipeline opaqueOutputRead() {
    Component create = new Component.OpaqueComponent("create",
        new Interface(List.of(), List.of(port("create-name", STR), port("create-size", STR))), "argo-resource",
        "  - name: create\n    resource:\n      action: create\n", at(14));
    return pipeline(List.of(create, container("use", "busybox:1.36", List.of(port("create-name", STR)))), List.of(
        task("create", "create", List.of(), List.of(), PLAIN, 30),
        task("use", "use", List.of(new InputBinding("create-name",
            new io.flytemigrate.ir.Binding.TaskOutput("create", "create-name"), at(41))), List.of("create"), PLAIN, 40)));
  }

  private static Outcome<Lowered> lower(Pipeline p) {
    Outcome<Lowered> o = FlyteLowering.lower(p, LoweringOptions.DEFAULT);
    assertFalse(o.hasErrors(), o.diagnostics().toString());
    return o;
  }

  private static TaskDef taskOf(FlyteProject p, Node n) {
    return p.task(((NodeTarget.TaskCall) n.target()).task()).orElseThrow();
  }

  private static Node node(WorkflowDef w, String id) {
    return w.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
  }

  private static ParityEntry row(Lowered l, String kind, String source) {
    return l.parity().entries().stream().filter(e -> e.kind().equals(kind) && e.source().equals(source)).findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + source + " in " + l.parity().entries()));
  }

  private static String file(FlyteProject p, String path) {
    for (OutputFile f : FlytekitProjectWriter.write(p)) {
      if (f.path().equals(path)) {
        return new String(f.content(), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError(path);
  }

  @Test
  void anOpaqueOperatorIsANoOpPlaceholderNodeNamedAfterItsTaskThatKeepsItsEdges() {
    Lowered l = lower(sensorBetweenTasks()).value().orElseThrow();
    WorkflowDef root = l.project().pipelineWorkflow();
    assertEquals(List.of("extract", "wait", "load"), root.nodes().stream().map(Node::id).toList());
    Node wait = node(root, "wait");
    assertEquals("wait", wait.metadata().name());
    assertEquals("wait", wait.sourceTask());
    assertEquals(List.of(), wait.inputs(), "the placeholder takes no inputs");
    assertEquals(List.of("extract"), wait.upstreamNodeIds(), "reading extract's output orders it after extract");
    assertEquals(List.of("wait"), node(root, "load").upstreamNodeIds());
    TaskDef placeholder = taskOf(l.project(), wait);
    assertEquals(TaskKind.ECHO, placeholder.kind());
    assertEquals("dag.tasks.wait", placeholder.id().name());
    assertEquals("comp-wait", placeholder.sourceComponent());
    String comment = placeholder.description().orElseThrow();
    assertTrue(comment.contains("`S3KeySensor`") && comment.contains("airflow.providers.amazon.aws.sensors.s3.S3KeySensor")
        && comment.contains("    S3KeySensor(\n        task_id=\"wait\",\n        bucket_key=\"s3://b/k\",\n    )"), comment);
  }

  @Test
  void theOperatorsClassAndArgumentsAreInTheGeneratedTasksModule() {
    FlyteProject p = lower(sensorBetweenTasks()).value().orElseThrow().project();
    String tasks = file(p, "dag/tasks.py");
    assertTrue(tasks.contains("# Placeholder for component `comp-wait` (`S3KeySensor`),\n"
        + "# which has no Flyte translation.\n"
        + "# Operator class: `airflow.providers.amazon.aws.sensors.s3.S3KeySensor`.\n"
        + "# It does nothing: replace it with a task that does the same work.\n"
        + "# The source:\n"
        + "#     S3KeySensor(\n"
        + "#         task_id=\"wait\",\n"
        + "#         bucket_key=\"s3://b/k\",\n"
        + "#     )\n"
        + "wait = Echo(name=\"dag.tasks.wait\")\n"), tasks);
    assertTrue(file(p, "dag/workflows/dag.py").contains("tasks.wait().with_overrides(node_name=\"wait\")"));
  }

  @Test
  void thePlaceholderIsReportedWithTheOperatorAndOneWarning() {
    Outcome<Lowered> o = lower(sensorBetweenTasks());
    Lowered l = o.value().orElseThrow();
    ParityEntry t = row(l, "task", "wait");
    assertEquals(Fidelity.APPROXIMATED, t.status());
    assertTrue(t.reason().startsWith("placeholder for a `S3KeySensor` (`airflow.providers.amazon.aws.sensors.s3.S3KeySensor`),"
        + " which has no Flyte translation"), t.reason());
    assertEquals(Optional.of("dag.workflows.dag.dag/wait"), t.flyte());
    assertEquals(Fidelity.DROPPED, row(l, "component", "comp-wait").status());
    ParityEntry b = row(l, "binding", "`wait.bucket_key`");
    assertEquals(Fidelity.DROPPED, b.status());
    assertTrue(b.reason().endsWith("and the node still runs after `extract`"), b.reason());
    assertEquals(Fidelity.DROPPED, row(l, "binding", "`wait.poke_interval`").status());
    assertEquals(Fidelity.DROPPED, row(l, "setting", "wait: timeout").status(), "the sensor's timeout is not applied");
    List<Diagnostic> dropped = o.diagnostics().stream().filter(d -> d.code().equals(Codes.ELEMENT_DROPPED)).toList();
    assertEquals(1, dropped.size(), o.diagnostics().toString());
    assertEquals("component `comp-wait` is a `S3KeySensor`, which has no Flyte translation, so its tasks run placeholder"
        + " task `wait`, which does nothing", dropped.get(0).message());
  }

  @Test
  void anOpaqueComponentWhoseOutputsAreReadRaisesWithTypedOutputs() {
    Lowered l = lower(opaqueOutputRead()).value().orElseThrow();
    WorkflowDef root = l.project().pipelineWorkflow();
    TaskDef placeholder = taskOf(l.project(), node(root, "create"));
    assertEquals(TaskKind.PYTHON, placeholder.kind());
    assertEquals(List.of("create_name", "create_size"),
        placeholder.iface().outputs().stream().map(io.flytemigrate.flyte.model.Variable::name).toList());
    assertEquals(LiteralType.simple(LiteralType.SimpleType.STRING), placeholder.iface().outputs().get(0).type());
    String definition = ((TaskBody.PythonFunction) placeholder.body()).definition();
    assertTrue(definition.endsWith("\n    raise NotImplementedError(\"component `create` (`argo-resource`) has no Flyte"
        + " translation: replace this placeholder with a task that produces its outputs\")"), definition);
    assertTrue(definition.contains("\n    #     - name: create\n    #       resource:\n    #         action: create\n"),
        definition);
    Node use = node(root, "use");
    assertEquals(List.of(new Binding("create_name", new BindingData.Promise("create", "create_name"))), use.inputs(),
        "the reader stays bound to the placeholder's output, so the data edge is kept");
    assertTrue(row(l, "task", "create").reason().contains("raises `NotImplementedError`, since later tasks read them"));
    String tasks = file(l.project(), "dag/tasks.py");
    assertTrue(tasks.contains("@task\ndef create() -> CreateOutputs:\n    # fmt: off\n    # Placeholder for component"),
        tasks);
  }

  @Test
  void outputsReadOnlyByAnotherPlaceholderLeaveBothNoOps() {
    Component create = new Component.OpaqueComponent("comp-create", new Interface(List.of(), List.of(port("id", STR))),
        "EmrCreateJobFlowOperator", "EmrCreateJobFlowOperator(task_id=\"create\")", at(3));
    Component watch = new Component.OpaqueComponent("comp-watch", new Interface(List.of(port("job_flow_id", STR)),
        List.of()), "EmrJobFlowSensor", "EmrJobFlowSensor(task_id=\"watch\")", at(4));
    Lowered l = lower(pipeline(List.of(create, watch), List.of(
        task("create", "comp-create", List.of(), List.of(), PLAIN, 3),
        task("watch", "comp-watch", List.of(new InputBinding("job_flow_id",
            new io.flytemigrate.ir.Binding.TaskOutput("create", "id"), at(5))), List.of(), PLAIN, 4)))).value().orElseThrow();
    WorkflowDef root = l.project().pipelineWorkflow();
    assertEquals(TaskKind.ECHO, taskOf(l.project(), node(root, "create")).kind(), "a placeholder does not read outputs");
    assertEquals(TaskKind.ECHO, taskOf(l.project(), node(root, "watch")).kind());
    assertEquals(List.of("create"), node(root, "watch").upstreamNodeIds());
  }

  @Test
  void anUntypedOutputOfAPlaceholderTakesTheTypeOfTheInputThatReadsIt() {
    Component filter = new Component.OpaqueComponent("comp-filter", new Interface(List.of(),
        List.of(port("skipped", new IrType.Any()))), "filter_files", "filter_files(conn_id)", at(3));
    Component add = container("comp-add", "busybox:1.36", List.of(port("skipped_files", new IrType.ListOf(STR))));
    Lowered l = lower(pipeline(List.of(filter, add), List.of(
        task("filter", "comp-filter", List.of(), List.of(), PLAIN, 3),
        task("add", "comp-add", List.of(new InputBinding("skipped_files",
            new io.flytemigrate.ir.Binding.TaskOutput("filter", "skipped"), at(6))), List.of(), PLAIN, 5))))
        .value().orElseThrow();
    TaskDef placeholder = taskOf(l.project(), node(l.project().pipelineWorkflow(), "filter"));
    assertEquals(new LiteralType.Collection(LiteralType.simple(LiteralType.SimpleType.STRING)),
        placeholder.iface().outputs().get(0).type(), "typed as `add` expects it, so the binding type-checks");
  }

  @Test
  void aPipelineWithNoTranslatableNodeGetsOneNoOpNode() {
    Outcome<Lowered> o = lower(pipeline(List.of(container("comp-deploy", "", List.of())),
        List.of(task("deploy", "comp-deploy", List.of(), List.of(), PLAIN, 7))));
    Lowered l = o.value().orElseThrow();
    WorkflowDef root = l.project().pipelineWorkflow();
    assertEquals(1, root.nodes().size());
    Node n = root.nodes().get(0);
    assertEquals("no-op", n.id());
    assertEquals(TaskKind.ECHO, taskOf(l.project(), n).kind());
    ParityEntry w = row(l, "workflow", "dag");
    assertEquals(Fidelity.APPROXIMATED, w.status());
    assertEquals(Optional.of("dag.workflows.dag.dag/no-op"), w.flyte());
    assertEquals(Fidelity.DROPPED, row(l, "task", "deploy").status());
    assertEquals("it names no image, and a Flyte container task needs one", row(l, "component", "comp-deploy").reason());
    assertTrue(o.diagnostics().stream().anyMatch(d -> d.code().equals(Codes.ELEMENT_DROPPED)
        && d.message().equals("component `comp-deploy` names no image, so its tasks are left out")), o.diagnostics().toString());
  }

  @Test
  void anEmptyPipelineAndANestedPipelineLeftEmptyGetANoOpNodeEach() {
    Lowered empty = lower(pipeline(List.of(), List.of())).value().orElseThrow();
    assertEquals(List.of("no-op"), empty.project().pipelineWorkflow().nodes().stream().map(Node::id).toList());

    Graph inner = new Graph(Interface.EMPTY, List.of(task("gone", "comp-missing", List.of(), List.of(), PLAIN, 9)),
        List.of(), S);
    Component nested = new Component.PipelineComponent("comp-stage", Optional.empty(), inner, at(8));
    Lowered l = lower(pipeline(List.of(nested), List.of(task("stage", "comp-stage", List.of(), List.of(), PLAIN, 4))))
        .value().orElseThrow();
    WorkflowDef stage = l.project().workflows().stream().filter(w -> w.role() == WorkflowDef.Role.NESTED_PIPELINE)
        .findFirst().orElseThrow();
    assertEquals(List.of("no-op"), stage.nodes().stream().map(Node::id).toList());
    assertEquals(Fidelity.APPROXIMATED, row(l, "workflow", "comp-stage").status());
    assertEquals(Fidelity.DROPPED, row(l, "task", "gone").status());
  }

  @Test
  void sourceLinesKeepTheFirstLineAndTheRelativeIndentation() {
    assertEquals(List.of("Op(", "    a=1,", ")"), Placeholders.sourceLines("Op(\n        a=1,\n    )\n\n"));
    assertEquals(List.of("- name: x", "  resource: {}", "- next"),
        Placeholders.sourceLines("  - name: x\n    resource: {}  \n  - next"));
    assertEquals(List.of("a b"), Placeholders.sourceLines("a\u0000b"), "no control characters in a comment");
    assertEquals(List.of(), Placeholders.sourceLines(""));
  }
}
