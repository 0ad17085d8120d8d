package io.flytemigrate.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a batch on stderr: a bar redrawn in place on a terminal, a few plain lines
 * (every tenth of a phase) otherwise, or nothing. Never part of any output file, so it cannot
 * break their determinism; {@link #step} may be called from any thread.
 */
abstract class Progress {
  /** How progress is shown, the values of {@code --progress}. */
  enum Mode {
    /** A bar on a terminal, plain lines otherwise. */
    AUTO,
    BAR,
    PLAIN,
    NONE
  }

  static final Progress NONE = new Progress() {
    @Override
    void start(String phase, int total) {}

    @Override
    void step(int done, String item) {}

    @Override
    void finish() {}
  };

  /** A phase of {@code total} items starts. */
  abstract void start(String phase, int total);

  /** The {@code done}-th item of the phase finished; {@code item} names it. */
  abstract void step(int done, String item);

  /** The phase ended. */
  abstract void finish();

  static Progress of(Mode mode, PrintWriter err, boolean terminal) {
    return switch (mode) {
      case NONE -> NONE;
      case BAR -> new Bar(err);
      case PLAIN -> new Plain(err);
      case AUTO -> terminal ? new Bar(err) : new Plain(err);
    };
  }

  /** {@code [=====>    ]  52/100 lower  pipelines/x.yaml}, redrawn with a carriage return. */
  static final class Bar extends Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private String phase = "";
    private int total;

    Bar(PrintWriter err) {
      this.err = err;
    }

    @Override
    synchronized void start(String phase, int total) {
      this.phase = phase;
      this.total = total;
    }

    @Override
    synchronized void step(int done, String item) {
      int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
      String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
      String name = item.length() > 40 ? "..." + item.substring(item.length() - 37) : item;
      err.print(String.format(Locale.ROOT, "\r[%s] %" + digits(total) + "d/%d %-6s %-40s", bar, done, total, phase, name));
      err.flush();
    }

    @Override
    synchronized void finish() {
      if (total > 0) {
        err.print("\r" + " ".repeat(WIDTH + 2 * digits(total) + 52) + "\r");
        err.flush();
      }
    }
  }

  /** {@code lower: 30/300}, every tenth of the phase and at its end. */
  static final class Plain extends Progress {
    private final PrintWriter err;
    private String phase = "";
    private int total;
    private int lastTenth;

    Plain(PrintWriter err) {
      this.err = err;
    }

    @Override
    synchronized void start(String phase, int total) {
      this.phase = phase;
      this.total = total;
      this.lastTenth = 0;
    }

    @Override
    synchronized void step(int done, String item) {
      int tenth = total == 0 ? 10 : (int) (10L * done / total);
      if (tenth > lastTenth || done == total) {
        lastTenth = tenth;
        err.println(String.format(Locale.ROOT, "%s: %d/%d", phase, done, total));
        err.flush();
      }
    }

    @Override
    synchronized void finish() {}
  }

  private static int digits(int n) {
    return Integer.toString(Math.max(n, 1)).length();
  }
}
