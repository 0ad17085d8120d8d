package io.flytemigrate.flyteproto.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A deterministic tar archive, in memory or streamed, in the format Python's {@code tarfile} writes (what
 * pyflyte uses): 512-byte ustar headers of regular files, data padded to 512 bytes, two zero
 * blocks at the end and zero padding to a whole 10240-byte record. A name longer than 100 bytes
 * or not ASCII is carried by a pax extended header ({@code ././@PaxHeader}, record {@code path}).
 */
final class TarWriter {
  static final int BLOCK = 512;
  static final int RECORD = 20 * BLOCK;
  /** 1980-01-01T00:00:00Z, the mtime flytekit's {@code tar_strip_file_attributes} sets. */
  static final long MTIME_1980 = 315_532_800L;
  static final int FILE_MODE = 0644;

  /** One regular file of the archive. */
  record Entry(String name, byte[] content) {
    Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(content, "content");
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  TarWriter add(String name, byte[] content) {
    entries.add(new Entry(name, content.clone()));
    return this;
  }

  /** The archive, entries in the order they were added. */
  byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Streaming tar = new Streaming(out);
      for (Entry e : entries) {
        tar.add(e.name(), e.content());
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  /** The same archive written entry by entry to a stream, so that no entry waits for the others. */
  static final class Streaming {
    private final OutputStream out;
    private long written;

    Streaming(OutputStream out) {
      this.out = Objects.requireNonNull(out, "out");
    }

    void add(String name, byte[] content) throws IOException {
      byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
      boolean ascii = bytes.length == name.length();
      if (!ascii || bytes.length > 100) {
        byte[] records = paxRecord("path", name);
        write(header("././@PaxHeader", records.length, 0, 0, (byte) 'x'));
        writePadded(records);
      }
      write(header(name, content.length, FILE_MODE, MTIME_1980, (byte) '0'));
      writePadded(content);
    }

    /** The two zero blocks and the padding to a whole record; the stream is left open. */
    void finish() throws IOException {
      write(new byte[2 * BLOCK]);
      int rest = (int) (written % RECORD);
      if (rest != 0) {
        write(new byte[RECORD - rest]);
      }
      out.flush();
    }

    private void writePadded(byte[] data) throws IOException {
      write(data);
      int rest = data.length % BLOCK;
      if (rest != 0) {
        write(new byte[BLOCK - rest]);
      }
    }

    private void write(byte[] data) throws IOException {
      out.write(data);
      written += data.length;
    }
  }

  /** A ustar header block; the name is written as ASCII, cut to 100 bytes (pax holds the rest). */
  private static byte[] header(String name, long size, int mode, long mtime, byte type) {
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, asciiName(name));
    putOctal(h, 100, 8, mode);
    putOctal(h, 108, 8, 0);
    putOctal(h, 116, 8, 0);
    putOctal(h, 124, 12, size);
    putOctal(h, 136, 12, mtime);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = type;
    put(h, 257, 8, "ustar\u000000".getBytes(StandardCharsets.US_ASCII));
    // linkname, uname, gname, devmajor, devminor and prefix stay NUL, as tarfile writes them.
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    putOctal(h, 148, 7, sum);
    h[155] = ' ';
    return h;
  }

  private static byte[] asciiName(String name) {
    byte[] b = new byte[Math.min(name.length(), 100)];
    for (int i = 0; i < b.length; i++) {
      char c = name.charAt(i);
      b[i] = c < 128 ? (byte) c : (byte) '?';
    }
    return b;
  }

  /** {@code "<len> <key>=<value>\n"}, where len counts the whole record including itself. */
  private static byte[] paxRecord(String key, String value) {
    int body = key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length + 3;
    int len = body;
    int prev = 0;
    while (len != prev) {
      prev = len;
      len = body + Integer.toString(prev).length();
    }
    return (len + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code value} in octal as {@code width - 1} zero-padded ASCII digits and a NUL, as {@code
   * "%0<width-1>o"} formats it (written digit by digit: a batch writes two headers per file).
   */
  private static void putOctal(byte[] h, int off, int width, long value) {
    if (value < 0 || (width - 1 < 21 && value >>> (3 * (width - 1)) != 0)) {
      throw new IllegalArgumentException("value too large for a tar field: " + value);
    }
    long v = value;
    for (int i = off + width - 2; i >= off; i--) {
      h[i] = (byte) ('0' + (v & 7));
      v >>>= 3;
    }
    h[off + width - 1] = 0;
  }


  private static void put(byte[] h, int off, int max, byte[] value) {
    System.arraycopy(value, 0, h, off, Math.min(max, value.length));
  }
}
