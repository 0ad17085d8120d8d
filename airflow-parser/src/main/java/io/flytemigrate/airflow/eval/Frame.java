package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyValue;

/** One function call being evaluated: its locals and, once it returns, its return value. */
final class Frame {
  final Scope scope;
  final String name;
  PyValue returned = PyValue.NONE;

  Frame(Scope scope, String name) {
    this.scope = scope;
    this.name = name;
  }
}
