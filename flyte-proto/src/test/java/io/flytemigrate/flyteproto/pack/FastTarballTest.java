package io.flytemigrate.flyteproto.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flytemigrate.flyteproto.PackageJson;
import io.flytemigrate.ir.spi.OutputFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastTarballTest {
  private static OutputFile f(String path, String text) {
    return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theNameIsTheMd5FlytekitComputesOverSortedFilesAndTheirPaths() throws Exception {
    List<OutputFile> files = List.of(f("pkg/workflows/wf.py", "wf"), f("pkg/__init__.py", ""), f("pkg/tasks.py", "tasks"));
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    for (String[] file : new String[][] {{"pkg/__init__.py", ""}, {"pkg/tasks.py", "tasks"}, {"pkg/workflows/wf.py", "wf"}}) {
      md5.update(file[1].getBytes(StandardCharsets.UTF_8));
      md5.update(file[0].replace("/", "").getBytes(StandardCharsets.UTF_8));
    }
    FastTarball t = FastTarball.of(files);
    assertEquals("fast" + HexFormat.of().formatHex(md5.digest()) + ".tar.gz", t.fileName());
    List<PackageJson.Member> members = PackageJson.untar(PackageJson.gunzip(t.bytes()));
    assertEquals(List.of("pkg/__init__.py", "pkg/tasks.py", "pkg/workflows/wf.py"),
        members.stream().map(PackageJson.Member::name).toList());
    assertEquals("tasks", new String(members.get(1).content(), StandardCharsets.UTF_8));
  }

  @Test
  void gzipHeadersCarryNoTimestamp() {
    byte[] gz = FastTarball.of(List.of(f("a.py", "x"))).bytes();
    assertEquals(0x1f, gz[0] & 0xff);
    assertEquals(0x8b, gz[1] & 0xff);
    assertEquals(0, gz[4] | gz[5] | gz[6] | gz[7], "mtime is 0");
    assertEquals(0, gz[3], "no file name or other optional fields");
  }

  @Test
  void pathsSortByCodePointAsPythonDoes() {
    assertEquals(-1, Integer.signum(FastTarball.comparePaths("a.py", "a/b.py")));
    assertEquals(-1, Integer.signum(FastTarball.comparePaths("\uFB01.py", "\uD83D\uDE00.py")), "U+FB01 sorts before U+1F600");
    assertEquals(1, Integer.signum("\uFB01.py".compareTo("\uD83D\uDE00.py")), "which UTF-16 order gets wrong");
  }

  @Test
  void aPathTwiceIsAMistake() {
    assertThrows(IllegalArgumentException.class, () -> FastTarball.of(List.of(f("a.py", "1"), f("a.py", "2"))));
  }

  /** The archive as the in-memory writer made it before streaming: one tar, then gzip over all of it. */
  private static byte[] wholeThenGzip(List<OutputFile> sorted) throws Exception {
    TarWriter tar = new TarWriter();
    sorted.forEach(f -> tar.add(f.path(), f.content()));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    // The package's level: fastest compression.
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
      }
    }) {
      gz.write(tar.toBytes());
    }
    return out.toByteArray();
  }

  @Test
  void streamingGivesTheBytesOfTheWholeArchiveCompressedAtOnce() throws Exception {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      big.append("line ").append(i * 7919 % 10_007).append('\n');
    }
    List<OutputFile> sorted = List.of(f("pkg/__init__.py", ""), f("pkg/big.py", big.toString()), f("pkg/tasks.py", "tasks"));
    java.util.Map<String, byte[]> byPath = new java.util.HashMap<>();
    sorted.forEach(o -> byPath.put(o.path(), o.content()));
    java.util.List<String> read = new java.util.ArrayList<>();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    String name = FastTarball.write(List.of("pkg/tasks.py", "pkg/big.py", "pkg/__init__.py"), p -> {
      read.add(p);
      return byPath.get(p);
    }, out);
    assertEquals(List.of("pkg/__init__.py", "pkg/big.py", "pkg/tasks.py"), read, "each file read once, in order");
    assertEquals(FastTarball.of(sorted).fileName(), name);
    org.junit.jupiter.api.Assertions.assertArrayEquals(wholeThenGzip(sorted), out.toByteArray());
    org.junit.jupiter.api.Assertions.assertArrayEquals(wholeThenGzip(sorted), FastTarball.of(sorted).bytes());
  }
}
