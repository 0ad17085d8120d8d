package io.flytemigrate.flyteproto.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * gzip in memory. {@link GZIPOutputStream} writes a header without a file name and with mtime
 * 0, so the same input always gives the same bytes (flytekit: {@code GzipFile(mtime=0)}).
 */
final class Gzip {
  private Gzip() {}

  static byte[] compress(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory failed", e);
    }
    return out.toByteArray();
  }
}
