package io.flytemigrate.flyte.lower;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Hands out unique names in one namespace (a Python module, a function's locals, a workflow's
 * node ids): the wanted name if free, else the first free {@code <name><sep>2}, {@code <name><sep>3}, ...
 * Deterministic: the same requests in the same order give the same names.
 */
final class NameTable {
  private final Set<String> taken = new HashSet<>();
  private final String separator;

  NameTable(String separator) {
    this.separator = separator;
  }

  /** Reserves names nobody may get (keywords, {@code start-node}, imported modules). */
  NameTable reserve(Iterable<String> names) {
    for (String n : names) {
      taken.add(n);
    }
    return this;
  }

  boolean isTaken(String name) {
    return taken.contains(name);
  }

  /** A unique name based on {@code wanted}. */
  String claim(String wanted) {
    return claim(wanted, UnaryOperator.identity());
  }

  /** A unique name based on {@code wanted}, each candidate passed through {@code normalise}. */
  String claim(String wanted, UnaryOperator<String> normalise) {
    String candidate = normalise.apply(wanted);
    int n = 2;
    while (taken.contains(candidate)) {
      candidate = normalise.apply(wanted + separator + n);
      n++;
    }
    taken.add(candidate);
    return candidate;
  }
}
