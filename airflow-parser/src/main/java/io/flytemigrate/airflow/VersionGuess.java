package io.flytemigrate.airflow;

import io.flytemigrate.airflow.python.PyNode;
import io.flytemigrate.airflow.python.PySource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Which Airflow line a DAG file is written for, from the modules it imports: {@code airflow.sdk}
 * or the standard provider mean Airflow 3, the {@code *_operator} modules and
 * {@code airflow.contrib} mean Airflow 1, other Airflow imports Airflow 2. Defaults that changed
 * between versions (the schedule of a DAG that gives none) depend on it.
 */
final class VersionGuess {
  private VersionGuess() {}

  static Optional<String> of(PySource source) {
    boolean any = false;
    boolean v1 = false;
    for (String[] imp : imports(source)) {
      String module = imp[0];
      String name = imp[1];
      if (!module.equals("airflow") && !module.startsWith("airflow.")) {
        continue;
      }
      if (module.equals("airflow.sdk") || module.startsWith("airflow.sdk.") || module.startsWith("airflow.providers.standard")) {
        return Optional.of("3.x");
      }
      any = true;
      String last = module.substring(module.lastIndexOf('.') + 1);
      boolean oldOperatorModule = module.startsWith("airflow.operators.") && last.endsWith("_operator");
      boolean oldFlatImport = module.equals("airflow.operators") && !name.isEmpty() && Character.isUpperCase(name.charAt(0));
      if (oldOperatorModule || oldFlatImport || module.startsWith("airflow.contrib")) {
        v1 = true;
      }
    }
    if (v1) {
      return Optional.of("1.x");
    }
    return any ? Optional.of("2.x") : Optional.empty();
  }

  /** Every import as (module, imported name), from the syntax tree. */
  private static List<String[]> imports(PySource source) {
    List<String[]> out = new ArrayList<>();
    Deque<PyNode> stack = new ArrayDeque<>();
    stack.push(source.root());
    while (!stack.isEmpty()) {
      PyNode n = stack.pop();
      if (n.is("import_from_statement")) {
        PyNode module = n.get("module_name");
        String m = module == null ? "" : compact(source.text(module));
        List<PyNode> names = n.all("name");
        if (names.isEmpty()) {
          out.add(new String[] {m, ""});
        }
        for (PyNode name : names) {
          PyNode inner = name.is("aliased_import") ? name.get("name") : name;
          out.add(new String[] {m, inner == null ? "" : compact(source.text(inner))});
        }
      } else if (n.is("import_statement")) {
        for (PyNode name : n.all("name")) {
          PyNode inner = name.is("aliased_import") ? name.get("name") : name;
          if (inner != null) {
            out.add(new String[] {compact(source.text(inner)), ""});
          }
        }
      } else {
        for (PyNode c : n.children()) {
          stack.push(c);
        }
      }
    }
    return out;
  }

  private static String compact(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (!Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
