package io.flytemigrate.bench.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flytemigrate.bench.Stage;
import io.flytemigrate.bench.Stages;
import io.flytemigrate.bench.Work;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a batch meets in an input directory, one file at a time through {@code inspect}: empty
 * files, directories, symlinks (followed when they lead to a file; loops and dangling links are
 * unreadable files, FM0001) and endless device files, which the size limit bounds.
 */
class FileSystemTest {
  @TempDir Path dir;

  @Test
  void anEmptyFileHoldsNoPipeline() throws IOException {
    Path f = Files.createFile(dir.resolve("empty.yaml"));
    Cli r = Cli.inspect(f.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(f + ":1:1: error[FM1003]: the file holds no yaml document, only comments or white space"),
        r::toString);
  }

  /**
   * The harness's streaming batch path (the stages of `convert` without picocli) takes every
   * file, and one of them goes through the command; {@link BatchConvertTest} gives the whole
   * directory to `convert` as one batch.
   */
  @Test
  void aDirectoryOfTenThousandEmptyFiles() throws IOException {
    Path batch = Files.createDirectory(dir.resolve("batch"));
    for (int i = 0; i < 10_000; i++) {
      Files.createFile(batch.resolve(String.format("p%05d.yaml", i)));
    }
    List<Stage> stages = Stages.fromFile();
    int seen = 0;
    try (var files = Files.newDirectoryStream(batch)) {
      for (Path f : files) {
        Work w = Stages.run(stages, Work.ofFile(f.toString()));
        assertEquals(List.of("FM1003"), w.diagnostics().stream().map(d -> d.code().id()).toList(), f::toString);
        assertTrue(w.pipeline().isEmpty());
        seen++;
      }
    }
    assertEquals(10_000, seen);
    Path one = batch.resolve("p04711.yaml");
    Cli r = Cli.inspect(one.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(one + ":1:1: error[FM1003]: "), r::toString);
  }

  @Test
  void aDirectoryIsNotAPipelineFile() {
    Cli r = Cli.inspect(dir.toString());
    assertEquals(1, r.exit(), r::toString);
    assertEquals(dir + ": error[FM0001]: cannot read `" + dir + "`: it is a directory\n  = help: name a pipeline file inside it\n",
        r.err(), r::toString);
  }

  @Test
  void aSymlinkToAFileIsFollowed() throws IOException {
    Path target = Files.writeString(dir.resolve("real.yaml"), Specs.HELLO, StandardCharsets.UTF_8);
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), target);
    Cli r = Cli.inspect(link.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("file=\"" + link + "\""), "the path shown is the one typed: " + r);
  }

  @Test
  void aSymlinkToADirectoryIsADirectory() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path link = Files.createSymbolicLink(dir.resolve("sub.yaml"), sub);
    Cli r = Cli.inspect(link.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(link + ": error[FM0001]: cannot read `" + link + "`: it is a directory"), r::toString);
  }

  @Test
  void aDanglingSymlinkIsAMissingFile() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("nowhere.yaml"));
    Cli r = Cli.inspect(link.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(link + ": error[FM0001]: cannot read `" + link + "`: no such file"), r::toString);
  }

  @Test
  void aSymlinkLoopIsUnreadable() throws IOException {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    Cli r = Cli.inspect(a.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(a + ": error[FM0001]: cannot read `" + a + "`: "), r::toString);
    assertTrue(r.err().contains("too many levels of symbolic links"), r::toString);
  }

  /** A file whose size says 0 but which never ends: the read stops one byte past the limit. */
  @Test
  void anEndlessDeviceFileIsRefusedBySize() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.isReadable(zero), "needs /dev/zero");
    Cli r = Cli.inspect(zero.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith("/dev/zero:1:1: error[FM0003]: `/dev/zero` is 16777217 bytes, more than the limit"), r::toString);
  }
}
