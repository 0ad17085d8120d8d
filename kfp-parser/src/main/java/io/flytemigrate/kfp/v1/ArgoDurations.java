package io.flytemigrate.kfp.v1;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts Argo durations to ISO-8601: a bare number of seconds ({@code 30}, {@code "30"}) or a
 * Go duration with units {@code d}, {@code h}, {@code m}, {@code s} ({@code 1h30m}) becomes
 * {@code PT30S} or {@code PT1H30M}; days become {@code P1D}.
 */
final class ArgoDurations {
  private static final Pattern GO = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+(?:\\.\\d+)?)s)?");

  private ArgoDurations() {}

  /** The ISO-8601 form, or empty when the text is not a duration (e.g. an expression). */
  static Optional<String> iso(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (s.matches("\\d+")) {
      return Optional.of(s.equals("0") ? "PT0S" : "PT" + Long.parseLong(s) + "S");
    }
    Matcher m = GO.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder("P");
    if (m.group(1) != null) {
      b.append(Long.parseLong(m.group(1))).append('D');
    }
    if (m.group(2) != null || m.group(3) != null || m.group(4) != null) {
      b.append('T');
      if (m.group(2) != null) {
        b.append(Long.parseLong(m.group(2))).append('H');
      }
      if (m.group(3) != null) {
        b.append(Long.parseLong(m.group(3))).append('M');
      }
      if (m.group(4) != null) {
        b.append(m.group(4)).append('S');
      }
    }
    return b.length() == 1 ? Optional.empty() : Optional.of(b.toString());
  }
}
