package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.GroupModel;
import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A task's arguments as Airflow applies them: the DAG's {@code default_args}, then those of its
 * task groups from the outermost in, then the task's own {@code default_args}, then what the
 * call and later assignments give (an explicit argument always wins).
 */
final class Effective {
  /** Keys that are task settings: from {@code default_args} they apply to every task. */
  static final Set<String> SETTINGS = Set.of(
      "retries", "retry_delay", "retry_exponential_backoff", "max_retry_delay", "execution_timeout", "trigger_rule",
      "pool", "pool_slots", "queue", "priority_weight", "weight_rule", "owner", "email", "email_on_failure",
      "email_on_retry", "depends_on_past", "wait_for_downstream", "ignore_first_depends_on_past",
      "wait_for_past_depends_before_skipping", "start_date", "end_date", "executor", "executor_config", "sla",
      "on_failure_callback", "on_success_callback", "on_retry_callback", "on_execute_callback", "on_skipped_callback",
      "sla_miss_callback", "doc", "doc_md", "doc_rst", "doc_json", "doc_yaml", "max_active_tis_per_dag",
      "max_active_tis_per_dagrun", "task_concurrency", "outlets", "inlets", "do_xcom_push", "task_display_name",
      "map_index_template", "run_as_user", "resources", "retry_policy", "on_failure_fail_dagrun", "run_if", "skip_if",
      "params", "provide_context", "show_return_value_in_logs", "allow_nested_operators", "logger_name", "post_execute",
      "pre_execute", "ui_color", "ui_fgcolor", "multiple_outputs");

  private final LinkedHashMap<String, Kwarg> values = new LinkedHashMap<>();
  private final Set<String> fromDefaults = new java.util.HashSet<>();

  private Effective() {}

  static Effective of(TaskModel t) {
    Effective e = new Effective();
    for (Kwarg k : t.dag().defaultArgs().values()) {
      e.putDefault(k);
    }
    List<GroupModel> chain = new ArrayList<>();
    for (Optional<GroupModel> g = t.group(); g.isPresent(); g = g.get().parent()) {
      chain.add(0, g.get());
    }
    for (GroupModel g : chain) {
      e.spread(g.kwargs().get("default_args"));
    }
    e.spread(t.kwargs().get("default_args"));
    for (Kwarg k : t.kwargs().values()) {
      if (!k.name().equals("default_args")) {
        e.values.remove(k.name());
        e.values.put(k.name(), k);
        e.fromDefaults.remove(k.name());
      }
    }
    return e;
  }

  private void spread(Kwarg defaults) {
    if (defaults != null && defaults.value() instanceof PyValue.DictV d) {
      for (Map.Entry<PyValue, PyValue> entry : d.entries().entrySet()) {
        if (entry.getKey() instanceof PyValue.Str k) {
          putDefault(new Kwarg(k.value(), entry.getValue(), defaults.span(), defaults.raw() + "[\"" + k.value() + "\"]"));
        }
      }
    }
  }

  private void putDefault(Kwarg k) {
    values.remove(k.name());
    values.put(k.name(), k);
    fromDefaults.add(k.name());
  }

  Optional<Kwarg> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  PyValue value(String name) {
    Kwarg k = values.get(name);
    return k == null ? null : k.value();
  }

  boolean fromDefaults(String name) {
    return fromDefaults.contains(name);
  }

  /** Every argument in order. */
  List<Kwarg> all() {
    return new ArrayList<>(values.values());
  }

  /**
   * Arguments of the operator itself (not task settings); keys that only come from
   * {@code default_args} are included only when {@code withDefaults}.
   */
  List<Kwarg> operatorArgs(boolean withDefaults) {
    List<Kwarg> out = new ArrayList<>();
    for (Kwarg k : values.values()) {
      if (SETTINGS.contains(k.name())) {
        continue;
      }
      if (fromDefaults.contains(k.name()) && !withDefaults) {
        continue;
      }
      out.add(k);
    }
    return out;
  }
}
