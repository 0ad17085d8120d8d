package io.flytemigrate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.testing.Read;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Schedule;
import io.flytemigrate.ir.diag.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DAG-level settings: id, description, tags, params, schedules, dates and the rest. */
class DagSettingsTest {

  private static Optional<Schedule> schedule(String expr) {
    String src = "import datetime\nfrom airflow import DAG\nfrom airflow.datasets import Dataset\n"
        + "from airflow.timetables.trigger import CronTriggerTimetable\n"
        + "from dateutil.relativedelta import relativedelta\n"
        + "from airflow.operators.empty import EmptyOperator\n"
        + "with DAG('d', schedule=" + expr + "):\n    EmptyOperator(task_id='t')\n";
    return Read.dagFile(src).value().get().get(0).platform().schedule();
  }

  @Test
  void schedulesOfEveryForm() {
    assertEquals(Optional.empty(), schedule("None"));
    assertEquals(Optional.of(new Schedule.Preset("@daily")), schedule("'@daily'"));
    assertEquals(Optional.of(new Schedule.Preset("@once")), schedule("'@once'"));
    assertEquals(Optional.of(new Schedule.Cron("*/5 * * * *")), schedule("'*/5 * * * *'"));
    assertEquals(Optional.of(new Schedule.Every("PT6H")), schedule("datetime.timedelta(hours=6)"));
    assertEquals(Optional.of(new Schedule.Every("P1M")), schedule("relativedelta(months=1)"));
    assertEquals(Optional.of(new Schedule.Cron("0 3 * * *")), schedule("CronTriggerTimetable('0 3 * * *', timezone='UTC')"));
    assertEquals(Optional.of(new Schedule.OnData(List.of("s3://a", "s3://b"))), schedule("[Dataset('s3://a'), Dataset('s3://b')]"));
    assertEquals(Optional.of(new Schedule.OnData(List.of("s3://a", "s3://b"))), schedule("Dataset('s3://a') & Dataset('s3://b')"));
    assertEquals("asset-any", ((Schedule.Custom) schedule("Dataset('s3://a') | Dataset('s3://b')").orElseThrow()).kind());
  }

  @Test
  void aMissingScheduleMeansDailyInAirflow2AndIsReported() {
    Outcome<List<Pipeline>> o = Read.dagFile("""
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        with DAG("d"):
            EmptyOperator(task_id="t")
        """);
    assertEquals(Optional.of(new Schedule.Every("P1D")), o.value().get().get(0).platform().schedule());
    assertEquals(List.of("FM3015"), Read.codes(o));
    Outcome<List<Pipeline>> v3 = Read.dagFile("""
        from airflow.sdk import DAG
        from airflow.providers.standard.operators.empty import EmptyOperator
        with DAG("d"):
            EmptyOperator(task_id="t")
        """);
    assertEquals(Optional.empty(), v3.value().get().get(0).platform().schedule());
    assertTrue(v3.diagnostics().isEmpty(), Read.diagnostics(v3));
  }

  @Test
  void idDescriptionTagsDatesAndOtherSettings() {
    Pipeline p = Read.one("""
        import pendulum
        from datetime import datetime, timedelta
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        with DAG(
            dag_id="settings",
            description="what it does",
            dag_display_name="Settings",
            tags=["a", "b"],
            schedule="@hourly",
            start_date=pendulum.datetime(2024, 5, 1, tz="Europe/Berlin"),
            end_date=datetime(2025, 1, 1),
            catchup=False,
            max_active_runs=2,
            dagrun_timeout=timedelta(hours=1),
        ):
            EmptyOperator(task_id="t")
        """);
    assertEquals("settings", p.name());
    assertEquals(Optional.of("what it does"), p.description());
    assertEquals(Optional.of("Settings"), p.displayName());
    assertEquals(List.of("a", "b"), p.platform().tags());
    String attrs = p.platform().attributes().toString();
    assertTrue(attrs.contains("2024-05-01T00:00:00+02:00[Europe/Berlin]"), attrs);
    assertTrue(attrs.contains("2025-01-01T00:00"), attrs);
    assertTrue(attrs.contains("catchup") && attrs.contains("max_active_runs") && attrs.contains("PT1H"), attrs);
  }

  @Test
  void paramsBecomePipelineInputsWithTypesAndDefaults() {
    Pipeline p = Read.one("""
        from airflow import DAG
        from airflow.models.param import Param
        from airflow.operators.empty import EmptyOperator
        with DAG("d", schedule=None, params={
            "n": Param(5, type="integer", minimum=1, description="how many"),
            "mode": "fast",
            "when": Param(type="string", format="date"),
            "maybe": Param(None, type=["null", "string"]),
        }):
            EmptyOperator(task_id="t")
        """);
    List<Port> in = p.iface().inputs();
    assertEquals(List.of("n", "mode", "when", "maybe"), in.stream().map(Port::name).toList());
    assertEquals(IrType.primitive(IrType.Scalar.INT), in.get(0).type());
    assertEquals(Optional.of("how many"), in.get(0).description());
    assertTrue(in.get(1).optional() && in.get(1).defaultValue().isPresent());
    assertTrue(!in.get(2).optional(), "a param without default is required");
    assertTrue(in.get(3).optional());
    assertTrue(p.platform().attributes().stream().anyMatch(a -> a.key().equals("param.n") && a.value().toString().contains("minimum")));
  }

  @Test
  void startDatesRelativeToParseTimeAreKeptAndReported() {
    Outcome<List<Pipeline>> o = Read.dagFile("""
        from airflow import DAG
        from airflow.utils.dates import days_ago
        from airflow.operators.empty import EmptyOperator
        dag = DAG("d", schedule_interval=None, default_args={"start_date": days_ago(2)})
        EmptyOperator(task_id="t", dag=dag)
        """);
    assertEquals(List.of("FM3004"), Read.codes(o));
    assertTrue(Read.diagnostics(o).contains("relative to the time the file is parsed"), Read.diagnostics(o));
  }
}
