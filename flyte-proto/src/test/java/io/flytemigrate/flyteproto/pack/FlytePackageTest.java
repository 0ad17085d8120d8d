package io.flytemigrate.flyteproto.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyteproto.Models;
import io.flytemigrate.flyteproto.PackageJson;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.ir.spi.OutputFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlytePackageTest {
  private static final List<OutputFile> FILES = List.of(
      new OutputFile("pkg/__init__.py", new byte[0]),
      new OutputFile("pkg/tasks.py", "def produce(): ...\n".getBytes(StandardCharsets.UTF_8)));

  @Test
  void thePackageHoldsNumberedEntitiesAndTheFastTarballAtItsRoot() {
    FlytePackage p = FlytePackage.write(Models.twoTasks(), FILES, PackageOptions.DEFAULT);
    assertEquals(5, p.entries().size());
    assertEquals(List.of("0_pkg.tasks.produce_1.pb", "1_pkg.tasks.consume_1.pb", "2_pkg.workflows.pipeline.pipeline_2.pb",
        "3_pkg.workflows.pipeline.pipeline_3.pb"), p.entries().subList(0, 4));
    assertTrue(p.entries().get(4).matches("fast[0-9a-f]{32}\\.tar\\.gz"));
    assertEquals(p.entries().get(4), p.fastTarball().orElseThrow());
    List<PackageJson.Member> members = PackageJson.untar(PackageJson.gunzip(p.bytes()));
    assertEquals(p.entries(), members.stream().map(PackageJson.Member::name).toList());
    assertFalse(members.stream().anyMatch(m -> m.name().contains("/")), "no directories");
    byte[] gz = p.bytes();
    assertEquals(0, gz[4] | gz[5] | gz[6] | gz[7], "gzip mtime is 0");
  }

  @Test
  void writingTwiceGivesTheSameBytes() {
    assertArrayEquals(FlytePackage.write(Models.twoTasks(), FILES, PackageOptions.DEFAULT).bytes(),
        FlytePackage.write(Models.twoTasks(), FILES, PackageOptions.DEFAULT).bytes());
  }

  @Test
  void theOrderOfTheProjectFilesDoesNotMatter() {
    List<OutputFile> reversed = List.of(FILES.get(1), FILES.get(0));
    assertArrayEquals(FlytePackage.write(Models.twoTasks(), FILES, PackageOptions.DEFAULT).bytes(),
        FlytePackage.write(Models.twoTasks(), reversed, PackageOptions.DEFAULT).bytes());
  }

  @Test
  void withoutProjectFilesThereIsNoFastTarball() {
    FlytePackage p = FlytePackage.write(Models.twoTasks(), List.of(), PackageOptions.DEFAULT);
    assertTrue(p.fastTarball().isEmpty());
    assertEquals(4, p.entries().size());
  }

  @Test
  void streamingGivesTheBytesOfTheWholeArchiveCompressedAtOnce() throws Exception {
    List<io.flytemigrate.flyteproto.write.RegistrableEntity> entities =
        io.flytemigrate.flyteproto.write.PackageEntities.write(Models.twoTasks(), PackageOptions.DEFAULT);
    FlytePackage p = FlytePackage.of(entities, FILES);
    // What the package was before it could be streamed: the whole tar in memory, then gzip over it.
    TarWriter tar = new TarWriter();
    List<PackageJson.Member> members = PackageJson.untar(PackageJson.gunzip(p.bytes()));
    members.forEach(m -> tar.add(m.name(), m.content()));
    java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
    // The package's level: fastest compression.
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(whole) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
      }
    }) {
      gz.write(tar.toBytes());
    }
    assertArrayEquals(whole.toByteArray(), p.bytes());
    java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
    List<String> names = FlytePackage.write(entities.stream().map(PackedEntity::of).toList(),
        java.util.Optional.of(FastTarball.of(FILES)), streamed);
    assertEquals(p.entries(), names);
    assertArrayEquals(p.bytes(), streamed.toByteArray());
  }
}
