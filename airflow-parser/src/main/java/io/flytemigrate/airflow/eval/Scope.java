package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A Python namespace: the module's globals, a function call's locals, a comprehension's. Reads
 * look outwards through the enclosing scopes (closures); writes go to this scope unless the name
 * was declared {@code global}.
 */
final class Scope {
  private final Map<String, PyValue> vars = new HashMap<>();
  private final Scope parent;
  private final Set<String> globalNames = new HashSet<>();

  Scope(Scope parent) {
    this.parent = parent;
  }

  /** The value bound to {@code name} here or in an enclosing scope, or null. */
  PyValue lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      PyValue v = s.vars.get(name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  void set(String name, PyValue value) {
    if (globalNames.contains(name)) {
      root().vars.put(name, value);
    } else {
      vars.put(name, value);
    }
  }

  void declareGlobal(String name) {
    globalNames.add(name);
  }

  void delete(String name) {
    vars.remove(name);
  }

  Scope root() {
    Scope s = this;
    while (s.parent != null) {
      s = s.parent;
    }
    return s;
  }
}
