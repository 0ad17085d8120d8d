package io.flytemigrate.flyteproto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A plain tar.gz writer for tests that must build packages the writers never would (files out of
 * order, wrong names, no fast tarball): ustar headers, a pax {@code path} record for long names.
 */
public final class TestArchive {
  private TestArchive() {}

  public static byte[] tgz(List<PackageJson.Member> members) {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    for (PackageJson.Member m : members) {
      byte[] name = m.name().getBytes(StandardCharsets.UTF_8);
      if (name.length > 100) {
        byte[] body = (" path=" + m.name() + "\n").getBytes(StandardCharsets.UTF_8);
        int len = body.length + 1;
        while (len != body.length + Integer.toString(len).length()) {
          len = body.length + Integer.toString(len).length();
        }
        byte[] r = (len + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        tar.writeBytes(header("././@PaxHeader", r.length, 'x'));
        tar.writeBytes(pad(r));
      }
      tar.writeBytes(header(m.name(), m.content().length, '0'));
      tar.writeBytes(pad(m.content()));
    }
    tar.writeBytes(new byte[1024]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(tar.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] header(String name, int size, char type) {
    byte[] h = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
    put(h, 100, String.format("%07o", 0644));
    put(h, 108, String.format("%07o", 0));
    put(h, 116, String.format("%07o", 0));
    put(h, 124, String.format("%011o", size));
    put(h, 136, String.format("%011o", 0));
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = (byte) type;
    put(h, 257, "ustar");
    h[263] = '0';
    h[264] = '0';
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    return h;
  }

  private static void put(byte[] h, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, b.length);
  }

  private static byte[] pad(byte[] b) {
    int rest = b.length % 512;
    if (rest == 0) {
      return b;
    }
    byte[] out = new byte[b.length + 512 - rest];
    System.arraycopy(b, 0, out, 0, b.length);
    return out;
  }
}
