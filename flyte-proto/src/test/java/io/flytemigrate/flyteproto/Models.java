package io.flytemigrate.flyteproto;

import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.Container;
import io.flytemigrate.flyte.model.DataLoadingConfig;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeMetadata;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.Parameter;
import io.flytemigrate.flyte.model.PythonRef;
import io.flytemigrate.flyte.model.Resources;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskKind;
import io.flytemigrate.flyte.model.TaskMetadata;
import io.flytemigrate.flyte.model.TypedInterface;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Small hand-built Flyte models for unit tests of the writers. */
public final class Models {
  public static final String VERSION = "v1";
  public static final LiteralType INT = LiteralType.simple(LiteralType.SimpleType.INTEGER);
  public static final LiteralType STR = LiteralType.simple(LiteralType.SimpleType.STRING);

  private Models() {}

  public static Identifier taskId(String name) {
    return new Identifier(Identifier.ResourceType.TASK, "", "", name, VERSION);
  }

  public static Identifier workflowId(String name) {
    return new Identifier(Identifier.ResourceType.WORKFLOW, "", "", name, VERSION);
  }

  public static Identifier planId(String name) {
    return new Identifier(Identifier.ResourceType.LAUNCH_PLAN, "", "", name, VERSION);
  }

  public static Variable var(String name, LiteralType type) {
    return new Variable(name, type, name);
  }

  public static TypedInterface iface(List<Variable> in, List<Variable> out) {
    return new TypedInterface(in, out);
  }

  public static Container container(String image, List<String> command, List<String> args) {
    return new Container(image, Optional.empty(), command, args, Resources.NONE, List.of(), Optional.empty());
  }

  public static TaskDef pythonTask(String module, String function, TypedInterface iface) {
    return new TaskDef(taskId(module + "." + function), TaskKind.PYTHON, iface, TaskMetadata.DEFAULT,
        Optional.of(container("ghcr.io/acme/etl:1.0", List.of(), List.of())), Optional.empty(), List.of(),
        new TaskBody.PythonFunction(function, "import os\n", "def " + function + "():\n    pass\n", 1,
            TaskBody.PythonFunction.Style.DIRECT),
        new PythonRef(module, function), Optional.empty(), "comp-" + function, Span.NONE);
  }

  public static TaskDef rawTask(String name, TypedInterface iface, List<String> command, List<String> args) {
    Container c = new Container("alpine:3.19", Optional.empty(), command, args, Resources.NONE, List.of(),
        Optional.of(new DataLoadingConfig(DataLoadingConfig.DEFAULT_INPUT_PATH, DataLoadingConfig.DEFAULT_OUTPUT_PATH,
            DataLoadingConfig.Format.JSON)));
    return new TaskDef(taskId(name), TaskKind.RAW_CONTAINER, iface, TaskMetadata.DEFAULT, Optional.of(c), Optional.empty(),
        List.of(), new TaskBody.ContainerCommand(), new PythonRef("pkg.tasks", name.substring(name.lastIndexOf('.') + 1)),
        Optional.empty(), "comp-" + name, Span.NONE);
  }

  public static Node call(String id, Identifier task, List<Binding> inputs, List<String> upstream) {
    return new Node(id, NodeMetadata.named(id), inputs, upstream, new NodeTarget.TaskCall(task, Optional.empty()), id, Span.NONE);
  }

  public static Node subWorkflow(String id, Identifier wf, List<Binding> inputs) {
    return new Node(id, NodeMetadata.named(id), inputs, List.of(), new NodeTarget.SubWorkflowCall(wf), id, Span.NONE);
  }

  public static Node array(String id, Node sub, OptionalInt parallelism, List<String> bound) {
    return new Node(id, NodeMetadata.named(id), sub.inputs(), List.of(), new NodeTarget.ArrayCall(sub, parallelism, 1.0, bound),
        id, Span.NONE);
  }

  public static Binding promise(String var, String node, String output) {
    return new Binding(var, new BindingData.Promise(node, output));
  }

  public static Binding input(String var, String workflowInput) {
    return new Binding(var, BindingData.Promise.input(workflowInput));
  }

  public static WorkflowDef workflow(String name, TypedInterface iface, List<Node> nodes, List<Binding> outputs,
      Optional<Node> failure, WorkflowDef.Role role) {
    return new WorkflowDef(workflowId(name), iface, nodes, outputs, failure, WorkflowDef.FailurePolicy.FAIL_IMMEDIATELY, false,
        role, new PythonRef(name.substring(0, name.lastIndexOf('.')), name.substring(name.lastIndexOf('.') + 1)),
        Optional.empty(), name, Span.NONE);
  }

  public static LaunchPlanDef defaultPlan(WorkflowDef wf, List<Parameter> params) {
    return new LaunchPlanDef(planId(wf.id().name()), wf.id(), params, List.of(), Optional.empty(), List.of(), List.of(), "",
        OptionalInt.empty(), true, wf.python());
  }

  public static FlyteProject project(List<TaskDef> tasks, List<WorkflowDef> workflows, List<LaunchPlanDef> plans) {
    return new FlyteProject("pkg", "input/pipeline.yaml", "pipeline", Optional.empty(), List.of(), tasks, workflows, plans,
        false);
  }

  /** A two-task pipeline: {@code produce} (Python) feeds {@code consume} (raw container), with parameter {@code n}. */
  public static FlyteProject twoTasks() {
    TaskDef produce = pythonTask("pkg.tasks", "produce", iface(List.of(var("n", INT)), List.of(var("o0", STR))));
    TaskDef consume = rawTask("pkg.tasks.consume", iface(List.of(var("text", STR)), List.of()),
        List.of("sh", "-c"), List.of("echo {{.inputs.text}}"));
    WorkflowDef wf = workflow("pkg.workflows.pipeline.pipeline", iface(List.of(var("n", INT)), List.of()),
        List.of(call("produce", produce.id(), List.of(input("n", "n")), List.of()),
            call("consume", consume.id(), List.of(promise("text", "produce", "o0")), List.of("produce"))),
        List.of(), Optional.empty(), WorkflowDef.Role.PIPELINE);
    LaunchPlanDef lp = defaultPlan(wf, List.of(new Parameter("n", INT, Optional.of(new io.flytemigrate.flyte.model.Literal.IntValue(3)))));
    return project(List.of(produce, consume), List.of(wf), List.of(lp));
  }
}
