package io.flytemigrate.validators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names Flyte and generated Python code accept, and the renaming that makes any name one of
 * them. The validators report names that need renaming and names that collide once renamed; the
 * emitters must rename with exactly these functions (or a copy of them), so that the names the
 * diagnostics promise are the names users get.
 */
public final class FlyteNames {
  /** A DNS-1123 label: what flytekit-java requires and what Kubernetes pod names are built from. */
  private static final Pattern NODE_ID = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private static final Pattern PYTHON_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The longest node id: a DNS label has at most 63 characters. */
  public static final int MAX_NODE_ID = 63;

  /** Ids the Flyte compiler gives the nodes it adds to every workflow. */
  private static final Set<String> RESERVED_NODE_IDS = Set.of("start-node", "end-node");

  /** The hard keywords of Python 3 (soft keywords such as {@code match} are valid names). */
  private static final Set<String> PYTHON_KEYWORDS = Set.of(
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
      "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
      "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

  private FlyteNames() {}

  /**
   * Whether {@code id} can be a Flyte node id as it is: a lowercase DNS-1123 label (letters,
   * digits and inner hyphens, at most 63 characters) other than {@code start-node} and
   * {@code end-node}.
   */
  public static boolean isNodeId(String id) {
    return id.length() <= MAX_NODE_ID && NODE_ID.matcher(id).matches() && !RESERVED_NODE_IDS.contains(id);
  }

  /**
   * The node id the emitters use for {@code id}: flytekit's {@code _dnsify}
   * ({@code flytekit/core/utils.py}), restricted to ASCII. A name of 63 characters or more keeps
   * its last 52 behind the first 10 hex digits of its SHA-224; {@code _}, {@code -} and {@code .}
   * become {@code -} (dropped at the start); an upper-case letter becomes {@code -} and its lower
   * case; other characters are dropped; a trailing {@code -} goes. Beyond flytekit, so that the
   * result is always valid: every trailing {@code -} goes, an empty result becomes {@code node}, a
   * result still longer than 63 characters is shortened the same way again, and a reserved id
   * gets the prefix {@code n-}. Valid ids are returned unchanged.
   */
  public static String nodeId(String id) {
    if (isNodeId(id)) {
      return id;
    }
    String res = dnsify(id);
    if (res.length() > MAX_NODE_ID) {
      res = shorten(res);
    }
    if (res.isEmpty()) {
      res = "node";
    }
    if (RESERVED_NODE_IDS.contains(res)) {
      res = "n-" + res;
    }
    return res;
  }

  private static String dnsify(String value) {
    int max = MAX_NODE_ID;
    int hashLength = 10;
    if (value.length() >= max) {
      value = sha224(value).substring(0, hashLength) + "-" + value.substring(value.length() - (max - hashLength - 1));
    }
    StringBuilder res = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '_' || ch == '-' || ch == '.') {
        if (res.length() > 0 && res.length() < max - 1) {
          res.append('-');
        }
      } else if (ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') {
        res.append(ch);
      } else if (ch >= 'A' && ch <= 'Z') {
        if (res.length() > 0 && res.charAt(res.length() - 1) != '-' && res.length() < max - 1) {
          res.append('-');
        }
        res.append((char) (ch - 'A' + 'a'));
      }
      // Anything else, including non-ASCII letters, is dropped.
    }
    // flytekit drops one trailing `-`; all of them must go for the result to be a valid label.
    while (res.length() > 0 && res.charAt(res.length() - 1) == '-') {
      res.setLength(res.length() - 1);
    }
    return res.toString();
  }

  /** flytekit's own hash-and-tail shortening, applied to an already lowercase result. */
  private static String shorten(String res) {
    String tail = res.substring(res.length() - (MAX_NODE_ID - 11));
    while (tail.startsWith("-")) {
      tail = tail.substring(1);
    }
    return sha224(res).substring(0, 10) + "-" + tail;
  }

  private static String sha224(String s) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-224").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-224", e);
    }
  }

  /**
   * Whether {@code name} can be a Python parameter or variable name in generated code as it is:
   * ASCII letters, digits and {@code _}, not starting with a digit, not a keyword. ASCII only,
   * because Flyte's variable names must match {@code ^\w+$} in Go, which is ASCII.
   */
  public static boolean isPythonIdentifier(String name) {
    return PYTHON_IDENTIFIER.matcher(name).matches() && !PYTHON_KEYWORDS.contains(name);
  }

  /**
   * The Python name the emitters use for {@code name}: every character other than an ASCII
   * letter, digit or {@code _} becomes {@code _}; a leading digit gets a {@code _} before it; a
   * keyword gets a {@code _} after it; the empty name becomes {@code _}. Valid names are returned
   * unchanged.
   */
  public static String pythonIdentifier(String name) {
    if (isPythonIdentifier(name)) {
      return name;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      boolean ok = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_';
      b.append(ok ? ch : '_');
    }
    if (b.length() == 0 || b.charAt(0) >= '0' && b.charAt(0) <= '9') {
      b.insert(0, '_');
    }
    String s = b.toString();
    return PYTHON_KEYWORDS.contains(s) ? s + "_" : s;
  }
}
