package io.flytemigrate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A measurement that needs a JVM of its own (a cold start, a small heap): the harness starts
 * itself again with other JVM flags and reads back the one {@code RESULT key=value ...} line the
 * child prints.
 *
 * @param exit the child's exit code; not 0 when it failed, e.g. ran out of heap
 * @param values the keys and values of its {@code RESULT} line (empty without one)
 * @param output everything it printed, for the report when it failed
 */
public record Child(int exit, Map<String, String> values, String output) {
  /** The prefix of the line a child prints its results on. */
  public static final String RESULT = "RESULT";

  private static final long TIMEOUT_MINUTES = 15;

  /** This JVM's {@code java} launcher. */
  public static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** Runs {@code Harness --child args...} in a new JVM with {@code jvmFlags} and this class path. */
  public static Child run(List<String> jvmFlags, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java().toString());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Harness.class.getName());
    command.add("--child");
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return new Child(-1, Map.of(), output + "\n(killed after " + TIMEOUT_MINUTES + " minutes)");
    }
    return new Child(p.exitValue(), parse(output), output);
  }

  /** Prints a result line for the parent to read. */
  public static void report(Map<String, ?> values) {
    StringBuilder b = new StringBuilder(RESULT);
    values.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
    System.out.println(b);
  }

  /** The values of the last {@code RESULT} line of a child's output. */
  static Map<String, String> parse(String output) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      if (line.startsWith(RESULT + " ")) {
        values.clear();
        for (String pair : line.substring(RESULT.length() + 1).trim().split(" ")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
      }
    }
    return values;
  }

  public long longValue(String key) {
    String v = values.get(key);
    return v == null ? -1 : Long.parseLong(v);
  }

  public boolean ok() {
    return exit == 0 && !values.isEmpty();
  }
}
