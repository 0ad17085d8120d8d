package io.flytemigrate.ir.diag;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable diagnostic id such as {@code FM1007}, documented in {@code docs/diagnostics/FM1007.md}.
 * Ids are never reused: a retired code keeps its page and says so.
 *
 * @param id {@code FM} and four digits; the first digit is the area (see {@link Codes})
 * @param name a kebab-case name for people, e.g. {@code undefined-component}
 * @param defaultSeverity the severity a finding with this code has unless a pass says otherwise
 * @param summary one lowercase line saying what the code is about
 */
public record Code(String id, String name, Severity defaultSeverity, String summary) {
  private static final Pattern ID = Pattern.compile("FM[0-9]{4}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Code {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    Objects.requireNonNull(summary, "summary");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("code id must be FM and four digits: " + id);
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("code name must be kebab-case: " + name);
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
