package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.KeyValue;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.Parameter;
import io.flytemigrate.flyte.model.PythonRef;
import io.flytemigrate.flyte.model.Schedule;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Pipeline-wide settings: a schedule becomes a second launch plan with a {@code CronSchedule} or
 * {@code FixedRate} (every workflow already has its default plan, with the parameters' defaults)
 * whose kickoff time feeds the pipeline's {@code datetime} parameter (Airflow's logical date);
 * tags become launch-plan labels; settings Flyte has no place for are reported.
 */
final class LaunchPlanLowering {
  /** The pipeline attribute naming the parameter that holds the run's logical date (the Airflow reader sets it). */
  static final String LOGICAL_DATE_ATTRIBUTE = "airflow.logical_date_input";

  private LaunchPlanLowering() {}

  static void pipelineSettings(Context ctx, WorkflowDef pipeline) {
    Pipeline.PipelineSettings s = ctx.pipeline.platform();
    s.defaultRoot().ifPresent(root -> ctx.parity.approximated("setting", "pipeline root", s.span(),
        "raw output data prefix", "Flyte sets where task outputs go at registration or per run: pass `" + root
            + "` to `flytectl register files --outputLocationPrefix`"));
    s.workspace().ifPresent(w -> ctx.parity.dropped("setting", "workspace", s.span(),
        "Flyte tasks share no volume; data moves between tasks as inputs and outputs"));
    for (Attribute a : s.attributes()) {
      if (!a.key().equals(LOGICAL_DATE_ATTRIBUTE)) {
        ctx.parity.dropped("setting", a.key(), a.span(), "Flyte has no pipeline-wide setting `" + a.key() + "`");
      }
    }
    Optional<String> kickoff = kickoffInput(ctx, pipeline);
    for (LogicalDates.Conversion c : LogicalDates.conversions(ctx.pipeline)) {
      String what = "task `" + Names.keepIdentifier(c.component().functionName()) + "`";
      String how = "computed from the run's logical date by a task, as Airflow renders it (`" + c.example() + "`), and"
          + " passed to the command as text: Flyte would render the `datetime` itself as RFC 3339";
      if (c.exact()) {
        ctx.parity.exact("template", "{{ " + c.value() + " }}", c.component().span(), what, how);
      } else {
        ctx.parity.approximated("template", "{{ " + c.value() + " }}", c.component().span(), what, how
            + "; Airflow renders the date object itself, whose text may separate date and time with a space");
      }
    }
    List<KeyValue> labels = new ArrayList<>();
    for (String tag : s.tags()) {
      String key = Names.dnsify(tag);
      if (!key.isEmpty() && labels.size() < 16) {
        labels.add(new KeyValue(key, "true"));
        ctx.parity.approximated("setting", "tag " + tag, s.span(), "label `" + key + "`",
            "tags become execution labels of the scheduled launch plan");
      }
    }
    Optional<Schedule> schedule = s.schedule().flatMap(x -> schedule(x, ctx, s.span())).map(x -> withKickoff(x, kickoff));
    kickoff.ifPresent(k -> {
      String input = "workflow input `" + k + ": datetime.datetime`";
      if (schedule.isPresent()) {
        ctx.parity.approximated("setting", "logical date", s.span(), input,
            "the schedule passes the time each run is scheduled for as `kickoff_time_input_arg`; Airflow 2's timetables"
                + " date a run by the start of its data interval, one schedule interval earlier (Airflow 3's cron"
                + " timetables date it by the time it runs, as here)");
      } else {
        ctx.parity.approximated("setting", "logical date", s.span(), input,
            "the pipeline has no Flyte schedule, so each run must be given its logical date (Airflow uses the trigger"
                + " time)");
      }
    });
    if (schedule.isEmpty()) {
      return;
    }
    LaunchPlanDef def = ctx.launchPlans.stream().filter(l -> l.defaultPlan() && l.workflow().equals(pipeline.id()))
        .findFirst().orElseThrow();
    List<String> required = def.defaultInputs().stream().filter(Parameter::required).map(Parameter::var)
        .filter(v -> kickoff.map(k -> !k.equals(v)).orElse(true)).toList();
    if (!required.isEmpty()) {
      ctx.warn(Codes.SCHEDULE_NEEDS_DEFAULTS, s.span(), "the schedule's launch plan has inputs without defaults: `"
          + String.join("`, `", required) + "`", "Flyte refuses to register a scheduled launch plan unless every input has"
          + " a default; give the parameters defaults");
    }
    String var = ctx.workflowNames.claim(pipeline.python().name() + "_schedule");
    ctx.launchPlans.add(new LaunchPlanDef(ctx.id(Identifier.ResourceType.LAUNCH_PLAN, pipeline.python().module() + "." + var),
        pipeline.id(), def.defaultInputs(), List.of(), schedule, labels.stream().sorted((a, b) -> a.key().compareTo(b.key()))
            .toList(), List.of(), "", OptionalInt.empty(), false, new PythonRef(pipeline.python().module(), var)));
  }

  /**
   * The workflow input that receives the scheduled time: a {@code datetime} input of the
   * pipeline, the one the reader names ({@value #LOGICAL_DATE_ATTRIBUTE}) when there are several.
   * Flyte requires it to be a plain {@code DATETIME} without a default.
   */
  private static Optional<String> kickoffInput(Context ctx, WorkflowDef pipeline) {
    Optional<String> named = ctx.pipeline.platform().attributes().stream()
        .filter(a -> a.key().equals(LOGICAL_DATE_ATTRIBUTE) && a.value() instanceof Value.Str).findFirst()
        .map(a -> Names.keepIdentifier(((Value.Str) a.value()).value()));
    List<Parameter> inputs = ctx.launchPlans.stream().filter(l -> l.defaultPlan() && l.workflow().equals(pipeline.id()))
        .findFirst().map(LaunchPlanDef::defaultInputs).orElse(List.of());
    List<String> candidates = inputs.stream()
        .filter(p -> p.required() && p.type().equals(LiteralType.simple(LiteralType.SimpleType.DATETIME)))
        .map(Parameter::var).toList();
    if (named.isPresent() && candidates.contains(named.get())) {
      return named;
    }
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  private static Schedule withKickoff(Schedule s, Optional<String> kickoff) {
    if (s instanceof Schedule.Cron c) {
      return new Schedule.Cron(c.expression(), kickoff);
    }
    Schedule.FixedRate r = (Schedule.FixedRate) s;
    return new Schedule.FixedRate(r.value(), r.unit(), kickoff);
  }

  private static Optional<Schedule> schedule(io.flytemigrate.ir.Schedule s, Context ctx, io.flytemigrate.ir.diag.Span span) {
    if (s instanceof io.flytemigrate.ir.Schedule.Cron c) {
      if (c.expression().trim().split("\\s+").length == 5) {
        ctx.parity.exact("schedule", c.expression(), span, "CronSchedule(schedule=\"" + c.expression() + "\")");
        return Optional.of(new Schedule.Cron(c.expression().trim(), Optional.empty()));
      }
      ctx.parity.dropped("schedule", c.expression(), span, "Flyte accepts five-field cron expressions only");
      return Optional.empty();
    }
    if (s instanceof io.flytemigrate.ir.Schedule.Preset p) {
      String name = p.name().startsWith("@") ? p.name() : "@" + p.name();
      if (List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly").contains(name)) {
        ctx.parity.exact("schedule", p.name(), span, "CronSchedule(schedule=\"" + name + "\")");
        return Optional.of(new Schedule.Cron(name, Optional.empty()));
      }
      ctx.parity.dropped("schedule", p.name(), span, "preset `" + p.name() + "` has no Flyte counterpart");
      return Optional.empty();
    }
    if (s instanceof io.flytemigrate.ir.Schedule.Every e) {
      try {
        long minutes = Duration.parse(e.duration()).toMinutes();
        if (minutes > 0 && Duration.parse(e.duration()).getSeconds() % 60 == 0) {
          Schedule.FixedRate rate = minutes % 1440 == 0 ? new Schedule.FixedRate(minutes / 1440, Schedule.RateUnit.DAY, Optional.empty())
              : minutes % 60 == 0 ? new Schedule.FixedRate(minutes / 60, Schedule.RateUnit.HOUR, Optional.empty())
              : new Schedule.FixedRate(minutes, Schedule.RateUnit.MINUTE, Optional.empty());
          ctx.parity.exact("schedule", e.duration(), span, "FixedRate(" + rate.value() + " " + rate.unit() + ")");
          return Optional.of(rate);
        }
      } catch (DateTimeParseException ex) {
        // reported below
      }
      ctx.parity.dropped("schedule", e.duration(), span, "Flyte's fixed rates are whole minutes");
      return Optional.empty();
    }
    if (s instanceof io.flytemigrate.ir.Schedule.OnData d) {
      ctx.parity.dropped("schedule", String.join(", ", d.datasets()), span,
          "Flyte 1 has no data-triggered schedules; trigger the launch plan from the producer");
      return Optional.empty();
    }
    io.flytemigrate.ir.Schedule.Custom c = (io.flytemigrate.ir.Schedule.Custom) s;
    ctx.parity.dropped("schedule", c.raw(), span, "a `" + c.kind() + "` schedule has no Flyte counterpart");
    return Optional.empty();
  }
}
