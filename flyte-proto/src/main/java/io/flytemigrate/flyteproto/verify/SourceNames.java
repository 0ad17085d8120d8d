package io.flytemigrate.flyteproto.verify;

import java.util.Locale;

/**
 * Tolerant comparison of source names with the names the package uses for them: KFP's
 * {@code pipelinechannel--} plumbing prefix is ignored, and so are case and every character that
 * is not a letter or digit, since a translation must turn {@code input-1} into {@code input_1}.
 */
final class SourceNames {
  private SourceNames() {}

  static String normalize(String name) {
    String n = name;
    while (n.startsWith("pipelinechannel--")) {
      n = n.substring("pipelinechannel--".length());
    }
    StringBuilder b = new StringBuilder();
    for (char c : n.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
      }
    }
    return b.toString();
  }

  static boolean same(String a, String b) {
    return normalize(a).equals(normalize(b));
  }
}
