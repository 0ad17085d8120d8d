package io.flytemigrate.bench.hostile;

import io.flytemigrate.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the real command in this JVM, with what it printed. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      code = Main.run(o, e, args);
    }
    return new Cli(code, out.toString(), err.toString());
  }

  /** {@code inspect FILE --diagnostics short}: one line per diagnostic, easy to match exactly. */
  static Cli inspect(String file) {
    return run("inspect", file, "--diagnostics", "short");
  }

  @Override
  public String toString() {
    String o = out.length() > 2000 ? out.substring(0, 2000) + "..." : out;
    String e = err.length() > 4000 ? err.substring(0, 4000) + "..." : err;
    return "exit " + exit + "\n--- stdout\n" + o + "\n--- stderr\n" + e;
  }
}
