package io.flytemigrate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.testing.Read;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Schedule;
import io.flytemigrate.ir.diag.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Serialized DAG JSON (versions 1 and 3) into the same IR as the DAG file would give. */
class SerializedReaderTest {

  private static final String V3 = """
      {"__version": 3, "dag": {
        "dag_id": "etl", "fileloc": "/x/etl.py", "description": "loads",
        "timetable": {"__type": "airflow.timetables.trigger.CronTriggerTimetable",
                      "__var": {"expression": "0 3 * * *", "timezone": "UTC", "interval": 0, "run_immediately": false}},
        "tags": ["a"], "start_date": 1704067200.0, "catchup": false,
        "params": [["n", {"__class": "airflow.sdk.definitions.param.Param", "default": 3, "description": "count",
                          "schema": {"type": "integer"}}]],
        "tasks": [
          {"__type": "operator", "__var": {"task_id": "start", "task_type": "EmptyOperator",
            "_task_module": "airflow.providers.standard.operators.empty", "template_fields": [], "ui_color": "#e8f7e4",
            "ui_fgcolor": "#000", "downstream_task_ids": ["grp.say"]}},
          {"__type": "operator", "__var": {"task_id": "grp.say", "task_type": "BashOperator",
            "_task_module": "airflow.providers.standard.operators.bash", "template_fields": ["bash_command"],
            "bash_command": "echo {{ params.n }}", "retries": 2, "retry_delay": 60.0, "trigger_rule": "all_done",
            "downstream_task_ids": ["grp.map"]}},
          {"__type": "operator", "__var": {"task_id": "grp.map", "task_type": "_PythonDecoratedOperator",
            "_task_module": "airflow.providers.standard.decorators.python", "_operator_name": "@task",
            "template_fields": [], "_is_mapped": true,
            "partial_kwargs": {"op_kwargs": {"__type": "dict", "__var": {"y": 1}}},
            "expand_input": {"type": "dict-of-lists", "value": {"__type": "dict", "__var": {"x": [1, 2]}}}}}
        ],
        "task_group": {"_group_id": null, "prefix_group_id": true, "tooltip": "", "ui_color": "", "ui_fgcolor": "",
          "children": {"start": ["operator", "start"],
                       "grp": ["taskgroup", {"_group_id": "grp", "prefix_group_id": true, "tooltip": "tip",
                         "ui_color": "", "ui_fgcolor": "", "children": {"grp.say": ["operator", "grp.say"],
                         "grp.map": ["operator", "grp.map"]}, "upstream_group_ids": [], "downstream_group_ids": [],
                         "upstream_task_ids": [], "downstream_task_ids": []}]},
          "upstream_group_ids": [], "downstream_group_ids": [], "upstream_task_ids": [], "downstream_task_ids": []},
        "edge_info": {"start": {"grp.say": {"label": "go"}}}
      }}
      """;

  @Test
  void readsAVersion3DagWithGroupsMappingAndSettings() {
    Outcome<List<Pipeline>> o = Read.serialized(V3);
    Pipeline p = o.value().orElseThrow().get(0);
    assertEquals("etl", p.name());
    assertEquals("airflow-serialized", p.source().format());
    assertEquals(Optional.of("3.x"), p.source().schemaVersion());
    assertEquals(Optional.of(new Schedule.Cron("0 3 * * *")), p.platform().schedule());
    assertEquals(List.of("start", "grp.say", "grp.map"), Read.tasks(p));
    assertEquals(List.of("grp.say -> grp.map", "start -> grp.say"), Read.edges(p));
    var say = Read.task(p, "grp.say");
    assertEquals("ALL_DONE", say.settings().trigger().name());
    assertEquals("PT1M", say.settings().retry().orElseThrow().backoff().orElseThrow());
    assertTrue(say.settings().attributes().toString().contains("airflow.task_group"), say.settings().toString());
    assertEquals(new Binding.GraphInput("n"), say.inputs().get(0).value());
    assertEquals("n", p.iface().inputs().get(0).name());
    assertTrue(p.root().node("grp.map").orElseThrow() instanceof io.flytemigrate.ir.Node.LoopNode);
    assertEquals(List.of("FM3013"), Read.codes(o), Read.diagnostics(o));
  }

  @Test
  void readsAVersion1DagOfAirflow2() {
    String v1 = """
        {"__version": 1, "dag": {"_dag_id": "old", "fileloc": "/x.py", "schedule_interval": {"__type": "timedelta", "__var": 3600.0},
          "default_args": {"__type": "dict", "__var": {"owner": "me", "retries": 1}},
          "tasks": [
            {"task_id": "a", "_task_type": "BashOperator", "_task_module": "airflow.operators.bash", "ui_color": "#f0ede4",
             "ui_fgcolor": "#000", "template_fields": ["bash_command"], "bash_command": "echo a", "downstream_task_ids": ["b"]},
            {"task_id": "b", "_task_type": "PythonOperator", "_task_module": "airflow.operators.python", "ui_color": "#fff",
             "ui_fgcolor": "#000", "template_fields": [], "op_kwargs": {"v": {"__type": "xcomref", "__var": {"task_id": "a", "key": "return_value"}}}}
          ]}}
        """;
    Outcome<List<Pipeline>> o = Read.serialized(v1);
    Pipeline p = o.value().orElseThrow().get(0);
    assertEquals(Optional.of("2.x"), p.source().schemaVersion());
    assertEquals(Optional.of(new Schedule.Every("PT1H")), p.platform().schedule());
    assertEquals(1, Read.task(p, "a").settings().retry().orElseThrow().maxRetries());
    assertTrue(p.component(Read.task(p, "a").component()).orElseThrow() instanceof Component.ContainerComponent);
  }

  @Test
  void languageSdkTasksAreOpaqueAndReported() {
    String go = """
        {"d": {"__version": 3, "dag": {"dag_id": "go", "fileloc": "x", "timetable": {"__type":
          "airflow.timetables.simple.NullTimetable", "__var": {}}, "tasks": [{"__type": "operator", "__var": {"task_id": "read",
          "task_type": "GoOperator", "_task_module": "airflow.sdk.coordinators.go", "language": "go", "template_fields": []}}]}}}
        """;
    Outcome<List<Pipeline>> o = Read.serialized(go);
    assertEquals(List.of("FM3008"), Read.codes(o));
    assertTrue(Read.diagnostics(o).contains("runs go code"), Read.diagnostics(o));
  }

  @Test
  void badReferencesAndShapesAreErrors() {
    Outcome<List<Pipeline>> o = Read.serialized("""
        {"__version": 3, "dag": {"dag_id": "x", "fileloc": "f", "tasks": [{"__type": "operator", "__var":
          {"task_id": "a", "task_type": "EmptyOperator", "_task_module": "airflow.operators.empty", "downstream_task_ids": ["zz"]}}]}}
        """);
    assertEquals(List.of("FM3033"), Read.codes(o));
    assertEquals(List.of("FM3031"), Read.codes(Read.serialized("{\"just\": \"json\"}")));
    assertEquals(List.of("FM3030"), Read.codes(Read.serialized("{\"__version\": 3, \"dag\": ")));
    assertEquals(List.of("FM3034"), Read.codes(Read.serialized("{\"__version\": 3, \"dag\": {\"dag_id\": \"x\"}}")));
  }
}
