package io.flytemigrate.flyte.lower;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Turns source names into the names Flyte and Python accept: DNS-1123 node ids exactly as
 * flytekit's {@code _dnsify} computes them, Python identifiers, and variable names.
 */
final class Names {
  /** Python keywords and soft keywords that cannot be identifiers, plus names flytekit reserves. */
  static final Set<String> PYTHON_KEYWORDS = Set.of(
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
      "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
      "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
      "yield");

  private Names() {}

  /**
   * flytekit's {@code _dnsify}: lower-case alphanumerics and {@code -}; {@code _}, {@code -} and
   * {@code .} become {@code -} (dropped at the start), an upper-case letter becomes {@code -} plus
   * its lower case, other characters are dropped, and names of 63 characters or more are
   * shortened to a 10-character sha224 prefix and the tail.
   */
  static String dnsify(String value) {
    final int max = 63;
    final int hashLen = 10;
    String v = value;
    if (v.length() >= max) {
      v = sha224Hex(v).substring(0, hashLen) + "-" + v.substring(v.length() - (max - hashLen - 1));
    }
    StringBuilder res = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == '_' || ch == '-' || ch == '.') {
        if (res.length() > 0 && res.length() < 62) {
          res.append('-');
        }
      } else if (!Character.isLetterOrDigit(ch) || ch > 127) {
        continue;
      } else if (Character.isLowerCase(ch) || Character.isDigit(ch)) {
        res.append(ch);
      } else {
        if (res.length() > 0 && res.charAt(res.length() - 1) != '-' && res.length() < 62) {
          res.append('-');
        }
        res.append(Character.toLowerCase(ch));
      }
    }
    if (res.length() > 0 && res.charAt(res.length() - 1) == '-') {
      res.setLength(res.length() - 1);
    }
    return res.toString();
  }

  /**
   * A snake_case Python identifier for a source name: runs of characters other than letters,
   * digits and {@code _} become one {@code _}, camelCase is split, leading digits get an
   * {@code n} prefix and keywords a {@code _} suffix. Never empty.
   */
  static String identifier(String source) {
    StringBuilder out = new StringBuilder();
    boolean pendingUnderscore = false;
    for (int i = 0; i < source.length(); i++) {
      char ch = source.charAt(i);
      boolean word = (ch < 128 && Character.isLetterOrDigit(ch)) || ch == '_';
      if (!word) {
        pendingUnderscore = out.length() > 0;
        continue;
      }
      if (Character.isUpperCase(ch) && i > 0 && Character.isLowerCase(source.charAt(i - 1))) {
        pendingUnderscore = true;
      }
      if (pendingUnderscore && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
      pendingUnderscore = false;
      out.append(Character.toLowerCase(ch));
    }
    String id = out.toString();
    while (id.endsWith("_") && id.length() > 1) {
      id = id.substring(0, id.length() - 1);
    }
    if (id.isEmpty() || id.equals("_")) {
      id = "value";
    }
    if (Character.isDigit(id.charAt(0))) {
      id = "n" + id;
    }
    if (PYTHON_KEYWORDS.contains(id)) {
      id = id + "_";
    }
    return id;
  }

  /** A Python identifier that keeps the source spelling when it already is one (case included). */
  static String keepIdentifier(String source) {
    if (isIdentifier(source)) {
      return source;
    }
    return identifier(source);
  }

  /** Whether {@code s} is an ASCII Python identifier and not a keyword. */
  static boolean isIdentifier(String s) {
    if (s.isEmpty() || PYTHON_KEYWORDS.contains(s) || Character.isDigit(s.charAt(0))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!(ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The name of a KFP channel input with its plumbing prefix removed:
   * {@code pipelinechannel--flip-coin-Output} reads as {@code flip-coin-Output}.
   */
  static String withoutChannelPrefix(String name) {
    String n = name;
    while (n.startsWith("pipelinechannel--")) {
      n = n.substring("pipelinechannel--".length());
    }
    return n.isEmpty() ? name : n;
  }

  /** The component id without KFP's {@code comp-} prefix. */
  static String withoutComponentPrefix(String id) {
    return id.startsWith("comp-") && id.length() > 5 ? id.substring(5) : id;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String sha224Hex(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-224").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-224", e);
    }
  }
}
