package io.flytemigrate.kfp.v1;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an Argo template string into literal text and {@code {{...}}} expressions, in order.
 * An opening {@code {{} without its closing braces is text.
 */
final class ArgoText {
  private ArgoText() {}

  /** A piece of a string: text or an expression. */
  sealed interface Piece {}

  /** Literal text. */
  record Text(String text) implements Piece {}

  /** An expression. */
  record Ref(ArgoRef ref) implements Piece {}

  static List<Piece> split(String s) {
    List<Piece> out = new ArrayList<>();
    int i = 0;
    StringBuilder text = new StringBuilder();
    while (i < s.length()) {
      int open = s.indexOf("{{", i);
      if (open < 0) {
        text.append(s, i, s.length());
        break;
      }
      int close = s.indexOf("}}", open + 2);
      if (close < 0) {
        text.append(s, i, s.length());
        break;
      }
      text.append(s, i, open);
      if (text.length() > 0) {
        out.add(new Text(text.toString()));
        text.setLength(0);
      }
      out.add(new Ref(ArgoRef.parse(s.substring(open + 2, close))));
      i = close + 2;
    }
    if (text.length() > 0) {
      out.add(new Text(text.toString()));
    }
    return out;
  }

  /** Whether the string holds any expression. */
  static boolean hasRef(String s) {
    return split(s).stream().anyMatch(p -> p instanceof Ref);
  }

  /** The only expression of a string that is exactly one expression (spaces around allowed). */
  static java.util.Optional<ArgoRef> single(String s) {
    List<Piece> pieces = split(s.strip());
    if (pieces.size() == 1 && pieces.get(0) instanceof Ref r) {
      return java.util.Optional.of(r.ref());
    }
    return java.util.Optional.empty();
  }
}
