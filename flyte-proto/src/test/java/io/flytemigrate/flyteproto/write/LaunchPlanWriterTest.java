package io.flytemigrate.flyteproto.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.ScheduleOuterClass;
import io.flytemigrate.flyte.model.KeyValue;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Parameter;
import io.flytemigrate.flyte.model.Schedule;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.flyteproto.Models;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LaunchPlanWriterTest {
  private static final WorkflowDef WF = Models.workflow("pkg.workflows.p.p", Models.iface(List.of(), List.of()), List.of(),
      List.of(), Optional.empty(), WorkflowDef.Role.PIPELINE);

  @Test
  void defaultsAreDefaultsAndTheRestIsRequired() {
    LaunchPlanDef lp = Models.defaultPlan(WF, List.of(
        new Parameter("n", Models.INT, Optional.of(new Literal.IntValue(3))),
        new Parameter("name", Models.STR, Optional.empty()),
        new Parameter("maybe", LiteralType.optional(Models.STR, "str"), Optional.of(new Literal.NoneValue()))));
    LaunchPlanOuterClass.LaunchPlan p = new LaunchPlanWriter(new IdWriter(PackageOptions.Versions.EMPTY)).write(lp);
    var params = p.getSpec().getDefaultInputs().getParametersMap();
    assertEquals(3, params.get("n").getDefault().getScalar().getPrimitive().getInteger());
    assertTrue(params.get("name").getRequired());
    assertFalse(params.get("name").hasDefault());
    assertTrue(params.get("maybe").getDefault().getScalar().hasNoneType());
    assertEquals("str", params.get("maybe").getVar().getType().getUnionType().getVariants(0).getStructure().getTag());
    assertEquals("n", params.get("n").getVar().getDescription());
    assertEquals("pkg.workflows.p.p", p.getId().getName());
    assertEquals(flyteidl.core.IdentifierOuterClass.ResourceType.LAUNCH_PLAN, p.getId().getResourceType());
    assertEquals(flyteidl.core.IdentifierOuterClass.ResourceType.WORKFLOW, p.getSpec().getWorkflowId().getResourceType());
    assertTrue(p.getSpec().hasLabels() && p.getSpec().hasAnnotations() && p.getSpec().hasRawOutputDataConfig());
    assertTrue(p.getClosure().hasExpectedInputs() && p.getClosure().hasExpectedOutputs());
    assertFalse(p.getSpec().getEntityMetadata().hasSchedule());
  }

  @Test
  void aScheduledPlanHasItsCronLabelsAndLimits() {
    LaunchPlanDef lp = new LaunchPlanDef(Models.planId("pkg.workflows.p.p_nightly"), WF.id(), List.of(),
        List.of(new LaunchPlanDef.FixedInput("day", new Literal.StringValue("mon"))),
        Optional.of(new Schedule.Cron("0 2 * * *", Optional.of("run_date"))), List.of(new KeyValue("team", "data")),
        List.of(new KeyValue("owner", "me")), "s3://bucket/raw", OptionalInt.of(10), false, WF.python());
    LaunchPlanOuterClass.LaunchPlanSpec s = new LaunchPlanWriter(new IdWriter(PackageOptions.Versions.MODEL)).write(lp).getSpec();
    ScheduleOuterClass.Schedule sch = s.getEntityMetadata().getSchedule();
    assertEquals("0 2 * * *", sch.getCronSchedule().getSchedule());
    assertEquals("run_date", sch.getKickoffTimeInputArg());
    assertEquals("mon", s.getFixedInputs().getLiteralsMap().get("day").getScalar().getPrimitive().getStringValue());
    assertEquals("data", s.getLabels().getValuesMap().get("team"));
    assertEquals("me", s.getAnnotations().getValuesMap().get("owner"));
    assertEquals("s3://bucket/raw", s.getRawOutputDataConfig().getOutputLocationPrefix());
    assertEquals(10, s.getMaxParallelism());
    assertEquals(Models.VERSION, s.getWorkflowId().getVersion());
  }

  @Test
  void aFixedRateIsARate() {
    LaunchPlanDef lp = new LaunchPlanDef(Models.planId("pkg.workflows.p.p_every"), WF.id(), List.of(), List.of(),
        Optional.of(new Schedule.FixedRate(6, Schedule.RateUnit.HOUR, Optional.empty())), List.of(), List.of(), "",
        OptionalInt.empty(), false, WF.python());
    ScheduleOuterClass.Schedule sch = new LaunchPlanWriter(new IdWriter(PackageOptions.Versions.EMPTY)).write(lp).getSpec()
        .getEntityMetadata().getSchedule();
    assertEquals(6, sch.getRate().getValue());
    assertEquals(ScheduleOuterClass.FixedRateUnit.HOUR, sch.getRate().getUnit());
  }
}
