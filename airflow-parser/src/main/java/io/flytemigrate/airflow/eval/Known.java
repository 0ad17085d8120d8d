package io.flytemigrate.airflow.eval;

import java.util.Set;

/**
 * The names the evaluator understands, by qualified name as the file imports them. Airflow moved
 * most names between versions ({@code airflow.models.DAG}, {@code airflow.sdk.DAG}, ...), so
 * Airflow names are recognised by their last segment under the {@code airflow} package.
 */
final class Known {
  private Known() {}

  /** Airflow names with a meaning of their own (the value of {@link #airflowConcept}). */
  private static final Set<String> AIRFLOW_CONCEPTS = Set.of(
      "DAG", "dag", "task", "task_group", "TaskGroup", "setup", "teardown", "chain", "chain_linear",
      "cross_downstream", "Label", "XComArg", "Param", "Dataset", "Asset", "DatasetAlias", "AssetAlias",
      "TriggerRule", "get_current_context", "Variable", "days_ago", "asset", "Metadata", "BaseOperator",
      "DatasetOrTimeSchedule", "AssetOrTimeSchedule", "PokeReturnValue", "is_venv_installed", "conf",
      "Secret", "TaskInstance", "DagRun", "Context", "AirflowException", "AirflowSkipException",
      "AirflowFailException", "WeekDay", "Connection", "BaseHook", "ObjectStoragePath", "teardown_call");

  /** Stdlib and common libraries whose calls at parse time never create tasks. */
  private static final Set<String> VALUE_MODULES = Set.of(
      "os", "sys", "json", "datetime", "time", "random", "uuid", "logging", "pathlib", "tempfile", "textwrap",
      "re", "math", "itertools", "functools", "collections", "typing", "subprocess", "shutil", "glob", "io",
      "csv", "string", "copy", "pprint", "socket", "urllib", "http", "hashlib", "base64", "contextlib",
      "dataclasses", "enum", "warnings", "traceback", "inspect", "pendulum", "dateutil", "jinja2", "requests",
      "boto3", "botocore", "kubernetes", "yaml", "ast", "operator", "platform", "getpass", "calendar",
      "decimal", "fractions", "statistics", "secrets", "signal", "threading", "multiprocessing", "pickle",
      "zoneinfo", "pytz", "builtins", "__future__", "airflow");

  /** The concept an Airflow name stands for, or null for names outside Airflow or not special. */
  static String airflowConcept(String qualname) {
    if (!qualname.startsWith("airflow.")) {
      return null;
    }
    String last = last(qualname);
    return AIRFLOW_CONCEPTS.contains(last) ? last : null;
  }

  /**
   * Whether the name is an operator class: a CamelCase Airflow name ending in {@code Operator}
   * or {@code Sensor}, or any CamelCase name from an {@code operators}, {@code sensors} or
   * {@code transfers} module.
   */
  static boolean isOperatorClass(String qualname) {
    if (!qualname.startsWith("airflow.")) {
      return false;
    }
    String last = last(qualname);
    if (last.isEmpty() || !Character.isUpperCase(last.charAt(0)) || AIRFLOW_CONCEPTS.contains(last)) {
      return false;
    }
    if (last.endsWith("Operator") || last.endsWith("Sensor") || last.endsWith("SensorAsync")
        || last.equals("ExternalTaskMarker")) {
      return true;
    }
    String module = qualname.substring(0, qualname.length() - last.length());
    return (module.contains(".operators.") || module.contains(".sensors.") || module.contains(".transfers."))
        && !last.endsWith("Hook") && !last.endsWith("Link") && !last.endsWith("Trigger");
  }

  /** The top-level package of a qualified name. */
  static String topPackage(String qualname) {
    int dot = qualname.indexOf('.');
    return dot < 0 ? qualname : qualname.substring(0, dot);
  }

  /** Whether calling something from this module is plain computation, never a task. */
  static boolean isValueModule(String qualname) {
    return VALUE_MODULES.contains(topPackage(qualname));
  }

  /** Whether the name is scaffolding of Airflow's system tests. */
  static boolean isTestScaffolding(String qualname) {
    return (qualname.startsWith("tests.") || qualname.startsWith("tests_common.") || qualname.startsWith("system."))
        && (qualname.endsWith(".watcher") || qualname.endsWith(".get_test_run") || qualname.endsWith(".get_test_env_id"));
  }

  static String last(String qualname) {
    int dot = qualname.lastIndexOf('.');
    return dot < 0 ? qualname : qualname.substring(dot + 1);
  }
}
