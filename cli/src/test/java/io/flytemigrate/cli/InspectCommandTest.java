package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.spi.PipelineReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {
  @TempDir Path dir;

  private String write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file.toString();
  }

  private String write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void invalidUtf8IsFm0002AtTheFirstBadByte() throws IOException {
    // Line 2 is "bé: " then 0xff: the column counts characters, so the bad byte is at 2:5, not 2:6.
    byte[] head = "a: 1\nbé: ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xff;
    bytes[head.length + 1] = '\n';
    String file = write("latin.yaml", bytes);

    Cli r = Cli.run("inspect", file, "--diagnostics", "short");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(file + ":2:5: error[FM0002]: `" + file + "` is not valid utf-8 text: byte `0xff`"),
        r::toString);
    assertTrue(r.err().contains("= help: save the file as utf-8"), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void aNulByteIsFm0002AtTheNul() throws IOException {
    String file = write("binary.yaml", "schemaVersion: 2.1.0\nab\0cd\n".getBytes(StandardCharsets.UTF_8));
    Cli r = Cli.run("inspect", file, "--diagnostics", "short");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(file + ":2:3: error[FM0002]: `" + file + "` contains a nul byte"), r::toString);
  }

  @Test
  void aMissingFileIsFm0001WithThePathAsTyped() {
    String typed = "no-such-dir/../missing.yaml";
    Cli r = Cli.run("inspect", typed);
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(
        typed + ": error[FM0001]: cannot read `" + typed + "`: no such file\n"), r::toString);
    assertTrue(r.err().contains("= see: flyte-migrate explain FM0001"), r::toString);
    assertFalse(r.err().contains(Path.of("").toAbsolutePath().toString()), "no absolute paths");
  }

  @Test
  void aDirectoryIsFm0001() {
    Cli r = Cli.run("inspect", dir.toString(), "--diagnostics", "short");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("error[FM0001]: cannot read `" + dir + "`: it is a directory"), r::toString);
  }

  @Test
  void aFileOver16MibIsFm0003WithoutReadingIt() throws IOException {
    Path big = dir.resolve("big.yaml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(InputFiles.MAX_BYTES + 1); // sparse: no disk use
    }
    Cli r = Cli.run("inspect", big.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(big + ":1:1: error[FM0003]: `" + big + "` is " + (InputFiles.MAX_BYTES + 1) + " bytes, more than the limit"),
        r::toString);
  }

  @Test
  void exactly16MibIsNotTooLarge() throws IOException {
    Path edge = dir.resolve("edge.yaml");
    try (RandomAccessFile f = new RandomAccessFile(edge.toFile(), "rw")) {
      f.setLength(InputFiles.MAX_BYTES); // all NUL bytes, so the next check fires instead
    }
    Cli r = Cli.run("inspect", edge.toString(), "--diagnostics", "short");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(":1:1: error[FM0002]:"), r::toString);
    assertFalse(r.err().contains("FM0003"), r::toString);
  }

  @Test
  void anUnknownFormatIsFm0004NamingTheSupportedFormats() throws IOException {
    String file = write("hello.yaml", "hello: world\n");
    Cli r = Cli.run("inspect", file);
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(file + ":1:1: error[FM0004]: `" + file + "` is not in a format flyte-migrate can read\n"),
        r::toString);
    assertTrue(r.err().contains("1 | hello: world\n"), "rich output shows the source line: " + r);
    assertTrue(r.err().contains("= help: ") && r.err().contains("supported formats: `kfp-v2`"), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void jsonDiagnosticsAreAJsonArray() throws IOException {
    String file = write("hello.yaml", "hello: world\n");
    Cli r = Cli.run("inspect", file, "--diagnostics", "json");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith("["), r::toString);
    assertTrue(r.err().contains("\"code\": \"FM0004\""), r::toString);
    assertTrue(r.err().strip().endsWith("]"), r::toString);
  }

  // Readers a test controls, to check what inspect does with their results.

  private record FakeReader(Function<SourceFile, Outcome<Pipeline>> read) implements PipelineReader {
    @Override
    public String format() {
      return "fake";
    }

    @Override
    public boolean accepts(SourceFile source) {
      return source.text().startsWith("fake");
    }

    @Override
    public Outcome<Pipeline> read(SourceFile source) {
      return read.apply(source);
    }
  }

  private static CommandLine withReader(PipelineReader reader) {
    return new CommandLine(new Main()).addSubcommand(new InspectCommand(List.of(reader)));
  }

  @Test
  void theReaderGetsTheTextWithoutTheBom() throws IOException {
    String file = write("bom.yaml", "\uFEFFfake: 1\r\nnext: 2\n");
    var seen = new StringBuilder();
    Cli r = Cli.run(withReader(new FakeReader(s -> {
      seen.append(s.text());
      return Outcome.failed(List.of());
    })), "inspect", file);
    assertEquals(0, r.exit(), r::toString);
    assertEquals("fake: 1\r\nnext: 2\n", seen.toString(), "bom stripped, nothing else changed");
  }

  @Test
  void warningsAloneExitZeroAndErrorsExitOne() throws IOException {
    String file = write("fake.yaml", "fake: 1\nsecond: line\n");
    Cli warned = Cli.run(withReader(new FakeReader(s -> Outcome.failed(List.of(
        Diagnostic.of(Codes.UNKNOWN_FIELD, Span.at(s.path(), 2, 1), "unknown field `second` is ignored"))))),
        "inspect", file);
    assertEquals(0, warned.exit(), warned::toString);
    assertTrue(warned.err().contains(file + ":2:1: warning[FM1004]: unknown field `second` is ignored"), warned::toString);
    assertTrue(warned.err().contains("2 | second: line\n"), warned::toString);

    Cli failed = Cli.run(withReader(new FakeReader(s -> Outcome.failed(List.of(
        Diagnostic.of(Codes.MISSING_FIELD, Span.at(s.path(), 1, 1), "missing field `root`"))))),
        "inspect", file, "--diagnostics", "short");
    assertEquals(1, failed.exit(), failed::toString);
    assertEquals(file + ":1:1: error[FM1005]: missing field `root`\n", failed.err());
  }

  @Test
  void aReaderThatThrowsIsAnInternalError() throws IOException {
    String file = write("fake.yaml", "fake: 1\n");
    Cli r = Cli.run(withReader(new FakeReader(s -> {
      throw new IllegalArgumentException("reader bug");
    })), "inspect", file);
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().startsWith("flyte-migrate: internal error: java.lang.IllegalArgumentException: reader bug\n"),
        r::toString);
    assertFalse(r.err().contains("\tat "), r::toString);
  }

  @Test
  void theDefaultRegistryHandsKfpFilesToTheKfpReader() throws IOException {
    String file = write("p.yaml", "pipelineInfo:\n  name: hello\nschemaVersion: 2.1.0\n");
    Cli r = Cli.run("inspect", file, "--diagnostics", "short");
    assertFalse(r.err().contains("FM0004"), r::toString);
    assertTrue(r.exit() == 0 || r.exit() == 1, r::toString);
    assertEquals("kfp-v2", Readers.pick(Readers.all(), new SourceFile(file, "schemaVersion: 2.1.0\n"))
        .orElseThrow().format());
  }
}
