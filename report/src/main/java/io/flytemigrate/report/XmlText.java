package io.flytemigrate.report;

/**
 * Escapes text for XML and HTML, in element content and in attribute values alike. Characters
 * XML 1.0 does not allow at all (most C0 controls, unpaired surrogates, U+FFFE, U+FFFF) become
 * U+FFFD, so that whatever an input holds, the JUnit XML, the SVG and the HTML stay well-formed.
 */
final class XmlText {
  private XmlText() {}

  static String escape(String s) {
    var b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (allowed(c)) {
            b.append(c);
          } else {
            b.append('\uFFFD');
          }
        }
      }
    }
    return b.toString();
  }

  private static boolean allowed(char c) {
    if (Character.isSurrogate(c)) {
      return false;
    }
    return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF');
  }
}
