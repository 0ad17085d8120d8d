package io.flytemigrate.flyte.model;

/** What runs a task, and the {@code TaskTemplate.type} string flytekit writes for it. */
public enum TaskKind {
  /** A {@code ContainerTask}: the image runs its own command; copilot moves inputs and outputs. */
  RAW_CONTAINER("raw-container"),
  /** A native {@code @task} function run by {@code pyflyte-execute}. */
  PYTHON("python-task"),
  /**
   * A {@code @dynamic} function: registered exactly like {@link #PYTHON} (plus the {@code _F_SS_C}
   * environment variable), it returns a workflow at run time.
   */
  DYNAMIC("python-task"),
  /** flytekit's {@code Echo} task: no pod, outputs equal inputs (used for empty else branches). */
  ECHO("echo");

  private final String typeName;

  TaskKind(String typeName) {
    this.typeName = typeName;
  }

  /** The {@code TaskTemplate.type} value. */
  public String typeName() {
    return typeName;
  }
}
