package io.flytemigrate.airflow.model;

import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One task of an evaluated DAG, as Airflow would have built it: its id, what creates it (an
 * operator class, a TaskFlow decorator, or a call the reader could only assume creates a task),
 * its arguments and its explicit upstream tasks. Filled in while the file is evaluated (Airflow
 * itself mutates tasks after construction: {@code t.trigger_rule = ...}, {@code a >> t}).
 */
public final class TaskModel {
  /** What created the task. */
  public enum Style {
    /** A classic operator: {@code BashOperator(task_id=...)}. */
    OPERATOR,
    /** A call of a {@code @task}-decorated function. */
    TASKFLOW,
    /** A call of a function defined outside the file, assumed to create a task. */
    PLACEHOLDER
  }

  private final String id;
  private final Style style;
  private final String operator;
  private final String qualifiedName;
  private final boolean definedInFile;
  private final Span span;
  private final String raw;
  private final DagModel dag;
  private final GroupModel group;
  private final int seq;
  private final LinkedHashMap<String, Kwarg> kwargs = new LinkedHashMap<>();
  private final List<CallArg> callArgs = new ArrayList<>();
  private Optional<PyFunction> function = Optional.empty();
  private final LinkedHashSet<String> upstream = new LinkedHashSet<>();
  private final LinkedHashMap<String, String> labels = new LinkedHashMap<>();
  private boolean setup;
  private boolean teardown;
  private Optional<MapSpec> mapping = Optional.empty();

  /**
   * @param operator the operator's class name ({@code BashOperator}), the decorator
   *     ({@code task.virtualenv}, {@code setup}), or for a placeholder the callee as written
   * @param qualifiedName where it comes from, e.g. {@code airflow.operators.bash.BashOperator}
   * @param definedInFile the operator class is declared in the DAG file itself
   * @param seq creation order within the file, which is also the order of nodes in the IR
   */
  public TaskModel(String id, Style style, String operator, String qualifiedName, boolean definedInFile, Span span,
      String raw, DagModel dag, GroupModel group, int seq) {
    this.id = Objects.requireNonNull(id, "id");
    this.style = Objects.requireNonNull(style, "style");
    this.operator = Objects.requireNonNull(operator, "operator");
    this.qualifiedName = Objects.requireNonNull(qualifiedName, "qualifiedName");
    this.definedInFile = definedInFile;
    this.span = Objects.requireNonNull(span, "span");
    this.raw = Objects.requireNonNull(raw, "raw");
    this.dag = Objects.requireNonNull(dag, "dag");
    this.group = group;
    this.seq = seq;
  }

  public String id() {
    return id;
  }

  public Style style() {
    return style;
  }

  public String operator() {
    return operator;
  }

  public String qualifiedName() {
    return qualifiedName;
  }

  public boolean definedInFile() {
    return definedInFile;
  }

  public Span span() {
    return span;
  }

  /** The source text of the call that created the task. */
  public String raw() {
    return raw;
  }

  public DagModel dag() {
    return dag;
  }

  /** The innermost task group, if the task is in one. */
  public Optional<GroupModel> group() {
    return Optional.ofNullable(group);
  }

  public int seq() {
    return seq;
  }

  /** Constructor or decorator keywords, then overrides and attributes set later (later wins). */
  public Map<String, Kwarg> kwargs() {
    return kwargs;
  }

  public Optional<Kwarg> kwarg(String name) {
    return Optional.ofNullable(kwargs.get(name));
  }

  public void putKwarg(Kwarg k) {
    kwargs.remove(k.name());
    kwargs.put(k.name(), k);
  }

  /** The arguments of a TaskFlow call (the function's parameters). */
  public List<CallArg> callArgs() {
    return callArgs;
  }

  /** The Python function the task runs: the TaskFlow function or a {@code python_callable}. */
  public Optional<PyFunction> function() {
    return function;
  }

  public void setFunction(PyFunction f) {
    this.function = Optional.of(f);
  }

  /** Ids of tasks this one is explicitly downstream of, in the order the edges were declared. */
  public Set<String> upstream() {
    return upstream;
  }

  /** Edge labels ({@code Label("...")}) by upstream task id. */
  public Map<String, String> labels() {
    return labels;
  }

  public boolean setup() {
    return setup;
  }

  public void markSetup() {
    this.setup = true;
  }

  public boolean teardown() {
    return teardown;
  }

  public void markTeardown() {
    this.teardown = true;
  }

  /** How the task is mapped ({@code .expand}), if it is. */
  public Optional<MapSpec> mapping() {
    return mapping;
  }

  public void setMapping(MapSpec m) {
    this.mapping = Optional.of(m);
  }

  @Override
  public String toString() {
    return "task " + id;
  }
}
