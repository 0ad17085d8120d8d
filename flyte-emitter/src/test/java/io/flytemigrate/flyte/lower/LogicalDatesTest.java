package io.flytemigrate.flyte.lower;

import static io.flytemigrate.flyte.lower.IrFixtures.DATETIME;
import static io.flytemigrate.flyte.lower.IrFixtures.S;
import static io.flytemigrate.flyte.lower.IrFixtures.bind;
import static io.flytemigrate.flyte.lower.IrFixtures.container;
import static io.flytemigrate.flyte.lower.IrFixtures.graph;
import static io.flytemigrate.flyte.lower.IrFixtures.iface;
import static io.flytemigrate.flyte.lower.IrFixtures.port;
import static io.flytemigrate.flyte.lower.IrFixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.Schedule;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.parity.ParityEntry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Airflow's logical date: a datetime parameter fed by the schedule, and `{{ ds }}` computed from it. */
class LogicalDatesTest {
  /** {@code BashOperator(bash_command="echo {{ ds }} {{ ds_nodash }} {{ ds }}")}, as the Airflow reader maps it. */
  private static Pipeline dag(Optional<io.flytemigrate.ir.Schedule> schedule) {
    Component echo = container("comp-echo", iface(List.of(port("logical_date", DATETIME)), List.of()),
        List.of(new Arg.Concat(List.of(new Arg.Literal("echo "), new Arg.RuntimeValue("ds"), new Arg.Literal(" "),
            new Arg.RuntimeValue("ds_nodash"), new Arg.Literal(" "), new Arg.RuntimeValue("ds"), new Arg.Literal(" "),
            new Arg.RuntimeValue("run_id")))));
    Port date = new Port("logical_date", DATETIME, false, false, Optional.empty(), Optional.empty(), Span.NONE);
    Pipeline.PipelineSettings settings = new Pipeline.PipelineSettings(Optional.empty(), Optional.empty(), schedule,
        List.of(), List.of(new Attribute(LaunchPlanLowering.LOGICAL_DATE_ATTRIBUTE, Value.str("logical_date"), Span.NONE)),
        S);
    return IrFixtures.pipeline("daily", List.of(echo), graph(iface(List.of(date), List.of()),
        List.of(task("echo", "comp-echo", bind("logical_date", new Binding.GraphInput("logical_date")))), List.of()),
        settings);
  }

  private static Lowered lower(Pipeline p) {
    Outcome<Lowered> o = FlyteLowering.lower(p, LoweringOptions.DEFAULT);
    assertFalse(o.hasErrors(), o.diagnostics().toString());
    return o.value().orElseThrow();
  }

  private static TaskDef taskDef(Lowered l, String name) {
    return l.project().tasks().stream().filter(t -> t.python().name().equals(name)).findFirst().orElseThrow();
  }

  private static ParityEntry row(Lowered l, String kind, String source) {
    return l.parity().entries().stream().filter(e -> e.kind().equals(kind) && e.source().equals(source)).findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + source + " in " + l.parity().entries()));
  }

  @Test
  void theContainerGetsTheTextAirflowRendersFromTasksThatComputeIt() {
    Lowered l = lower(dag(Optional.empty()));
    TaskDef echo = taskDef(l, "echo");
    assertEquals(List.of("echo {{.inputs.ds}} {{.inputs.ds_nodash}} {{.inputs.ds}} "),
        echo.container().orElseThrow().args(), "values Flyte cannot compute stay as before");
    assertEquals(LiteralType.simple(LiteralType.SimpleType.DATETIME), echo.iface().input("logical_date").orElseThrow().type());
    TaskDef ds = taskDef(l, "airflow_ds");
    assertEquals(LiteralType.simple(LiteralType.SimpleType.DATETIME), ds.iface().inputs().get(0).type());
    String code = ((TaskBody.PythonFunction) ds.body()).definition();
    assertTrue(code.contains("return utc.strftime(\"%Y-%m-%d\")"), code);
    assertTrue(code.contains(".replace(tzinfo=datetime.timezone.utc)"), code);
    WorkflowDef wf = l.project().pipelineWorkflow();
    List<String> names = wf.nodes().stream().map(Node::id).toList();
    assertEquals(List.of("airflow-ds", "airflow-ds-nodash", "echo"), names);
    assertEquals(Fidelity.EXACT, row(l, "template", "{{ ds }}").status());
    assertTrue(row(l, "template", "{{ ds_nodash }}").reason().contains("`20240131`"));
    ParityEntry date = row(l, "setting", "logical date");
    assertEquals(Fidelity.APPROXIMATED, date.status(), "without a schedule a run must be given its date");
  }

  @Test
  void theScheduleFeedsItsKickoffTimeToTheLogicalDate() {
    Lowered l = lower(dag(Optional.of(new io.flytemigrate.ir.Schedule.Cron("0 2 * * *"))));
    LaunchPlanDef scheduled = l.project().launchPlans().stream().filter(p -> p.schedule().isPresent()).findFirst()
        .orElseThrow();
    assertEquals(new Schedule.Cron("0 2 * * *", Optional.of("logical_date")), scheduled.schedule().get());
    assertEquals(LiteralType.simple(LiteralType.SimpleType.DATETIME),
        l.project().pipelineWorkflow().iface().input("logical_date").orElseThrow().type(), "a plain datetime, not optional");
    assertTrue(FlyteLowering.lower(dag(Optional.of(new io.flytemigrate.ir.Schedule.Cron("0 2 * * *"))),
        LoweringOptions.DEFAULT).diagnostics().isEmpty(), "the kickoff input needs no default");
    assertTrue(row(l, "setting", "logical date").reason().contains("kickoff_time_input_arg"));
    assertTrue(l.parity().entries().stream().noneMatch(e -> e.source().equals(LaunchPlanLowering.LOGICAL_DATE_ATTRIBUTE)),
        "the attribute is used, not dropped");
  }

  @Test
  void pipelinesWithoutTemplatesAreLeftAlone() {
    Pipeline p = IrFixtures.pipeline("plain", List.of(container("comp-echo", iface(List.of(), List.of()),
        List.of(new Arg.Literal("echo hi")))), graph(iface(List.of(), List.of()), List.of(task("echo", "comp-echo")),
        List.of()));
    assertEquals(p, LogicalDates.rewrite(p));
    assertEquals(List.of(), LogicalDates.conversions(p));
  }
}
