package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.TaskModel;
import java.util.Set;

/** What kind of IR component a task becomes, by its operator class or TaskFlow decorator. */
final class Operators {
  private Operators() {}

  /** The translations the reader has. */
  enum Kind {
    /** Ordering only: {@code EmptyOperator}, {@code DummyOperator}. */
    EMPTY,
    BASH,
    PYTHON,
    KUBERNETES,
    DOCKER,
    /** Kept with its class and arguments, and reported. */
    OPAQUE
  }

  private static final Set<String> PYTHON_OPERATORS = Set.of(
      "PythonOperator", "PythonVirtualenvOperator", "ExternalPythonOperator", "BranchPythonOperator",
      "BranchPythonVirtualenvOperator", "BranchExternalPythonOperator", "ShortCircuitOperator");

  static Kind kind(TaskModel t) {
    if (t.style() == TaskModel.Style.PLACEHOLDER) {
      return Kind.OPAQUE;
    }
    if (t.style() == TaskModel.Style.TASKFLOW) {
      return Kind.PYTHON;
    }
    if (t.definedInFile() || !t.qualifiedName().startsWith("airflow.")) {
      return Kind.OPAQUE;
    }
    String op = t.operator();
    if (op.equals("EmptyOperator") || op.equals("DummyOperator")) {
      return Kind.EMPTY;
    }
    if (op.equals("BashOperator")) {
      return Kind.BASH;
    }
    if (PYTHON_OPERATORS.contains(op)) {
      return t.function().isPresent() ? Kind.PYTHON : Kind.OPAQUE;
    }
    if (op.equals("KubernetesPodOperator") || op.equals("GKEStartPodOperator") || op.equals("EksPodOperator")) {
      return Kind.KUBERNETES;
    }
    if (op.equals("DockerOperator") || op.equals("DockerSwarmOperator")) {
      return Kind.DOCKER;
    }
    return Kind.OPAQUE;
  }

  /** A task that picks its downstream tasks at run time. */
  static boolean isBranch(TaskModel t) {
    String op = t.operator();
    return t.style() == TaskModel.Style.TASKFLOW ? op.startsWith("task.branch")
        : op.startsWith("Branch") && PYTHON_OPERATORS.contains(op);
  }

  static boolean isShortCircuit(TaskModel t) {
    return t.operator().equals("ShortCircuitOperator") || t.operator().equals("task.short_circuit");
  }

  /** Python tasks that install {@code requirements} in a virtual environment. */
  static boolean isVirtualenv(TaskModel t) {
    String op = t.operator();
    return op.equals("task.virtualenv") || op.equals("task.branch_virtualenv") || op.equals("PythonVirtualenvOperator")
        || op.equals("BranchPythonVirtualenvOperator");
  }

  static boolean isSensor(TaskModel t) {
    return t.operator().endsWith("Sensor") || t.operator().endsWith("SensorAsync") || t.operator().equals("task.sensor");
  }
}
