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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /** What separates the files of one {@link #convertBatch} input; seeds hold it between files. */
  static final String FILE_BREAK = "\n#----8<----\n";

  /**
   * {@code convert DIR} on 2 threads: the input is cut at {@link #FILE_BREAK} into up to four files
   * of one directory, so the batch phases (inputs read in parallel, unique package names, shared
   * tasks merged across pipelines, one package and one set of reports) see several pipelines.
   */
  @FuzzTest
  void convertBatch(byte[] data) {
    Path in = DIR.resolve("batch");
    Path out = DIR.resolve("batch-out");
    String[] parts = new String(data, StandardCharsets.ISO_8859_1).split(FILE_BREAK, 4);
    List<byte[]> files = new ArrayList<>();
    try {
      Files.createDirectories(in);
      for (int i = 0; i < parts.length; i++) {
        byte[] bytes = parts[i].getBytes(StandardCharsets.ISO_8859_1);
        files.add(bytes);
        Files.write(in.resolve("p" + i + extension(parts[i])), bytes);
      }
      run(files, "convert", in.toString(), "-o", out.toString(), "--jobs", "2", "--diagnostics", "short",
          "--progress", "none");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(in);
      deleteTree(out);
    }
  }

  /** A name like the user's would have: readers decide by content, people by extension. */
  private static String extension(String text) {
    String s = text.stripLeading();
    if (s.startsWith("{")) {
      return ".json";
    }
    return text.contains("airflow") && !text.contains("apiVersion:") ? ".py" : ".yaml";
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
    run(List.of(data), args);
  }

  /** Runs the command over inputs already written; {@code files} are their bytes, to explain an exit 3. */
  private static void run(List<byte[]> files, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      exit = Main.run(o, e, args);
    }
    String shown = "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    if (exit == 3 && KnownFindings.skipping() && files.stream().anyMatch(InspectFuzzTest::isKnown)) {
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
