package io.flytemigrate.flyte.lower;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
  /**
   * For each wanted name and normalisation, the suffix number its last claim stopped at. Names are
   * only ever added, so every candidate below it is still taken: a thousand claims of one name
   * cost a thousand steps, not half a million.
   */
  private final Map<UnaryOperator<String>, Map<String, Integer>> next = new HashMap<>();

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
    if (taken.add(candidate)) {
      return candidate;
    }
    Map<String, Integer> resume = next.computeIfAbsent(normalise, k -> new HashMap<>());
    int n = resume.getOrDefault(wanted, 2);
    candidate = normalise.apply(wanted + separator + n);
    while (taken.contains(candidate)) {
      n++;
      candidate = normalise.apply(wanted + separator + n);
    }
    taken.add(candidate);
    resume.put(wanted, n + 1);
    return candidate;
  }
}
