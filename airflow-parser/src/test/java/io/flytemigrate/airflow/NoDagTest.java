package io.flytemigrate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.testing.Read;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file without a DAG is told what it is instead, and why there is nothing to convert. */
class NoDagTest {

  /** The one FM3002 of a file, as {@code line:column message}. */
  private static String noDag(String python) {
    Outcome<List<Pipeline>> o = Read.dagFile(python);
    assertTrue(o.value().isEmpty(), "no pipeline");
    assertEquals(List.of("FM3002"), Read.codes(o), Read.diagnostics(o));
    var d = o.diagnostics().get(0);
    return d.span().line() + ":" + d.span().column() + " " + d.message();
  }

  @Test
  void dagCodeInsideAStringIsDisabled() {
    assertEquals("3:1 the file declares no dag: its dag code is inside a string literal, which python never runs", noDag("""
        # An example kept for reference.
        from airflow import DAG
        \"""
        with DAG("d") as dag:
            pass
        \"""
        """));
  }

  @Test
  void aFunctionThatBuildsADagIsAFactory() {
    assertEquals("1:1 the file declares no dag: it defines function `subdag` that builds a dag when called (a dag factory),"
        + " and never calls it", noDag("""
        from airflow.models.dag import DAG
        def subdag(parent, child, args) -> DAG:
            dag_subdag = DAG(dag_id=f"{parent}.{child}", default_args=args)
            return dag_subdag
        """));
    assertTrue(noDag("""
        from airflow.decorators import dag
        @dag(schedule=None)
        def never_called():
            pass
        """).contains("function `never_called` that builds a dag"));
  }

  @Test
  void taskGroupBuildersAndTaskLibraries() {
    assertEquals("1:1 the file declares no dag: it defines function `collection_task_group` that builds a task group inside"
        + " the dags that call it", noDag("""
        from airflow.utils.task_group import TaskGroup
        def collection_task_group():
            with TaskGroup(group_id="Collection") as g:
                return g
        """));
    assertEquals("1:1 the file declares no dag: it defines the task functions `a` and `b` (`@task`) for the dags that import"
        + " them, and creates no task itself", noDag("""
        from airflow.decorators import task
        @task(retries=1)
        def a():
            return 1
        @task.virtualenv
        def b():
            return 2
        """));
  }

  @Test
  void timetablesPluginsAndOperatorsAreNamedByKind() {
    assertEquals("1:1 the file declares no dag: it defines the timetable `AfterWorkday` and airflow plugin `WorkdayPlugin`,"
        + " which dags use but which declare no dag", noDag("""
        from airflow.plugins_manager import AirflowPlugin
        from airflow.timetables.base import Timetable
        class AfterWorkday(Timetable):
            pass
        class WorkdayPlugin(AirflowPlugin):
            timetables = [AfterWorkday]
        """));
  }

  @Test
  void aModuleOfSettings() {
    assertEquals("1:1 the file declares no dag: it only imports and sets module-level names (a module of settings that dag"
        + " files import)", noDag("""
        # AIRFLOW
        AIRFLOW_DAG_ID = "churn-dag"
        REGION = "us-east-1"
        """));
  }

  @Test
  void aModuleCallingAFactoryFromElsewhereKeepsNamingTheCall() {
    Outcome<List<Pipeline>> o = Read.dagFile("""
        from ethereumetl_airflow.build_export_dag import build_export_dag
        DAG = build_export_dag(dag_id="ethereum_export_dag")
        """);
    assertEquals("1:1 the file declares no dag", o.diagnostics().get(0).span().line() + ":" + o.diagnostics().get(0).span().column()
        + " " + o.diagnostics().get(0).message());
    assertTrue(o.diagnostics().get(0).help().orElseThrow().contains("`build_export_dag`"));
  }

  @Test
  void filesAirflowWouldSearchForDagsAreAccepted() {
    AirflowReader reader = new AirflowReader();
    assertTrue(reader.accepts(new SourceFile("e.py", """
        from ethereumetl_airflow.build_export_dag import build_export_dag
        DAG = build_export_dag(dag_id="ethereum_export_dag")
        """)), "mentions airflow and dag, and is python");
    assertTrue(reader.accepts(new SourceFile("config.py", "# AIRFLOW\nAIRFLOW_DAG_ID = \"x\"\n")));
    assertFalse(reader.accepts(new SourceFile("README.md", "# Airflow DAGs\n\nRun `airflow dags list`.\n")),
        "not python");
    assertFalse(reader.accepts(new SourceFile("values.yaml", "airflow: dag\n")), "a yaml mapping is no python module");
    assertFalse(reader.accepts(new SourceFile("helper.py", "def print_stuff():\n    print('annotated!')\n")),
        "airflow's own dag discovery skips it");
  }
}
