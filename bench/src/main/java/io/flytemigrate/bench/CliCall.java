package io.flytemigrate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command line of the real {@code flyte-migrate} jar that the harness times from process start
 * to exit. {@code {file}} stands for the input file and {@code {out}} for a fresh, empty output
 * directory per run (not created yet). The registry is {@link #all()}: a new command to time is
 * one line there.
 *
 * @param name the row name in the results
 * @param args the arguments after {@code java -jar flyte-migrate.jar}
 */
public record CliCall(String name, List<String> args) {
  public CliCall {
    Objects.requireNonNull(name, "name");
    args = List.copyOf(args);
  }

  /** The calls timed; the 0.5 s target is checked on every call but the start-up floor. */
  public static List<CliCall> all() {
    return List.of(
        new CliCall("convert", List.of("convert", "{file}", "-o", "{out}")),
        new CliCall("inspect", List.of("inspect", "{file}")),
        STARTUP);
  }

  /** The start-up floor: the JVM and picocli, no pipeline read. */
  public static final CliCall STARTUP = new CliCall("startup (--version)", List.of("--version"));

  /** The arguments with the placeholders replaced. */
  public List<String> expand(String file, String out) {
    List<String> expanded = new ArrayList<>();
    for (String a : args) {
      expanded.add(a.replace("{file}", file).replace("{out}", out));
    }
    return expanded;
  }
}
