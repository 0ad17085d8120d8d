package io.flytemigrate.bench.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text that is not plain UTF-8 with LF line ends: invalid bytes and NULs are refused at their
 * position (FM0002, exit 1); Windows line ends and a byte order mark are read as if absent, with
 * the same line and column in every diagnostic.
 */
class EncodingTest {
  @TempDir Path dir;

  private Path write(String name, byte[] content) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, content);
    return f;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertOnly(Cli r, int exit, String expectedErr) {
    assertEquals(exit, r.exit(), r::toString);
    assertEquals(expectedErr, r.err(), r::toString);
  }

  @Test
  void invalidUtf8IsRefusedAtTheBadByte() throws IOException {
    // `busybox` with its `y` replaced by 0xC3 0x28: a lead byte without its continuation.
    byte[] bad = utf8(Specs.HELLO.replace("busybox", "busyb\u0001x"));
    int at = new String(bad, StandardCharsets.ISO_8859_1).indexOf('\u0001');
    bad[at] = (byte) 0xC3;
    Path f = write("latin.yaml", bad);
    Cli r = Cli.inspect(f.toString());
    assertOnly(r, 1, f + ":8:21: error[FM0002]: `" + f + "` is not valid utf-8 text: byte `0xc3` cannot appear here\n"
        + "  = help: save the file as utf-8; flyte-migrate does not guess other encodings\n");
    assertEquals("", r.out());
  }

  @Test
  void aLoneContinuationByteIsRefused() throws IOException {
    byte[] text = utf8(Specs.HELLO);
    byte[] bad = new byte[text.length + 1];
    System.arraycopy(text, 0, bad, 0, text.length);
    bad[text.length] = (byte) 0x80;
    Path f = write("tail.yaml", bad);
    Cli r = Cli.inspect(f.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(f + ":21:1: error[FM0002]: "), r::toString);
  }

  @Test
  void aNulByteIsRefusedWhereItIs() throws IOException {
    Path f = write("nul.yaml", utf8(Specs.HELLO.replace("name: echo\nroot", "name: ec\0ho\nroot")));
    Cli r = Cli.inspect(f.toString());
    assertOnly(r, 1, f + ":11:11: error[FM0002]: `" + f + "` contains a nul byte, so it is not text\n"
        + "  = help: flyte-migrate reads pipeline specs as yaml or json text; check that this is the right file\n");
  }

  @Test
  void nulBytesInJsonAreRefusedToo() throws IOException {
    Path f = write("nul.json", utf8(Specs.HELLO_JSON.replace("\"busybox\"", "\"busy\0box\"")));
    Cli r = Cli.inspect(f.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(f + ":3:") && r.err().contains("error[FM0002]"), r::toString);
  }

  @Test
  void windowsLineEndingsReadLikeUnixOnes() throws IOException {
    // Same-length paths, so the printed IR can be compared as text.
    Path lf = write("a/p.yaml", utf8(Specs.HELLO));
    Path crlf = write("b/p.yaml", utf8(Specs.HELLO.replace("\n", "\r\n")));
    Cli unix = Cli.inspect(lf.toString());
    Cli windows = Cli.inspect(crlf.toString());
    assertOnly(windows, 0, "");
    assertEquals(unix.out().replace(lf.toString(), crlf.toString()), windows.out());
  }

  @Test
  void windowsLineEndingsKeepDiagnosticPositions() throws IOException {
    String broken = Specs.HELLO.replace("name: comp-echo", "name: comp-missing");
    Path crlf = write("crlf.yaml", utf8(broken.replace("\n", "\r\n")));
    Cli r = Cli.inspect(crlf.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(crlf + ":17:17: error[FM1007]: task `echo` refers to component `comp-missing`"), r::toString);
  }

  @Test
  void aByteOrderMarkIsSkipped() throws IOException {
    Path plain = write("a/p.yaml", utf8(Specs.HELLO));
    Path bom = write("b/p.yaml", utf8("\uFEFF" + Specs.HELLO));
    Cli withBom = Cli.inspect(bom.toString());
    assertOnly(withBom, 0, "");
    assertEquals(Cli.inspect(plain.toString()).out().replace(plain.toString(), bom.toString()), withBom.out());
  }

  @Test
  void aByteOrderMarkDoesNotShiftColumns() throws IOException {
    Path bom = write("bom.yaml", utf8("\uFEFF" + Specs.HELLO.replace("name: comp-echo", "name: comp-missing")));
    Cli r = Cli.inspect(bom.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(bom + ":17:17: error[FM1007]: "), r::toString);
  }

  @Test
  void aByteOrderMarkBeforeJson() throws IOException {
    Path bom = write("bom.json", utf8("\uFEFF" + Specs.HELLO_JSON));
    assertOnly(Cli.inspect(bom.toString()), 0, "");
  }
}
