package io.flytemigrate.bench.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flytemigrate.cli.InputFiles;
import io.flytemigrate.cli.Main;
import io.flytemigrate.cli.Readers;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.spi.PipelineReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Fuzzes {@code flyte-migrate inspect} end to end through {@link Main#run}: the input is written
 * to a file and the real command reads it (size limit, UTF-8 check, reader, printers). Whatever
 * the file holds, the command exits 0 with a pipeline on stdout or 1 with an error diagnostic,
 * never 3 (an internal error). Another command's fuzz test is one more method here, as
 * {@link #convert} is.
 */
class InspectFuzzTest {
  private static final Path DIR = tempDir();
  private static final String FILE = DIR.resolve("pipeline.yaml").toString();

  @FuzzTest
  void inspect(byte[] data) {
    check(data, "inspect", FILE);
  }

  @FuzzTest
  void inspectAsJson(byte[] data) {
    check(data, "inspect", FILE, "--format", "json", "--diagnostics", "json");
  }

  /** {@code convert} into a fresh output directory each time: lowering, writers and read-back. */
  @FuzzTest
  void convert(byte[] data) {
    Path out = DIR.resolve("out");
    try {
      check(data, "convert", FILE, "-o", out.toString(), "--diagnostics", "short");
    } finally {
      deleteTree(out);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(byte[] data, String... args) {
    try {
      Files.write(Path.of(FILE), data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      exit = Main.run(o, e, args);
    }
    String shown = "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    if (exit == 3 && KnownFindings.skipping() && isKnown(data)) {
      return;
    }
    // Exit 3 and this line are how the command reports its own failures; input text is never
    // printed at the start of a line (diagnostics start with a path, excerpts with a line number).
    assertTrue(exit == 0 || exit == 1, shown);
    assertFalse(err.toString().startsWith("flyte-migrate: internal error")
        || err.toString().contains("\nflyte-migrate: internal error"), shown);
    if (exit == 0) {
      assertFalse(out.toString().isEmpty(), shown);
    } else if (exit == 1) {
      assertTrue(err.toString().contains("error"), shown);
    }
  }

  /** Reads the input again without the command, to see the exception behind an exit 3. */
  private static boolean isKnown(byte[] data) {
    Optional<SourceFile> source = InputFiles.decode(FILE, data).value();
    Optional<PipelineReader> reader = source.flatMap(s -> Readers.pick(Readers.all(), s));
    if (reader.isEmpty()) {
      return false;
    }
    try {
      reader.get().read(source.get());
      return false;
    } catch (RuntimeException e) {
      return KnownFindings.skip(e);
    }
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("inspect-fuzz");
      dir.toFile().deleteOnExit();
      dir.resolve("pipeline.yaml").toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
