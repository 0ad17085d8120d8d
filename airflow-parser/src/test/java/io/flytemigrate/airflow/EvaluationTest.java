package io.flytemigrate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.testing.Read;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The static evaluation of DAG files: how DAGs and task ids come out of real Python. */
class EvaluationTest {

  @Test
  void importsResolveThroughAliasesModulesAndProviderPaths() {
    String src = """
        from airflow import models
        import airflow.utils.helpers
        from airflow.providers.standard.operators.bash import BashOperator as Bash
        from airflow.operators import empty
        with models.DAG("aliases", schedule=None) as dag:
            a = Bash(task_id="a", bash_command="echo a")
            b = empty.EmptyOperator(task_id="b")
            airflow.utils.helpers.chain(a, b)
        """;
    Pipeline p = Read.one(src);
    assertEquals("aliases", p.name());
    assertEquals(List.of("a", "b"), Read.tasks(p));
    assertEquals(List.of("a -> b"), Read.edges(p));
    assertEquals("3.x", p.source().schemaVersion().orElseThrow());
  }

  @Test
  void constantsDictsAndFStringsAreComputed() {
    String src = """
        from airflow import DAG
        from airflow.operators.bash import BashOperator
        PREFIX = "load"
        TABLES = {"users": 2, "orders": 3}
        DAG_ID = f"{PREFIX}_tables"
        with DAG(dag_id=DAG_ID, schedule=None):
            for name, parts in TABLES.items():
                BashOperator(task_id=f"{PREFIX}_{name}_{parts:02d}", bash_command="echo " + name.upper())
        """;
    Pipeline p = Read.one(src);
    assertEquals("load_tables", p.name());
    assertEquals(List.of("load_users_02", "load_orders_03"), Read.tasks(p));
  }

  @Test
  void defaultArgsPassedByNameApplyToEveryTask() {
    String src = """
        from datetime import timedelta
        from airflow import DAG
        from airflow.operators.bash import BashOperator
        args = {"owner": "data", "retries": 2, "retry_delay": timedelta(minutes=1)}
        args["pool"] = "small"
        with DAG("d", default_args=args, schedule=None):
            BashOperator(task_id="a", bash_command="true")
            BashOperator(task_id="b", bash_command="true", retries=0)
        """;
    Pipeline p = Read.one(src);
    var a = Read.task(p, "a").settings();
    assertEquals(2, a.retry().orElseThrow().maxRetries());
    assertEquals("PT1M", a.retry().orElseThrow().backoff().orElseThrow());
    assertTrue(a.attributes().stream().anyMatch(x -> x.key().equals("owner") && x.value().toString().contains("data")));
    assertTrue(a.attributes().stream().anyMatch(x -> x.key().equals("pool")));
    assertTrue(Read.task(p, "b").settings().retry().isEmpty(), "an explicit argument wins over default_args");
  }

  @Test
  void comprehensionsAndLoopsCreateTasks() {
    String src = """
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        with DAG("d", schedule=None):
            first = [EmptyOperator(task_id=f"t{i}") for i in range(3) if i != 1]
            for i, t in enumerate(first):
                t >> EmptyOperator(task_id="after_" + str(i))
        """;
    Pipeline p = Read.one(src);
    assertEquals(List.of("t0", "t2", "after_0", "after_1"), Read.tasks(p));
    assertEquals(List.of("t0 -> after_0", "t2 -> after_1"), Read.edges(p));
  }

  @Test
  void helperFunctionsRunWithTheirArguments() {
    String src = """
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        def pipeline(suffix, rule="all_success"):
            a = EmptyOperator(task_id=f"a_{suffix}")
            b = EmptyOperator(task_id=f"b_{suffix}", trigger_rule=rule)
            a >> b
            return b
        with DAG("d", schedule=None):
            last = pipeline("1")
            pipeline(suffix="2", rule="one_success") << last
        """;
    Pipeline p = Read.one(src);
    assertEquals(List.of("a_1", "b_1", "a_2", "b_2"), Read.tasks(p));
    assertEquals(List.of("a_1 -> b_1", "a_2 -> b_2", "b_1 -> b_2"), Read.edges(p));
    assertEquals("ONE_SUCCESS", Read.task(p, "b_2").settings().trigger().name());
  }

  @Test
  void dagDecoratorDeclaresTheDagWhenCalledWithItsParamsAsInputs() {
    String src = """
        from airflow.sdk import dag, task
        @dag(schedule=None)
        def etl(url: str = "http://x", limit: int = 3):
            \"""Loads things.\"""
            @task
            def fetch(u, n):
                return u
            fetch(url, limit)
        @dag
        def never_called():
            pass
        etl()
        """;
    Pipeline p = Read.one(src);
    assertEquals("etl", p.name());
    assertEquals(List.of("url", "limit"), p.iface().inputs().stream().map(x -> x.name()).toList());
    assertEquals("GraphInput[input=url]", Read.task(p, "fetch").inputs().get(0).value().toString());
  }

  @Test
  void tasksJoinTheirDagThroughDagArgumentsOutsideTheBlock() {
    String src = """
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        with DAG("d", schedule=None) as dag:
            a = EmptyOperator(task_id="a")
        b = EmptyOperator(task_id="b", dag=dag)
        a >> b
        """;
    assertEquals(List.of("a -> b"), Read.edges(Read.one(src)));
  }

  @Test
  void taskGroupsPrefixIdsAndDecoratedGroupsGetSuffixesWhenRepeated() {
    String src = """
        from airflow.decorators import task, task_group
        from airflow import DAG
        from airflow.utils.task_group import TaskGroup
        @task
        def step(x):
            return x
        @task_group
        def section(v):
            step(step(v))
        with DAG("d", schedule=None):
            for i in range(2):
                section(i)
            with TaskGroup("outer"):
                with TaskGroup("inner"):
                    step(0)
                with TaskGroup("flat", prefix_group_id=False):
                    step(1)
        """;
    Pipeline p = Read.one(src);
    assertEquals(List.of("section.step", "section.step__1", "section__1.step", "section__1.step__1", "outer.inner.step",
        "step"), Read.tasks(p));
  }

  @Test
  void overrideRenamesAndRepeatedCallsAreSuffixed() {
    String src = """
        from airflow.decorators import task
        from airflow import DAG
        with DAG("d", schedule=None):
            @task
            def work(i):
                return i
            a = work(1)
            b = work(2)
            c = [work.override(task_id=f"run_{i}", retries=2)(i) for i in range(2)]
        """;
    Pipeline p = Read.one(src);
    assertEquals(List.of("work", "work__1", "run_0", "run_1"), Read.tasks(p));
    assertEquals(2, Read.task(p, "run_1").settings().retry().orElseThrow().maxRetries());
  }

  @Test
  void anUnknownTaskIdIsAnErrorNamingTheConstruct() {
    String src = """
        import os
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        with DAG("d", schedule=None):
            EmptyOperator(task_id=os.environ["TASK"])
        """;
    Outcome<List<Pipeline>> o = Read.dagFile(src);
    assertEquals(List.of("FM3006"), Read.codes(o));
    assertTrue(Read.diagnostics(o).contains("environment variable `TASK`"), Read.diagnostics(o));
  }

  @Test
  void undecidableConditionsAreReportedAndTheBuildingBranchIsTaken() {
    String src = """
        import os
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        if os.getenv("SKIP"):
            print("nothing")
        else:
            with DAG("d", schedule=None):
                EmptyOperator(task_id="a")
        if __name__ == "__main__":
            raise SystemExit(1)
        """;
    Outcome<List<Pipeline>> o = Read.dagFile(src);
    assertEquals(List.of("FM3005"), Read.codes(o));
    assertEquals(List.of("a"), Read.tasks(o.value().get().get(0)));
  }

  @Test
  void loopsOverUnknownItemsAreReadOnceAndReported() {
    String src = """
        from airflow import DAG
        from airflow.models import Variable
        from airflow.operators.empty import EmptyOperator
        with DAG("d", schedule=None):
            for name in Variable.get("tables"):
                EmptyOperator(task_id=name)
        """;
    Outcome<List<Pipeline>> o = Read.dagFile(src);
    assertEquals(List.of("FM3005", "FM3006"), Read.codes(o));
    assertTrue(Read.diagnostics(o).contains("metadata database"), Read.diagnostics(o));
  }

  @Test
  void aHugeLoopStopsAtTheBudgetWithAnError() {
    String src = """
        from airflow import DAG
        with DAG("d", schedule=None):
            x = 0
            for i in range(10**9):
                x += 1
        """;
    Outcome<List<Pipeline>> o = Read.dagFile(src);
    assertTrue(Read.codes(o).contains("FM3017"), Read.diagnostics(o));
  }

  @Test
  void endlessRecursionStopsWithAnError() {
    String src = """
        from airflow import DAG
        def f(n):
            return f(n + 1)
        with DAG("d", schedule=None):
            f(0)
        """;
    assertTrue(Read.codes(Read.dagFile(src)).contains("FM3017"));
  }

  @Test
  void callsOfFunctionsFromOtherModulesAreAssumedTasksWhenUsedAsTasks() {
    String src = """
        from airflow.sdk import DAG, task
        from project.tasks import extract, load
        from project.config import settings
        with DAG("d", schedule=None):
            @task
            def transform(x):
                return x
            cfg = settings()
            load(transform(extract()))
        """;
    Outcome<List<Pipeline>> o = Read.dagFile(src);
    Pipeline p = o.value().get().get(0);
    assertEquals(List.of("extract", "transform", "load"), Read.tasks(p));
    assertEquals(List.of("extract -> transform", "transform -> load"), Read.edges(p));
    assertEquals(List.of("FM3009", "FM3009"), Read.codes(o), Read.diagnostics(o));
  }

  @Test
  void anAssumedTaskHasOneInputPerArgument() {
    Pipeline p = Read.dagFile("""
        from airflow.sdk import DAG, task
        from project.tasks import load
        with DAG("d", schedule=None):
            @task
            def extract():
                return 1
            load(extract(), payload=extract())
        """).value().get().get(0);
    assertEquals(List.of("payload", "arg0"), Read.task(p, "load").inputs().stream().map(b -> b.input()).toList());
  }

  @Test
  void aFileWithoutDagsIsAnErrorThatSaysWhy() {
    Outcome<List<Pipeline>> o = Read.dagFile("""
        from airflow.decorators import task
        from factory import build_dag
        DAG = build_dag("x")
        """);
    assertEquals(List.of("FM3002"), Read.codes(o));
    assertTrue(Read.diagnostics(o).contains("`build_dag`"), Read.diagnostics(o));
  }

  @Test
  void dagIdFromFileNameIsKnown() {
    String src = """
        from pathlib import Path
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        with DAG(dag_id=Path(__file__).stem, schedule=None):
            EmptyOperator(task_id="a")
        """;
    assertEquals("dag", Read.one(src).name());
  }

  @Test
  void aMappedTaskGroupIsReadOnceAndReported() {
    String src = """
        from airflow.decorators import task, task_group
        from airflow import DAG
        @task
        def work(x):
            return x
        @task_group
        def per_file(path):
            work(path)
        with DAG("d", schedule=None):
            per_file.expand(path=["a", "b"])
        """;
    Outcome<List<Pipeline>> o = Read.dagFile(src);
    assertEquals(List.of("FM3004", "FM3014"), Read.codes(o), "the group, and the unknown item its task gets");
    assertEquals(List.of("per_file.work"), Read.tasks(o.value().get().get(0)));
  }
}
