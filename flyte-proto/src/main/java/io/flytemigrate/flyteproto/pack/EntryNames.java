package io.flytemigrate.flyteproto.pack;

import io.flytemigrate.flyte.model.Identifier;

/**
 * File names of entities in the package (flyte-target.md 1.2): {@code <i>_<name>_<d>.pb}, where
 * {@code d} is the resource type (1 task, 2 workflow, 3 launch plan) and {@code i} the index in
 * registration order, zero-padded to {@code ceil(log10(N))} digits for N entities (pyflyte's
 * {@code _determine_text_chars}): N=1 gives {@code 0}, N=2..10 {@code 0..9}, N=11..100 {@code
 * 00..99}. Computed with integers: for N of at least 2 it is the number of digits of N-1.
 */
public final class EntryNames {
  private EntryNames() {}

  /** The zero-padding width for {@code total} entities. */
  public static int width(int total) {
    if (total <= 1) {
      return 0;
    }
    return Integer.toString(total - 1).length();
  }

  public static String fileName(int index, int total, String name, Identifier.ResourceType kind) {
    String i = Integer.toString(index);
    int width = width(total);
    StringBuilder b = new StringBuilder();
    for (int k = i.length(); k < width; k++) {
      b.append('0');
    }
    return b.append(i).append('_').append(name).append('_').append(kind.number()).append(".pb").toString();
  }
}
