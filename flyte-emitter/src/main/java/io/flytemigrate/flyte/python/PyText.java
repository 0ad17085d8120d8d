package io.flytemigrate.flyte.python;

import java.math.BigDecimal;

/** Python literal text: strings quoted as black leaves them, numbers as Python's {@code repr}. */
final class PyText {
  private PyText() {}

  /**
   * A string literal. Double quotes unless the text has double quotes and fewer single quotes,
   * which is exactly when black would switch to single quotes.
   */
  static String str(String s) {
    long doubles = s.chars().filter(c -> c == '"').count();
    long singles = s.chars().filter(c -> c == '\'').count();
    char q = doubles > singles ? '\'' : '"';
    StringBuilder b = new StringBuilder().append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c == q) {
            b.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else if (Character.isSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append(q).toString();
  }

  /** A float as Python's {@code repr} writes it: {@code 1.0}, {@code 0.5}, {@code 1e-05}, {@code inf}. */
  static String number(double d) {
    if (Double.isNaN(d)) {
      return "float(\"nan\")";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "float(\"inf\")" : "float(\"-inf\")";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = bd.precision() - bd.scale() - 1;
    if (exponent < -4 || exponent >= 16) {
      String digits = bd.unscaledValue().abs().toString();
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String sign = bd.signum() < 0 ? "-" : "";
      String exp = (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + exp;
    }
    String plain = bd.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }
}
