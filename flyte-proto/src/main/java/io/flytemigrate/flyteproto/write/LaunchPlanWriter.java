package io.flytemigrate.flyteproto.write;

import flyteidl.admin.Common;
import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.ScheduleOuterClass;
import flyteidl.core.Interface;
import flyteidl.core.Literals;
import io.flytemigrate.flyte.model.KeyValue;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.Schedule;

/**
 * One launch plan as {@code LaunchPlan{id, spec, closure}} (flyte-target.md 4), as flytekit's
 * {@code get_serializable_launch_plan} writes it: labels, annotations and the raw output config
 * always present (empty when unset), the schedule in {@code entity_metadata}, and a closure with
 * empty expected inputs and outputs.
 */
final class LaunchPlanWriter {
  private final IdWriter ids;

  LaunchPlanWriter(IdWriter ids) {
    this.ids = ids;
  }

  LaunchPlanOuterClass.LaunchPlan write(LaunchPlanDef lp) {
    LaunchPlanOuterClass.LaunchPlanMetadata.Builder meta = LaunchPlanOuterClass.LaunchPlanMetadata.newBuilder();
    lp.schedule().ifPresent(s -> meta.setSchedule(schedule(s)));
    Literals.LiteralMap.Builder fixed = Literals.LiteralMap.newBuilder();
    for (LaunchPlanDef.FixedInput f : lp.fixedInputs()) {
      fixed.putLiterals(f.var(), LiteralWriter.literal(f.value()));
    }
    Common.Labels.Builder labels = Common.Labels.newBuilder();
    for (KeyValue kv : lp.labels()) {
      labels.putValues(kv.key(), kv.value());
    }
    Common.Annotations.Builder annotations = Common.Annotations.newBuilder();
    for (KeyValue kv : lp.annotations()) {
      annotations.putValues(kv.key(), kv.value());
    }
    LaunchPlanOuterClass.LaunchPlanSpec.Builder spec = LaunchPlanOuterClass.LaunchPlanSpec.newBuilder()
        .setWorkflowId(ids.write(lp.workflow()))
        .setEntityMetadata(meta)
        .setDefaultInputs(InterfaceWriter.parameters(lp.defaultInputs()))
        .setFixedInputs(fixed)
        .setLabels(labels)
        .setAnnotations(annotations)
        .setRawOutputDataConfig(Common.RawOutputDataConfig.newBuilder().setOutputLocationPrefix(lp.rawOutputPrefix()));
    lp.maxParallelism().ifPresent(spec::setMaxParallelism);
    return LaunchPlanOuterClass.LaunchPlan.newBuilder()
        .setId(ids.write(lp.id()))
        .setSpec(spec)
        .setClosure(LaunchPlanOuterClass.LaunchPlanClosure.newBuilder()
            .setExpectedInputs(Interface.ParameterMap.getDefaultInstance())
            .setExpectedOutputs(Interface.VariableMap.getDefaultInstance()))
        .build();
  }

  private static ScheduleOuterClass.Schedule schedule(Schedule s) {
    ScheduleOuterClass.Schedule.Builder b = ScheduleOuterClass.Schedule.newBuilder();
    if (s instanceof Schedule.Cron cron) {
      b.setCronSchedule(ScheduleOuterClass.CronSchedule.newBuilder().setSchedule(cron.expression()));
    } else if (s instanceof Schedule.FixedRate rate) {
      b.setRate(ScheduleOuterClass.FixedRate.newBuilder()
          .setValue((int) rate.value())
          .setUnit(ScheduleOuterClass.FixedRateUnit.forNumber(rate.unit().number())));
    } else {
      throw new AssertionError(s);
    }
    s.kickoffTimeInput().ifPresent(b::setKickoffTimeInputArg);
    return b.build();
  }
}
