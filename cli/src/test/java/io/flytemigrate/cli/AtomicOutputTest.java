package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.spi.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
  @TempDir Path dir;

  private static OutputFile f(String path, String text) {
    return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> names(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void filesWrittenAsTheyComeAppearOnlyOnCommit() throws Exception {
    Path out = dir.resolve("out");
    AtomicOutput o = new AtomicOutput(out, false);
    o.add(f("a/b.py", "b"));
    o.add("c.bin", s -> s.write(new byte[] {1, 2, 3}));
    assertFalse(Files.exists(out), "nothing in place before commit");
    assertEquals(1, names(dir).size(), "one hidden staging directory beside OUT");
    assertTrue(names(dir).get(0).startsWith(".out.tmp-"), names(dir)::toString);
    assertArrayEquals("b".getBytes(StandardCharsets.UTF_8), o.read("a/b.py"));
    assertEquals(2, o.count());
    o.commit();
    assertEquals(List.of("out"), names(dir));
    assertEquals("b", Files.readString(out.resolve("a/b.py")));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out.resolve("c.bin")));
    assertThrows(IllegalStateException.class, () -> o.add(f("late.py", "")));
  }

  @Test
  void aRemovedFileCanBeWrittenAgain() throws Exception {
    Path out = dir.resolve("out");
    AtomicOutput o = new AtomicOutput(out, false);
    o.add(f("p.py", "old"));
    o.add(f("gone.py", "x"));
    o.remove("p.py");
    o.remove("gone.py");
    o.add(f("p.py", "new"));
    o.commit();
    assertEquals(List.of("p.py"), names(out));
    assertEquals("new", Files.readString(out.resolve("p.py")));
  }

  @Test
  void abortLeavesNothingAndNeverWrittenMakesNoDirectory() throws Exception {
    AtomicOutput o = new AtomicOutput(dir.resolve("out"), false);
    o.add(f("a.py", "a"));
    o.abort();
    assertEquals(List.of(), names(dir));
    new AtomicOutput(dir.resolve("other"), false).abort();
    assertEquals(List.of(), names(dir));
  }

  @Test
  void theFirstFailureIsKeptAndNothingIsWritten() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    AtomicOutput busy = new AtomicOutput(out, false);
    busy.add(f("a.py", "a"));
    assertTrue(busy.failure().isPresent());
    AtomicOutput.WriteFailure e = assertThrows(AtomicOutput.WriteFailure.class, busy::commit);
    assertEquals("it exists and is not empty; pass --force to replace it", e.getMessage());
    assertEquals(List.of("keep.txt"), names(out));

    AtomicOutput twice = new AtomicOutput(dir.resolve("two"), false);
    twice.add(f("a.py", "1"));
    twice.add(f("a.py", "2"));
    assertEquals("two outputs would both be written to a.py",
        assertThrows(AtomicOutput.WriteFailure.class, twice::commit).getMessage());
    AtomicOutput outside = new AtomicOutput(dir.resolve("three"), false);
    // OutputFile refuses such a path itself; a streamed file is checked here.
    outside.add("../escape.py", s -> s.write(1));
    assertEquals("a file would be written outside it: ../escape.py",
        assertThrows(AtomicOutput.WriteFailure.class, outside::commit).getMessage());
    assertEquals(List.of("out"), names(dir), "failed outputs leave no staging directory behind");
  }

  @Test
  void forceReplacesWhatWasThere() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("old.txt"), "old");
    AtomicOutput.write(out, List.of(f("new.txt", "new")), true);
    assertEquals(List.of("new.txt"), names(out));
    assertEquals(List.of("out"), names(dir));
  }

  @Test
  void scratchFilesAreGoneAfterCommitAndAfterAbort() throws Exception {
    AtomicOutput o = new AtomicOutput(dir.resolve("out"), false);
    Path scratch = o.scratchFile().orElseThrow();
    assertEquals(dir, scratch.getParent());
    assertTrue(scratch.getFileName().toString().startsWith(".out.scratch-"), scratch::toString);
    o.add(f("a.py", "a"));
    o.commit();
    assertEquals(List.of("out"), names(dir));
    assertEquals(List.of("a.py"), names(dir.resolve("out")), "the scratch file is not part of the output");

    AtomicOutput dropped = new AtomicOutput(dir.resolve("other"), false);
    dropped.scratchFile().orElseThrow();
    dropped.abort();
    assertEquals(List.of("out"), names(dir));
  }
}
