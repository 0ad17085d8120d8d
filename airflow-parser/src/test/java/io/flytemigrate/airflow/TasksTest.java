package io.flytemigrate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.testing.Read;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of task as the component it becomes. */
class TasksTest {

  private static Component component(Pipeline p, String task) {
    String id = Read.task(p, task).component();
    return p.component(id).orElseThrow();
  }

  @Test
  void taskflowFunctionsKeepTheirSourceTypesAndMultipleOutputs() {
    String src = """
        from airflow.decorators import task
        from airflow import DAG
        with DAG("d", schedule=None):
            @task
            def make(n: int, names: list[str] = ["a"], ti=None, **kwargs) -> dict[str, int]:
                return {"total": n}
            @task
            def use(total: int) -> None:
                print(total)
            use(make(3)["total"])
        """;
    Pipeline p = Read.one(src);
    Component.PythonComponent make = assertInstanceOf(Component.PythonComponent.class, component(p, "make"));
    assertEquals("make", make.functionName());
    assertTrue(make.source().orElseThrow().startsWith("def make(n: int"), make.source().get());
    assertEquals(List.of("n", "names"), make.iface().inputs().stream().map(x -> x.name()).toList());
    assertEquals(IrType.primitive(IrType.Scalar.INT), make.iface().inputs().get(0).type());
    assertEquals(new IrType.ListOf(IrType.primitive(IrType.Scalar.STRING)), make.iface().inputs().get(1).type());
    assertEquals(List.of("return_value", "total"), make.iface().outputs().stream().map(x -> x.name()).toList());
    assertEquals(new Binding.TaskOutput("make", "total"), Read.task(p, "use").inputs().get(0).value());
    assertTrue(component(p, "use").iface().outputs().isEmpty(), "`-> None` has no output");
  }

  @Test
  void pythonOperatorBindsOpArgsAndOpKwargsToTheCallable() {
    String src = """
        from airflow import DAG
        from airflow.operators.python import PythonOperator, PythonVirtualenvOperator
        def greet(name, times=1):
            return name * times
        with DAG("d", schedule=None):
            PythonOperator(task_id="a", python_callable=greet, op_args=["x"], op_kwargs={"times": 2})
            PythonVirtualenvOperator(task_id="b", python_callable=greet, op_args=["y"], requirements=["numpy==1.26.0"])
            PythonOperator(task_id="c", python_callable=lambda: print("hi"))
        """;
    Pipeline p = Read.one(src);
    Node.TaskNode a = Read.task(p, "a");
    assertEquals(List.of("name", "times"), a.inputs().stream().map(x -> x.input()).toList());
    Component.PythonComponent b = assertInstanceOf(Component.PythonComponent.class, component(p, "b"));
    assertEquals(List.of("numpy==1.26.0"), b.packages());
    Component.PythonComponent c = assertInstanceOf(Component.PythonComponent.class, component(p, "c"));
    assertEquals("lambda: print(\"hi\")", c.source().orElseThrow());
    assertTrue(!component(p, "a").id().equals(b.id()), "different requirements, different components");
  }

  @Test
  void bashOperatorRunsItsCommandWithTemplatesAsInputs() {
    String src = """
        from airflow import DAG
        from airflow.operators.bash import BashOperator
        with DAG("d", schedule=None, params={"who": "me"}):
            BashOperator(task_id="b", bash_command="echo {{ ds }} {{ params.who }}", env={"A": "1", "B": "{{ run_id }}"})
        """;
    Pipeline p = Read.one(src);
    Component.ContainerComponent c = assertInstanceOf(Component.ContainerComponent.class, component(p, "b"));
    assertEquals("bash:5.2", c.container().image());
    assertEquals(List.of(new Arg.Literal("env"), new Arg.Concat(List.of(new Arg.Literal("B="), new Arg.RuntimeValue("run_id"))),
        new Arg.Literal("bash"), new Arg.Literal("-c")), c.container().command());
    assertEquals(new Arg.Concat(List.of(new Arg.Literal("echo "), new Arg.RuntimeValue("ds"), new Arg.Literal(" "),
        new Arg.InputRef("param__who", Arg.Access.VALUE))), c.container().args().get(0));
    assertEquals("A", c.container().env().get(0).name());
    assertTrue(p.iface().input("logical_date").isPresent());
    assertEquals(new Binding.GraphInput("who"), Read.task(p, "b").inputs().stream()
        .filter(x -> x.input().equals("param__who")).findFirst().orElseThrow().value());
  }

  @Test
  void kubernetesPodOperatorKeepsImageCommandResourcesAndSecrets() {
    String src = """
        from airflow import DAG
        from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
        from airflow.providers.cncf.kubernetes.secret import Secret
        from kubernetes.client import models as k8s
        with DAG("d", schedule=None):
            KubernetesPodOperator(
                task_id="k", name="k", image="python:3.12", cmds=["python", "-c"], arguments=["print(1)"],
                env_vars={"MODE": "fast"}, secrets=[Secret("env", "TOKEN", "creds", "token")],
                container_resources=k8s.V1ResourceRequirements(requests={"cpu": "500m"}, limits={"memory": "1Gi"}),
                node_selector={"pool": "gpu"},
            )
        """;
    Pipeline p = Read.one(src);
    Component.ContainerComponent c = assertInstanceOf(Component.ContainerComponent.class, component(p, "k"));
    assertEquals("python:3.12", c.container().image());
    assertEquals(List.of(new Arg.Literal("python"), new Arg.Literal("-c")), c.container().command());
    assertEquals(List.of(new Arg.Literal("print(1)")), c.container().args());
    assertEquals(new Arg.Literal("500m"), c.container().resources().cpuRequest().orElseThrow());
    assertEquals(new Arg.Literal("1Gi"), c.container().resources().memoryLimit().orElseThrow());
    assertEquals("TOKEN", c.container().kubernetes().secretEnvs().get(0).keys().get(0).envVar());
    assertEquals("pool", c.container().kubernetes().nodeSelector().orElseThrow().labels().get(0).key());
  }

  @Test
  void dockerOperatorSplitsItsCommandLikeShlex() {
    String src = """
        from airflow import DAG
        from airflow.providers.docker.operators.docker import DockerOperator
        with DAG("d", schedule=None):
            DockerOperator(task_id="d", image="alpine:3", command="sh -c 'echo hi'", environment={"X": "1"})
        """;
    Component.ContainerComponent c = assertInstanceOf(Component.ContainerComponent.class, component(Read.one(src), "d"));
    assertEquals(List.of(new Arg.Literal("sh"), new Arg.Literal("-c"), new Arg.Literal("echo hi")), c.container().args());
    assertEquals("alpine:3", c.container().image());
  }

  @Test
  void dockerAndKubernetesDecoratorsRunTheFunctionInTheirImage() {
    String src = """
        from airflow.decorators import task
        from airflow import DAG
        with DAG("d", schedule=None):
            @task.docker(image="python:3.9-slim")
            def a():
                return 1
            @task.kubernetes(image="python:3.10", namespace="jobs")
            def b(x):
                return x
            b(a())
        """;
    Pipeline p = Read.one(src);
    assertEquals("python:3.9-slim", ((Component.PythonComponent) component(p, "a")).baseImage());
    assertEquals("python:3.10", ((Component.PythonComponent) component(p, "b")).baseImage());
  }

  @Test
  void emptyOperatorsAreOrderingOnlyNodes() {
    String src = """
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        from airflow.operators.dummy import DummyOperator
        with DAG("d", schedule=None):
            EmptyOperator(task_id="a") >> DummyOperator(task_id="b", trigger_rule="none_failed_min_one_success")
        """;
    Pipeline p = Read.one(src);
    Component.PipelineComponent empty = assertInstanceOf(Component.PipelineComponent.class, component(p, "a"));
    assertTrue(empty.graph().nodes().isEmpty());
    assertEquals(empty.id(), Read.task(p, "b").component());
    assertEquals("NONE_FAILED_MIN_ONE_SUCCESS", Read.task(p, "b").settings().trigger().name());
    assertEquals("dag.py:5:5", empty.span().location(), "declared where the first empty operator is");
  }

  @Test
  void sensorsTriggersAndCustomOperatorsAreOpaqueAndReported() {
    String src = """
        from airflow import DAG
        from airflow.models import BaseOperator
        from airflow.sensors.filesystem import FileSensor
        from airflow.operators.trigger_dagrun import TriggerDagRunOperator
        from airflow.sensors.external_task import ExternalTaskSensor
        class Mine(BaseOperator):
            def execute(self, context):
                return 1
        with DAG("d", schedule=None):
            w = FileSensor(task_id="w", filepath="/data/in.csv", poke_interval=30)
            t = TriggerDagRunOperator(task_id="t", trigger_dag_id="other", conf={"k": 1})
            e = ExternalTaskSensor(task_id="e", external_dag_id="up")
            m = Mine(task_id="m")
            w >> t >> e >> m
        """;
    Outcome<List<Pipeline>> o = Read.dagFile(src);
    Pipeline p = o.value().get().get(0);
    Component.OpaqueComponent w = assertInstanceOf(Component.OpaqueComponent.class, component(p, "w"));
    assertEquals("FileSensor", w.kind());
    assertTrue(w.rawText().startsWith("FileSensor(task_id=\"w\""), w.rawText());
    assertEquals(List.of("filepath", "poke_interval"), w.iface().inputs().stream().map(x -> x.name()).toList());
    assertEquals("Mine", ((Component.OpaqueComponent) component(p, "m")).kind());
    assertEquals(List.of("FM3008", "FM3008", "FM3008", "FM3008"), Read.codes(o));
    assertTrue(Read.diagnostics(o).contains("triggers dag `other`"), Read.diagnostics(o));
  }

  @Test
  void branchingTasksKeepTheirCallableAndAreReported() {
    String src = """
        from airflow.decorators import task
        from airflow import DAG
        from airflow.operators.python import BranchPythonOperator, ShortCircuitOperator
        from airflow.operators.empty import EmptyOperator
        with DAG("d", schedule=None):
            @task.branch
            def pick():
                return "a"
            b = BranchPythonOperator(task_id="b", python_callable=lambda: "a")
            s = ShortCircuitOperator(task_id="s", python_callable=lambda: False)
            pick() >> b >> s >> EmptyOperator(task_id="a")
        """;
    Outcome<List<Pipeline>> o = Read.dagFile(src);
    Pipeline p = o.value().get().get(0);
    assertEquals(List.of("FM3010", "FM3010", "FM3010"), Read.codes(o));
    assertTrue(Read.task(p, "pick").settings().attributes().stream().anyMatch(a -> a.key().equals("airflow.branch")));
    assertTrue(Read.task(p, "s").settings().attributes().stream().anyMatch(a -> a.key().equals("airflow.short_circuit")));
    assertInstanceOf(Component.PythonComponent.class, component(p, "b"));
  }

  @Test
  void mappedTasksBecomeLoops() {
    String src = """
        from airflow.decorators import task
        from airflow import DAG
        from airflow.operators.bash import BashOperator
        with DAG("d", schedule=None):
            @task
            def nums():
                return [1, 2]
            @task
            def add(x, y):
                return x + y
            @task
            def total(values):
                return sum(values)
            total(add.partial(y=10).expand(x=nums()))
            BashOperator.partial(task_id="echo").expand(bash_command=["echo 1", "echo 2"])
            add.expand_kwargs([{"x": 1, "y": 2}])
        """;
    Pipeline p = Read.one(src);
    Node.LoopNode add = assertInstanceOf(Node.LoopNode.class, p.root().node("add").orElseThrow());
    assertEquals(new Binding.TaskOutput("nums", "return_value"), add.inputs().get(0).value());
    Node.TaskNode body = assertInstanceOf(Node.TaskNode.class, add.body().nodes().get(0));
    assertTrue(body.inputs().stream().anyMatch(b -> b.value().equals(new Binding.LoopItem("add"))));
    assertTrue(add.body().outputs().get(0).collected());
    assertEquals(new Binding.TaskOutput("add", "return_value"), Read.task(p, "total").inputs().get(0).value());
    Node.LoopNode echo = assertInstanceOf(Node.LoopNode.class, p.root().node("echo").orElseThrow());
    assertEquals("Literal[items=ListValue[items=[Str[value=echo 1], Str[value=echo 2]]]]", echo.items().toString());
    Node.LoopNode kw = assertInstanceOf(Node.LoopNode.class, p.root().node("add__1").orElseThrow());
    assertInstanceOf(Binding.Field.class, kw.body().nodes().get(0).inputs().get(0).value());
  }

  @Test
  void aMappedTaskDeclaresTheListItCollectsWhereItIsMapped() {
    String src = """
        from airflow.decorators import task
        from airflow import DAG
        with DAG("d", schedule=None):
            @task
            def add_one(x: int) -> int:
                return x + 1
            @task
            def pair(a: str, b: int) -> str:
                return a * b
            @task
            def show(values):
                print(values)
            show(add_one.expand(x=[1, 2, 3]))
            pair.expand(a=["x", "y"], b=[1, 2])
        """;
    Pipeline p = Read.one(src);
    Node.LoopNode loop = assertInstanceOf(Node.LoopNode.class, p.root().node("add_one").orElseThrow());
    Port collected = loop.body().iface().output("return_value").orElseThrow();
    assertEquals(new IrType.ListOf(IrType.primitive(IrType.Scalar.INT)), collected.type());
    assertEquals("dag.py:13:10", collected.span().location(), "at the mapped call, never generated");
    assertEquals("dag.py:13:10", loop.body().outputs().get(0).span().location());
    assertEquals("add_one", loop.body().nodes().get(0).id(), "the body task keeps the task's name");
    Node.LoopNode outer = assertInstanceOf(Node.LoopNode.class, p.root().node("pair").orElseThrow());
    Node.LoopNode inner = assertInstanceOf(Node.LoopNode.class, outer.body().nodes().get(0));
    IrType str = IrType.primitive(IrType.Scalar.STRING);
    assertEquals(new IrType.ListOf(str), inner.body().iface().output("return_value").orElseThrow().type());
    assertEquals(new IrType.ListOf(new IrType.ListOf(str)), outer.body().iface().output("return_value").orElseThrow().type(),
        "a cross product collects a list of lists");
  }

  @Test
  void aMappedTaskThatReturnsNothingCollectsNothing() {
    Pipeline p = Read.one("""
        from airflow import DAG
        from airflow.operators.bash import BashOperator
        with DAG("d", schedule=None):
            BashOperator.partial(task_id="echo").expand(bash_command=["echo 1", "echo 2"])
        """);
    Node.LoopNode echo = assertInstanceOf(Node.LoopNode.class, p.root().node("echo").orElseThrow());
    assertEquals(echo.body().outputs().stream().map(o -> o.name()).toList(),
        echo.body().iface().outputs().stream().map(Port::name).toList(), "every collected output is declared");
  }

  @Test
  void settingsComeFromArgumentsAndLaterAssignments() {
    String src = """
        from datetime import timedelta
        from airflow import DAG
        from airflow.operators.bash import BashOperator
        from airflow.utils.trigger_rule import TriggerRule
        with DAG("d", schedule=None):
            t = BashOperator(task_id="t", bash_command="true", retries=3, retry_delay=timedelta(seconds=30),
                retry_exponential_backoff=True, max_retry_delay=timedelta(hours=1), execution_timeout=timedelta(minutes=10),
                pool="p", queue="q", priority_weight=5, owner="o", email=["a@b.c"], email_on_failure=True, depends_on_past=True)
            t.trigger_rule = TriggerRule.ALL_DONE
        """;
    var s = Read.task(Read.one(src), "t").settings();
    var r = s.retry().orElseThrow();
    assertEquals(3, r.maxRetries());
    assertEquals("PT30S", r.backoff().orElseThrow());
    assertEquals(2.0, r.backoffFactor().orElseThrow());
    assertEquals("PT1H", r.backoffMax().orElseThrow());
    assertEquals("PT10M", s.timeout().orElseThrow());
    assertEquals("ALL_DONE", s.trigger().name());
    List<String> keys = s.attributes().stream().map(a -> a.key()).toList();
    for (String k : List.of("pool", "queue", "priority_weight", "owner", "email", "email_on_failure", "depends_on_past")) {
      assertTrue(keys.contains(k), k + " in " + keys);
    }
  }

  @Test
  void everyTriggerRuleAndItsOldAliasesAreRead() {
    String[][] rules = {{"all_success", "ALL_SUCCEEDED"}, {"all_done", "ALL_DONE"}, {"all_failed", "ALL_FAILED"},
        {"all_skipped", "ALL_SKIPPED"}, {"one_success", "ONE_SUCCESS"}, {"one_failed", "ONE_FAILED"}, {"one_done", "ONE_DONE"},
        {"none_failed", "NONE_FAILED"}, {"none_failed_min_one_success", "NONE_FAILED_MIN_ONE_SUCCESS"},
        {"none_failed_or_skipped", "NONE_FAILED_MIN_ONE_SUCCESS"}, {"none_skipped", "NONE_SKIPPED"}, {"always", "ALWAYS"},
        {"dummy", "ALWAYS"}};
    for (String[] rule : rules) {
      String src = "from airflow import DAG\nfrom airflow.operators.empty import EmptyOperator\n"
          + "with DAG('d', schedule=None):\n    EmptyOperator(task_id='t', trigger_rule='" + rule[0] + "')\n";
      assertEquals(rule[1], Read.task(Read.one(src), "t").settings().trigger().name(), rule[0]);
    }
  }
}
