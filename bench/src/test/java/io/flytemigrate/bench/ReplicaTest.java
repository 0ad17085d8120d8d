package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaTest {
  @TempDir Path dir;

  @Test
  void everyFileIsCopiedUnderANewFlatName() throws IOException {
    Path source = Files.createDirectories(dir.resolve("corpus/sub"));
    Files.writeString(dir.resolve("corpus/a.yaml"), "a: 1\n");
    Files.writeString(source.resolve("b.yaml"), "b: 22\n");
    Files.writeString(source.resolve(".hidden"), "x");
    Files.writeString(source.resolve("SOURCES.md"), "where the files come from");
    Replica r = Replica.make(dir.resolve("corpus"), 3, dir.resolve("out"));
    assertEquals(6, r.files());
    assertEquals(3 * (5 + 6), r.bytes());
    List<String> names = Replica.filesBelow(r.dir()).stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of("c0001-a.yaml", "c0001-sub__b.yaml", "c0002-a.yaml", "c0002-sub__b.yaml", "c0003-a.yaml",
        "c0003-sub__b.yaml"), names);
    r.delete();
    assertFalse(Files.exists(r.dir()));
  }
}
