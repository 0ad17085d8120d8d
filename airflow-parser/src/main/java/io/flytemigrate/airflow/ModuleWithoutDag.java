package io.flytemigrate.airflow;

import io.flytemigrate.airflow.python.PyNode;
import io.flytemigrate.airflow.python.PySource;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a Python file that declares no DAG is instead, read from its syntax tree, so that the
 * diagnostic says why there is nothing to convert: DAG code disabled inside a string, a DAG
 * factory, task-group builders, timetables, plugins or operators, a module of constants, or a
 * module that never mentions Airflow. Nothing is evaluated here; the interpreter has already
 * found that no DAG is declared.
 */
final class ModuleWithoutDag {
  /**
   * What the module is.
   *
   * @param what completes "the file declares no dag: ..."
   * @param help why there is nothing to convert here, and where the DAG is converted instead
   */
  record Explanation(Span span, String what, String help) {}

  private static final Set<String> STATEMENT_KINDS_OF_CONSTANTS = Set.of(
      "import_statement", "import_from_statement", "future_import_statement", "expression_statement", "comment");

  private ModuleWithoutDag() {}

  /**
   * @param callsOutside names of functions from other modules the file calls at module level,
   *     which may build the DAG; when there are some, only what the file itself shows to be no
   *     DAG (a disabled block, factories, builders, classes) is explained here
   */
  static Optional<Explanation> explain(PySource py, List<String> callsOutside) {
    Span file = Span.at(py.path(), 1, 1);
    List<PyNode> statements = py.root().named();
    for (PyNode s : statements) {
      PyNode string = onlyString(s);
      if (string != null && mentionsDag(py.text(string))) {
        return Optional.of(new Explanation(py.span(string), "its dag code is inside a string literal, which python never runs",
            "nothing to convert while the code is disabled; move it out of the string to convert it"));
      }
    }
    List<String> factories = new ArrayList<>();
    List<String> groupBuilders = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    List<String> taskFunctions = new ArrayList<>();
    for (PyNode s : statements) {
      PyNode def = s.is("decorated_definition") ? s.get("definition") : s;
      if (def == null) {
        continue;
      }
      String name = def.child("name").map(py::text).orElse("?");
      if (def.is("function_definition")) {
        if (calls(py, def, "DAG") || decorated(py, s, "dag") || decorated(py, def, "dag")) {
          factories.add(name);
        } else if (calls(py, def, "TaskGroup") || decorated(py, s, "task_group")) {
          groupBuilders.add(name);
        } else if (decoratedByTask(py, s)) {
          taskFunctions.add(name);
        }
      } else if (def.is("class_definition")) {
        kindOfClass(py, def).ifPresent(kind -> classes.add(kind + " `" + name + "`"));
      }
    }
    if (!factories.isEmpty()) {
      return Optional.of(new Explanation(file, "it defines " + functions(factories) + " that build" + (factories.size() == 1 ? "s" : "")
          + " a dag when called (a dag factory), and never calls " + (factories.size() == 1 ? "it" : "them"),
          "nothing to convert in this module: the dag exists only once another file calls the factory; convert the"
              + " serialized json of that dag, which holds what the factory built"));
    }
    if (!groupBuilders.isEmpty()) {
      return Optional.of(new Explanation(file, "it defines " + functions(groupBuilders) + " that build"
          + (groupBuilders.size() == 1 ? "s" : "") + " a task group inside the dags that call "
          + (groupBuilders.size() == 1 ? "it" : "them"),
          "nothing to convert in this module: the tasks belong to the dags that call it; convert the serialized json"
              + " of such a dag to get them"));
    }
    if (!taskFunctions.isEmpty()) {
      return Optional.of(new Explanation(file, "it defines the task " + functions(taskFunctions) + " (`@task`) for the dags"
          + " that import them, and creates no task itself", "nothing to convert in this module: a dag file that calls"
          + " them gets placeholder tasks for them (FM3009); convert the serialized json of such a dag to get them"));
    }
    if (!classes.isEmpty()) {
      return Optional.of(new Explanation(file, "it defines the " + join(classes) + ", which dags use but which declare"
          + " no dag", "nothing to convert in this module: convert the dag files that use "
          + (classes.size() == 1 ? "it" : "them")));
    }
    if (!callsOutside.isEmpty()) {
      return Optional.empty();
    }
    boolean onlyConstants = !statements.isEmpty() && statements.stream()
        .allMatch(s -> STATEMENT_KINDS_OF_CONSTANTS.contains(s.type()) && (!s.is("expression_statement") || !hasCall(s)));
    if (onlyConstants) {
      return Optional.of(new Explanation(file, "it only imports and sets module-level names (a module of settings that"
          + " dag files import)", "nothing to convert in this module: convert the dag files that import it; a value"
          + " they read from it is reported where it is used"));
    }
    String lower = py.file().text().toLowerCase(Locale.ROOT);
    if (!lower.contains("airflow") || !lower.contains("dag")) {
      return Optional.of(new Explanation(file, "it is a python module that mentions neither airflow nor dags",
          "nothing to convert: airflow itself skips such a file when it looks for dags (its safe mode)"));
    }
    return Optional.empty();
  }

  /** The string of a statement that is only a string (a docstring or a disabled block). */
  private static PyNode onlyString(PyNode statement) {
    if (!statement.is("expression_statement")) {
      return null;
    }
    List<PyNode> named = statement.named();
    return named.size() == 1 && named.get(0).is("string") ? named.get(0) : null;
  }

  /** Whether a string holds DAG code: a {@code DAG(} call or a {@code @dag} decorator. */
  private static boolean mentionsDag(String text) {
    return text.contains("DAG(") || text.contains("@dag");
  }

  /** Whether the function's body calls {@code name} (as {@code name(...)} or {@code x.name(...)}). */
  private static boolean calls(PySource py, PyNode def, String name) {
    PyNode body = def.get("body");
    return body != null && anyCall(body, f -> name.equals(lastName(py, f)));
  }

  private static boolean hasCall(PyNode statement) {
    return anyCall(statement, f -> true);
  }

  /** Whether a call below {@code root} calls a function expression that {@code test} accepts. */
  private static boolean anyCall(PyNode root, java.util.function.Predicate<PyNode> test) {
    List<PyNode> todo = new ArrayList<>(List.of(root));
    int budget = 200_000;
    while (!todo.isEmpty() && budget-- > 0) {
      PyNode n = todo.remove(todo.size() - 1);
      if (n.is("call")) {
        PyNode f = n.get("function");
        if (f != null && test.test(f)) {
          return true;
        }
      }
      todo.addAll(n.children());
    }
    return false;
  }

  /** Whether {@code node} (a decorated definition or a definition) carries decorator {@code name}. */
  private static boolean decorated(PySource py, PyNode node, String name) {
    for (PyNode c : node.children()) {
      if (c.is("decorator")) {
        for (PyNode e : c.named()) {
          PyNode target = e.is("call") ? e.get("function") : e;
          if (target != null && name.equals(lastName(py, target))) {
            return true;
          }
        }
      }
    }
    PyNode body = node.get("body");
    if (body != null && name.equals("dag")) {
      for (PyNode s : body.named()) {
        if (s.is("decorated_definition") && decorated(py, s, name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a decorated definition carries {@code @task}, {@code @task(...)} or {@code @task.x(...)}. */
  private static boolean decoratedByTask(PySource py, PyNode node) {
    for (PyNode c : node.children()) {
      if (c.is("decorator")) {
        for (PyNode e : c.named()) {
          PyNode target = e.is("call") ? e.get("function") : e;
          while (target != null && target.is("attribute")) {
            target = target.get("object");
          }
          if (target != null && target.is("identifier") && py.text(target).equals("task")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** {@code x} of {@code a.b.x}, or the identifier itself. */
  private static String lastName(PySource py, PyNode expr) {
    if (expr.is("identifier")) {
      return py.text(expr);
    }
    if (expr.is("attribute")) {
      return expr.child("attribute").map(py::text).orElse("");
    }
    return "";
  }

  /** What kind of Airflow extension a class is, by the last name of its bases. */
  private static Optional<String> kindOfClass(PySource py, PyNode def) {
    PyNode bases = def.get("superclasses");
    if (bases == null) {
      return Optional.empty();
    }
    for (PyNode b : bases.named()) {
      String base = lastName(py, b);
      if (base.equals("Timetable") || base.endsWith("Timetable")) {
        return Optional.of("timetable");
      }
      if (base.equals("AirflowPlugin")) {
        return Optional.of("airflow plugin");
      }
      if (base.endsWith("Sensor") || base.endsWith("SensorOperator")) {
        return Optional.of("sensor");
      }
      if (base.endsWith("Operator")) {
        return Optional.of("operator");
      }
      if (base.endsWith("Hook")) {
        return Optional.of("hook");
      }
      if (base.endsWith("Trigger")) {
        return Optional.of("trigger");
      }
    }
    return Optional.empty();
  }

  private static String functions(List<String> names) {
    return (names.size() == 1 ? "function " : "functions ") + join(names.stream().map(n -> "`" + n + "`").toList());
  }

  private static String join(List<String> parts) {
    List<String> shown = parts.size() > 4 ? parts.subList(0, 4) : parts;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < shown.size(); i++) {
      b.append(i == 0 ? "" : i == shown.size() - 1 && parts.size() <= 4 ? " and " : ", ").append(shown.get(i));
    }
    if (parts.size() > 4) {
      b.append(" and ").append(parts.size() - 4).append(" more");
    }
    return b.toString();
  }
}
