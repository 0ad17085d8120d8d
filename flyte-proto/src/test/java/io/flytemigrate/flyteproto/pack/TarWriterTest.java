package io.flytemigrate.flyteproto.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.flyteproto.PackageJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TarWriterTest {
  private static String field(byte[] tar, int off, int len) {
    return new String(tar, off, len, StandardCharsets.US_ASCII);
  }

  @Test
  void headersAreDeterministicUstarAsPythonsTarfileWritesThem() {
    byte[] tar = new TarWriter().add("pkg/tasks.py", "print(1)\n".getBytes(StandardCharsets.UTF_8)).toBytes();
    assertEquals(0, tar.length % 10240);
    assertEquals("pkg/tasks.py", field(tar, 0, 12));
    assertEquals(0, tar[12]);
    assertEquals("0000644\0", field(tar, 100, 8));
    assertEquals("0000000\0", field(tar, 108, 8));
    assertEquals("0000000\0", field(tar, 116, 8));
    assertEquals("00000000011\0", field(tar, 124, 12));
    assertEquals(Long.toOctalString(315532800L), field(tar, 137, 10));
    assertEquals('0', (char) tar[156]);
    assertEquals("ustar\u000000", field(tar, 257, 8));
    byte[] zeros = new byte[32];
    assertArrayEquals(zeros, Arrays.copyOfRange(tar, 265, 297), "uname is empty");
    assertArrayEquals(zeros, Arrays.copyOfRange(tar, 297, 329), "gname is empty");
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (tar[i] & 0xff);
    }
    assertEquals(String.format("%06o", sum) + "\0 ", field(tar, 148, 8));
    assertEquals("print(1)\n", field(tar, 512, 9));
    assertArrayEquals(new byte[1024], Arrays.copyOfRange(tar, 1024, 2048), "two zero blocks end the archive");
  }

  @Test
  void longAndNonAsciiNamesTravelInAPaxRecord() {
    String longName = "a/".repeat(60) + "module.py";
    String accented = "pkg/caf\u00e9.py";
    byte[] tar = new TarWriter().add(longName, new byte[] {1}).add(accented, new byte[] {2}).toBytes();
    assertEquals("././@PaxHeader", field(tar, 0, 14));
    assertEquals('x', (char) tar[156]);
    List<PackageJson.Member> members = PackageJson.untar(tar);
    assertEquals(List.of(longName, accented), members.stream().map(PackageJson.Member::name).toList());
    String record = new String(tar, 512, 20, StandardCharsets.UTF_8);
    int len = Integer.parseInt(record.substring(0, record.indexOf(' ')));
    assertEquals(("" + len + " path=" + longName + "\n").getBytes(StandardCharsets.UTF_8).length, len);
  }

  @Test
  void theSameEntriesGiveTheSameBytes() {
    byte[] a = new TarWriter().add("x", new byte[600]).add("y", new byte[0]).toBytes();
    byte[] b = new TarWriter().add("x", new byte[600]).add("y", new byte[0]).toBytes();
    assertArrayEquals(a, b);
    assertEquals(10240, a.length, "header, 2 data blocks, header, end blocks: one 10240-byte record");
  }
}
