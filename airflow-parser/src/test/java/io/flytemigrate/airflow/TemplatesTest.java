package io.flytemigrate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.testing.Read;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jinja in templated arguments: run values, params, trigger keys, pulled XComs, and what is not understood. */
class TemplatesTest {

  private static Outcome<List<Pipeline>> bash(String command) {
    return Read.dagFile("from airflow import DAG\nfrom airflow.operators.bash import BashOperator\n"
        + "from airflow.operators.empty import EmptyOperator\n"
        + "with DAG('d', schedule=None, params={'x': 1}):\n    up = EmptyOperator(task_id='up')\n"
        + "    BashOperator(task_id='b', bash_command=" + command + ")\n");
  }

  private static Arg command(Outcome<List<Pipeline>> o) {
    Pipeline p = o.value().get().get(0);
    return ((Component.ContainerComponent) p.component(Read.task(p, "b").component()).orElseThrow()).container().args().get(0);
  }

  private static Binding input(Outcome<List<Pipeline>> o, String name) {
    return Read.task(o.value().get().get(0), "b").inputs().stream().filter(b -> b.input().equals(name)).map(InputBinding::value)
        .findFirst().orElseThrow(() -> new AssertionError(name + " in " + Read.task(o.value().get().get(0), "b").inputs()));
  }

  @Test
  void logicalDateValuesAreRuntimeValuesFedByTheLogicalDateInput() {
    Outcome<List<Pipeline>> o = bash("'{{ ds_nodash }}-{{ data_interval_end }}'");
    assertEquals(new Arg.Concat(List.of(new Arg.RuntimeValue("ds_nodash"), new Arg.Literal("-"),
        new Arg.RuntimeValue("data_interval_end"))), command(o));
    assertEquals(new Binding.GraphInput("logical_date"), input(o, "logical_date"));
    Pipeline p = o.value().get().get(0);
    assertTrue(p.platform().attributes().stream().anyMatch(a -> a.key().equals("airflow.logical_date_input")));
  }

  @Test
  void paramsAndTriggerKeysAreInputs() {
    Outcome<List<Pipeline>> o = bash("'{{ params.x }} {{ params[\"y\"] }} {{ dag_run.conf.get(\"z\") }}'");
    assertEquals(new Binding.GraphInput("x"), input(o, "param__x"));
    assertEquals(new Binding.GraphInput("y"), input(o, "param__y"));
    assertEquals(new Binding.GraphInput("z"), input(o, "conf__z"));
    assertEquals(List.of("FM3016", "FM3016"), Read.codes(o), "`y` and `z` are not declared");
  }

  @Test
  void undeclaredInputsDefaultToWhatTheTemplateRendersWithoutThem() {
    Outcome<List<Pipeline>> o = bash("'{{ params.y }} {{ dag_run.conf.get(\"z\") }} {{ dag_run.conf.get(\"w\", 5) }}"
        + " {{ dag_run.conf[\"v\"] }}'");
    Pipeline p = o.value().get().get(0);
    assertEquals("y= z=None w=5 v=", p.root().iface().inputs().stream()
        .filter(i -> !i.name().equals("x"))
        .map(i -> i.name() + "=" + ((Value.Str) i.defaultValue().orElseThrow()).value())
        .collect(java.util.stream.Collectors.joining(" ")));
    assertTrue(p.root().iface().inputs().stream().allMatch(Port::optional));
    assertTrue(Read.diagnostics(o).contains("reads `dag_run.conf` key `z`; it becomes an optional pipeline input, `None` by"
        + " default"), Read.diagnostics(o));
    assertTrue(Read.diagnostics(o).contains("reads param `y`, which the dag does not declare; it becomes an optional pipeline"
        + " input, empty by default"), Read.diagnostics(o));
  }

  @Test
  void aTemplatedXcomPullBecomesADataEdgeWithANote() {
    Outcome<List<Pipeline>> o = bash("\"{{ ti.xcom_pull(task_ids='up', key='k')[0] }}\"");
    Binding b = input(o, "xcom__up__k__0");
    assertEquals(new Binding.Field(new Binding.TaskOutput("up", "k"), List.of("0"), "ti.xcom_pull(task_ids='up')[0]"), b);
    assertEquals(List.of("FM3012"), Read.codes(o));
    assertEquals(List.of("up -> b"), Read.edges(o.value().get().get(0)));
  }

  @Test
  void filtersMacrosVariablesAndStatementsAreKeptAsTextAndReported() {
    Outcome<List<Pipeline>> o = bash("'{% if x %}{{ ds | upper }}{{ macros.ds_add(ds, 1) }}{{ var.value.k }}{% endif %}'");
    Arg.Concat parts = (Arg.Concat) command(o);
    assertTrue(parts.parts().stream().allMatch(p -> p instanceof Arg.UnknownPlaceholder), parts.toString());
    assertEquals(List.of("FM3011", "FM3011", "FM3011", "FM3011", "FM3011"), Read.codes(o));
  }

  @Test
  void anXcomArgInAnFStringRendersAsAirflowsJinjaWithoutAnEdge() {
    Outcome<List<Pipeline>> o = Read.dagFile("""
        from airflow import DAG
        from airflow.models.xcom_arg import XComArg
        from airflow.operators.bash import BashOperator
        with DAG("d", schedule=None):
            a = BashOperator(task_id="a", bash_command="echo 1")
            b = BashOperator(task_id="b", bash_command=f"echo {XComArg(a)}")
        """);
    assertEquals(new Arg.Concat(List.of(new Arg.Literal("echo "), new Arg.InputRef("xcom__a", Arg.Access.VALUE))), command(o));
    assertEquals(List.of("a -> b"), Read.edges(o.value().get().get(0)), "the translation waits for `a`");
  }
}
