package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.model.GroupModel;
import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.airflow.python.PyNode;
import io.flytemigrate.ir.diag.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values that live only while a DAG file is evaluated: modules and imported names, functions and
 * classes of the file, decorated TaskFlow functions, DAG and task-group objects, and the like.
 * None of them reaches the model; {@link Lowering} turns what a task keeps into model values.
 */
sealed interface EvalValue extends PyValue.Internal {

  /**
   * A module or a name imported from one that the reader knows only by its qualified name, e.g.
   * {@code airflow.operators.bash.BashOperator}; attributes extend the name.
   */
  record Ref(String qualname) implements EvalValue {
    @Override
    public String describe() {
      return "`" + qualname + "`";
    }

    String last() {
      int dot = qualname.lastIndexOf('.');
      return dot < 0 ? qualname : qualname.substring(dot + 1);
    }
  }

  /** A function (or lambda) defined in the file, with the scope it closes over. */
  record Function(String name, PyNode node, Scope closure, boolean lambda) implements EvalValue {
    @Override
    public String describe() {
      return lambda ? "a lambda" : "function `" + name + "`";
    }
  }

  /** A class defined in the file. */
  record ClassDef(String name, List<PyValue> bases, PyNode node) implements EvalValue {
    @Override
    public String describe() {
      return "class `" + name + "`";
    }
  }

  /**
   * What {@code @task}, {@code @task.virtualenv(...)}, {@code @setup} and friends make of a
   * function: calling it creates a task.
   *
   * @param kind the decorator: {@code task}, {@code task.virtualenv}, {@code setup}, ...
   * @param kwargs decorator arguments, then {@code .override(...)} arguments
   */
  record TaskFactory(Function fn, String kind, Map<String, Kwarg> kwargs, boolean setup, boolean teardown)
      implements EvalValue {
    public TaskFactory {
      kwargs = new LinkedHashMap<>(kwargs);
    }

    @Override
    public String describe() {
      return "task function `" + fn.name() + "`";
    }
  }

  /** A TaskFlow decorator not yet applied to a function, e.g. the value of {@code task.docker(image=...)}. */
  record TaskDecorator(String kind, Map<String, Kwarg> kwargs, boolean setup, boolean teardown) implements EvalValue {
    public TaskDecorator {
      kwargs = new LinkedHashMap<>(kwargs);
    }

    @Override
    public String describe() {
      return "decorator `@" + kind + "`";
    }
  }

  /** A {@code @task_group} function; calling it creates a group and runs the body inside it. */
  record GroupFactory(Function fn, Map<String, Kwarg> kwargs) implements EvalValue {
    public GroupFactory {
      kwargs = new LinkedHashMap<>(kwargs);
    }

    @Override
    public String describe() {
      return "task group function `" + fn.name() + "`";
    }
  }

  /** A {@code @dag} function; calling it declares the DAG. */
  record DagFactory(Function fn, Map<String, Kwarg> kwargs, Span decoratorSpan, String decoratorRaw) implements EvalValue {
    public DagFactory {
      kwargs = new LinkedHashMap<>(kwargs);
    }

    @Override
    public String describe() {
      return "dag function `" + fn.name() + "`";
    }
  }

  /**
   * A decorator that still waits for its function: {@code @dag(...)}, {@code @task_group(...)},
   * {@code @asset(...)}.
   *
   * @param what {@code dag}, {@code task_group} or {@code asset}
   */
  record PendingDecorator(String what, Map<String, Kwarg> kwargs, Span span, String raw) implements EvalValue {
    public PendingDecorator {
      kwargs = new LinkedHashMap<>(kwargs);
    }

    @Override
    public String describe() {
      return "decorator `@" + what + "`";
    }
  }

  /**
   * An operator class: imported by name from Airflow or a provider, or declared in the file.
   *
   * @param declared the class declaration when the file declares it
   */
  record OperatorClass(String qualname, String name, ClassDef declared) implements EvalValue {
    @Override
    public String describe() {
      return "operator `" + name + "`";
    }
  }

  /** {@code Op.partial(...)} or {@code f.partial(...)}: fixed arguments awaiting {@code .expand(...)}. */
  record Partial(EvalValue target, List<Kwarg> kwargs, PyNode node) implements EvalValue {
    public Partial {
      kwargs = List.copyOf(kwargs);
    }

    @Override
    public String describe() {
      return "a partial of " + target.describe();
    }
  }

  /** A DAG object. */
  record DagRef(DagModel dag) implements EvalValue {
    @Override
    public String describe() {
      return "dag `" + dag.dagId() + "`";
    }
  }

  /** A task group object. */
  record GroupRef(GroupModel group, DagModel dag) implements EvalValue {
    @Override
    public String describe() {
      return "task group `" + group.id() + "`";
    }
  }

  /** {@code Label("text")}: metadata for the edge it sits on. */
  record LabelRef(String text) implements EvalValue {
    @Override
    public String describe() {
      return "label `" + text + "`";
    }
  }

  /** The value of {@code a >> Label("x")}: an edge waiting for its downstream end. */
  record EdgeHalf(List<TaskModel> sources, String label) implements EvalValue {
    public EdgeHalf {
      sources = List.copyOf(sources);
    }

    @Override
    public String describe() {
      return "an edge labelled `" + label + "`";
    }
  }

  /** A method looked up on a value, e.g. {@code names.append} or {@code t.set_upstream}. */
  record Method(PyValue self, String name) implements EvalValue {
    @Override
    public String describe() {
      return "method `" + name + "`";
    }
  }

  /** A Python builtin such as {@code range} or {@code len}. */
  record Builtin(String name) implements EvalValue {
    @Override
    public String describe() {
      return "builtin `" + name + "`";
    }
  }

  /**
   * Test scaffolding of Airflow's own system tests ({@code watcher()}, {@code get_test_run(dag)}):
   * not pipeline logic, so edges to it are dropped.
   */
  record Boilerplate(String name) implements EvalValue {
    @Override
    public String describe() {
      return "system-test helper `" + name + "`";
    }
  }

  /**
   * The result of calling a function defined outside the file (e.g. a TaskFlow function imported
   * from a project module) inside a DAG. It becomes a placeholder task as soon as it is used like
   * one: as an operand of {@code >>}, an argument of a task, or with task arguments itself.
   */
  final class Pending implements EvalValue {
    final String callee;
    final String origin;
    final PyNode node;
    final DagModel dag;
    final GroupModel group;
    final List<io.flytemigrate.airflow.model.CallArg> args;
    final Map<String, Kwarg> kwargs;
    final io.flytemigrate.airflow.model.MapSpec mapping;
    final int seq;
    TaskModel task;

    /**
     * @param callee the callee as written, e.g. {@code create_connection_task}
     * @param origin where the callee comes from, e.g. "imported from `libsys_airflow.plugins.x`"
     */
    Pending(String callee, String origin, PyNode node, DagModel dag, GroupModel group,
        List<io.flytemigrate.airflow.model.CallArg> args, Map<String, Kwarg> kwargs,
        io.flytemigrate.airflow.model.MapSpec mapping, int seq) {
      this.callee = callee;
      this.seq = seq;
      this.origin = origin;
      this.node = node;
      this.dag = dag;
      this.group = group;
      this.args = List.copyOf(args);
      this.kwargs = new LinkedHashMap<>(kwargs);
      this.mapping = mapping;
    }

    @Override
    public String describe() {
      return "the result of `" + callee + "(...)`";
    }
  }
}
