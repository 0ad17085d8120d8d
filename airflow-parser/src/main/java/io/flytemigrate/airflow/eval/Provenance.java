package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.ir.diag.Span;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where the entries of dict values were written, so that a key of {@code default_args} or
 * {@code params} defined far from the DAG still points at its own line in diagnostics and the IR.
 */
final class Provenance {
  /** The place of one entry: its span and its value's source text. */
  record Entry(Span span, String raw) {}

  private final IdentityHashMap<PyValue.DictV, Map<PyValue, Entry>> entries = new IdentityHashMap<>();

  void record(PyValue.DictV dict, PyValue key, Span span, String raw) {
    entries.computeIfAbsent(dict, d -> new HashMap<>()).put(key, new Entry(span, raw));
  }

  /** The recorded place of {@code key} in {@code dict}, or null. */
  Entry entry(PyValue.DictV dict, PyValue key) {
    Map<PyValue, Entry> m = entries.get(dict);
    return m == null ? null : m.get(key);
  }

  /** Copies the places of {@code from}'s entries to {@code to} (dict copies, merges). */
  void copy(PyValue.DictV from, PyValue.DictV to) {
    Map<PyValue, Entry> m = entries.get(from);
    if (m != null) {
      for (Map.Entry<PyValue, Entry> e : m.entrySet()) {
        entries.computeIfAbsent(to, d -> new HashMap<>()).put(e.getKey(), e.getValue());
      }
    }
  }
}
