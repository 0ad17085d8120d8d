package io.flytemigrate.flyteproto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.admin.LaunchPlanOuterClass;
import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.flyteproto.pack.FlytePackage;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.Schedule;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A scheduled launch plan passes its kickoff time to a free datetime input, as flyteadmin requires. */
class KickoffTimeTest {
  private static final Span S = Span.at("dag.py", 1, 1);

  /** An Airflow-shaped pipeline: a daily schedule, a bash task echoing {@code {{ ds }}}, a `limit` parameter. */
  private static Pipeline dag() {
    IrType datetime = IrType.primitive(IrType.Scalar.DATETIME);
    Component echo = new Component.ContainerComponent("comp-echo", new Interface(List.of(new Port("logical_date", datetime,
        false, false, Optional.empty(), Optional.empty(), S)), List.of()), Optional.empty(), new ContainerSpec("bash:5.2",
        List.of(new Arg.Literal("bash"), new Arg.Literal("-c")), List.of(new Arg.Concat(List.of(new Arg.Literal("echo "),
            new Arg.RuntimeValue("ds")))), List.of(), Resources.NONE, KubernetesSettings.NONE, S), S);
    Graph root = new Graph(new Interface(List.of(
        new Port("logical_date", datetime, false, false, Optional.empty(), Optional.empty(), Span.NONE),
        new Port("limit", IrType.primitive(IrType.Scalar.INT), false, true, Optional.of(new Value.Int(3)), Optional.empty(),
            S)), List.of()),
        List.of(new Node.TaskNode("echo", "echo", "comp-echo", List.of(new InputBinding("logical_date",
            new Binding.GraphInput("logical_date"), S)), List.of(), TaskSettings.DEFAULT, Optional.empty(), S)), List.of(), S);
    Pipeline.PipelineSettings settings = new Pipeline.PipelineSettings(Optional.empty(), Optional.empty(),
        Optional.of(new Schedule.Preset("@daily")), List.of(), List.of(new Attribute("airflow.logical_date_input",
            Value.str("logical_date"), Span.NONE)), S);
    return new Pipeline("daily", Optional.empty(), Optional.empty(), new Pipeline.SourceInfo("dag.py", "airflow",
        Optional.empty(), Optional.empty()), List.of(echo), root, settings, S);
  }

  private static List<Diagnostic> verify(Pipeline p, Lowered l, byte[] pkg) {
    return Verifier.verify("flyte-package.tgz", pkg, p, Optional.of(l.parity()));
  }

  @Test
  void theTranslationPassesAndAWrongKickoffInputIsCaught() {
    Pipeline p = dag();
    Lowered l = FlyteLowering.lower(p, LoweringOptions.DEFAULT).value().orElseThrow();
    byte[] pkg = FlytePackage.write(l.project(), FlytekitProjectWriter.write(l.project()), PackageOptions.DEFAULT).bytes();
    List<Diagnostic> clean = verify(p, l, pkg);
    assertTrue(Verifier.passed(clean), clean::toString);
    assertEquals(1L, Tamper.files(pkg).stream().filter(f -> f.name().endsWith("_schedule_3.pb")).count());

    byte[] toInt = Tamper.launchPlans(pkg, lp -> kickoff(lp, "limit"));
    assertTrue(verify(p, l, toInt).stream().anyMatch(d -> d.code().equals(Codes.VERIFY_INVALID_ENTITY)
        && d.message().contains("passes its kickoff time to `limit`, which is not a `datetime` input")), () ->
        verify(p, l, toInt).toString());
    byte[] toNothing = Tamper.launchPlans(pkg, lp -> kickoff(lp, "day"));
    assertTrue(verify(p, l, toNothing).stream().anyMatch(d -> d.code().equals(Codes.VERIFY_INVALID_ENTITY)
        && d.message().contains("`day`, which is not a free input")));
  }

  private static LaunchPlanOuterClass.LaunchPlan kickoff(LaunchPlanOuterClass.LaunchPlan lp, String input) {
    if (!lp.getSpec().getEntityMetadata().hasSchedule()) {
      return lp;
    }
    var meta = lp.getSpec().getEntityMetadata();
    return lp.toBuilder().setSpec(lp.getSpec().toBuilder().setEntityMetadata(meta.toBuilder().setSchedule(
        meta.getSchedule().toBuilder().setKickoffTimeInputArg(input)))).build();
  }
}
