package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.TaskSettings.Trigger;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A task's run settings: retries (with Airflow's 300 s default delay and doubling back-off),
 * timeout, trigger rule (string, {@code TriggerRule.X}, old aliases) and every other setting as
 * an {@link Attribute} (pool, queue, priority, owner, email, depends_on_past, dates, ...).
 */
final class Settings {
  private Settings() {}

  private static final Set<String> TYPED = Set.of("retries", "retry_delay", "retry_exponential_backoff", "max_retry_delay",
      "execution_timeout", "trigger_rule", "task_display_name", "provide_context", "multiple_outputs");

  static TaskSettings of(TaskModel t, Effective e, DagScope scope, List<Attribute> extra) {
    List<Attribute> attributes = new ArrayList<>();
    Optional<TaskSettings.Retry> retry = retry(t, e, scope);
    Optional<String> timeout = duration(t, e, "execution_timeout", scope);
    Trigger trigger = trigger(t, e, scope, attributes);
    for (Kwarg k : e.all()) {
      if (!Effective.SETTINGS.contains(k.name()) || TYPED.contains(k.name())) {
        continue;
      }
      if (k.value() instanceof PyValue.None) {
        continue;
      }
      if (k.value() instanceof PyValue.Unknown u) {
        reportUnknown(t, k, u, e.fromDefaults(k.name()), scope);
      }
      attributes.add(new Attribute(k.name(), IrValues.value(k.value()), k.span()));
    }
    attributes.addAll(extra);
    Span span = t.span();
    return new TaskSettings(Optional.empty(), Optional.empty(), retry, timeout, trigger, attributes, span);
  }

  private static void reportUnknown(TaskModel t, Kwarg k, PyValue.Unknown u, boolean fromDefaults, DagScope scope) {
    String key = fromDefaults ? "default:" + k.name() : "setting@" + t.id() + "/" + k.name();
    if (scope.once(key)) {
      String whose = fromDefaults ? "`default_args` key `" + k.name() + "` of dag `" + t.dag().dagId() + "`"
          : "setting `" + k.name() + "` of task `" + t.id() + "`";
      scope.report(Codes.AIRFLOW_UNRESOLVED, k.span(), whose + " cannot be computed statically: " + u.why(),
          "it is kept as written (`" + TaskIo.oneLine(u.raw()) + "`)");
    }
  }

  private static Optional<TaskSettings.Retry> retry(TaskModel t, Effective e, DagScope scope) {
    PyValue retries = e.value("retries");
    if (retries == null || retries instanceof PyValue.None) {
      return Optional.empty();
    }
    if (!(retries instanceof PyValue.Int n)) {
      e.get("retries").ifPresent(k -> reportUnknown(t, k, new PyValue.Unknown(k.raw(),
          retries instanceof PyValue.Unknown u ? u.why() : "it is not an integer"), e.fromDefaults("retries"), scope));
      return Optional.empty();
    }
    if (n.value() <= 0) {
      return Optional.empty();
    }
    Optional<String> delay = duration(t, e, "retry_delay", scope);
    if (delay.isEmpty()) {
      delay = Optional.of("PT5M");
    }
    Optional<Double> factor = Optional.empty();
    PyValue exp = e.value("retry_exponential_backoff");
    if (exp instanceof PyValue.Bool b && b.value()) {
      factor = Optional.of(2.0);
    } else if (exp instanceof PyValue.Int i && i.value() > 0) {
      factor = Optional.of((double) i.value());
    } else if (exp instanceof PyValue.Float f && f.value() > 0) {
      factor = Optional.of(f.value());
    }
    Optional<String> max = duration(t, e, "max_retry_delay", scope);
    Span span = e.get("retries").map(Kwarg::span).orElse(Span.NONE);
    return Optional.of(new TaskSettings.Retry((int) Math.min(Integer.MAX_VALUE, n.value()), delay, factor, max, span));
  }

  private static Optional<String> duration(TaskModel t, Effective e, String name, DagScope scope) {
    PyValue v = e.value(name);
    if (v == null || v instanceof PyValue.None) {
      return Optional.empty();
    }
    if (v instanceof PyValue.Duration d) {
      return Optional.of(d.iso());
    }
    if (v instanceof PyValue.Int i) {
      return Optional.of(new PyValue.Duration(i.value()).iso());
    }
    if (v instanceof PyValue.Float f) {
      return Optional.of(new PyValue.Duration(f.value()).iso());
    }
    e.get(name).ifPresent(k -> reportUnknown(t, k, new PyValue.Unknown(k.raw(),
        v instanceof PyValue.Unknown u ? u.why() : "it is not a `timedelta`"), e.fromDefaults(name), scope));
    return Optional.empty();
  }

  private static Trigger trigger(TaskModel t, Effective e, DagScope scope, List<Attribute> attributes) {
    Optional<Kwarg> k = e.get("trigger_rule");
    if (k.isEmpty() || k.get().value() instanceof PyValue.None) {
      if (t.teardown()) {
        attributes.add(new Attribute("trigger_rule", new Value.Str("all_done_setup_success"), t.span()));
        return Trigger.ALL_DONE;
      }
      return Trigger.ALL_SUCCEEDED;
    }
    PyValue v = k.get().value();
    if (!(v instanceof PyValue.Str s)) {
      reportUnknown(t, k.get(), new PyValue.Unknown(k.get().raw(), v instanceof PyValue.Unknown u ? u.why()
          : "it is not a trigger rule"), e.fromDefaults("trigger_rule"), scope);
      return Trigger.ALL_SUCCEEDED;
    }
    String rule = s.value().toLowerCase(Locale.ROOT);
    switch (rule) {
      case "all_success" -> {
        return Trigger.ALL_SUCCEEDED;
      }
      case "all_done" -> {
        return Trigger.ALL_DONE;
      }
      case "all_failed" -> {
        return Trigger.ALL_FAILED;
      }
      case "all_skipped" -> {
        return Trigger.ALL_SKIPPED;
      }
      case "one_success" -> {
        return Trigger.ONE_SUCCESS;
      }
      case "one_failed" -> {
        return Trigger.ONE_FAILED;
      }
      case "one_done" -> {
        return Trigger.ONE_DONE;
      }
      case "none_failed" -> {
        return Trigger.NONE_FAILED;
      }
      case "none_failed_min_one_success", "none_failed_or_skipped" -> {
        return Trigger.NONE_FAILED_MIN_ONE_SUCCESS;
      }
      case "none_skipped" -> {
        return Trigger.NONE_SKIPPED;
      }
      case "always", "dummy" -> {
        return Trigger.ALWAYS;
      }
      case "all_done_setup_success", "all_done_min_one_success" -> {
        attributes.add(new Attribute("trigger_rule", new Value.Str(rule), k.get().span()));
        return Trigger.ALL_DONE;
      }
      default -> {
        attributes.add(new Attribute("trigger_rule", new Value.Str(rule), k.get().span()));
        if (scope.once("trigger@" + t.id())) {
          scope.report(Codes.AIRFLOW_UNRESOLVED, k.get().span(), "task `" + t.id() + "` has trigger rule `" + rule
              + "`, which airflow does not define; it is read as `all_success`", "use one of airflow's trigger rules");
        }
        return Trigger.ALL_SUCCEEDED;
      }
    }
  }
}
