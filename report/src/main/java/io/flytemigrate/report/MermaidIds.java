package io.flytemigrate.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns drawing ids into Mermaid ids: a fixed prefix (so no id is a Mermaid keyword such as
 * {@code end}, starts with a digit or with the {@code o}/{@code x} that Mermaid reads as an arrow
 * head), then the id with every character outside {@code [A-Za-z0-9_]} replaced by {@code _}.
 * Ids that collide after that get {@code _2}, {@code _3}, ... in the order they are first asked
 * for, so the same drawing always gets the same ids.
 */
final class MermaidIds {
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9]*_?");

  private final String prefix;
  private final Map<String, String> assigned = new HashMap<>();
  private final Set<String> taken = new HashSet<>();

  MermaidIds(String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("a mermaid id prefix is letters and digits, starting with a letter: " + prefix);
    }
    this.prefix = prefix.endsWith("_") ? prefix : prefix + "_";
  }

  String of(String id) {
    String known = assigned.get(id);
    if (known != null) {
      return known;
    }
    var b = new StringBuilder(prefix);
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
    }
    String base = b.toString();
    String candidate = base;
    for (int k = 2; taken.contains(candidate); k++) {
      candidate = base + "_" + k;
    }
    taken.add(candidate);
    assigned.put(id, candidate);
    return candidate;
  }
}
