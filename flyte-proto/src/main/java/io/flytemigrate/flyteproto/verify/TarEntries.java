package io.flytemigrate.flyteproto.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads a (gzipped) tar archive from memory: ustar and old-style headers, pax extended headers
 * ({@code path} records) and GNU long names, regular files and directories. Anything it cannot
 * read is reported as a problem string, never thrown.
 */
final class TarEntries {
  private static final int BLOCK = 512;
  /** Protection against hostile archives: at most this many bytes are unpacked. */
  static final long MAX_UNPACKED = 512L * 1024 * 1024;

  /** One archive member. */
  record Entry(String name, char type, long mode, long mtime, long uid, long gid, String uname, String gname, byte[] content) {
    boolean isFile() {
      return type == '0' || type == '\0' || type == '7';
    }
  }

  /** The members read, and the first problem if reading stopped early. */
  record Result(List<Entry> entries, Optional<String> problem) {}

  private TarEntries() {}

  /** Gunzips {@code bytes}; the problem says why when it is not gzip data. */
  static Result readGzipped(byte[] bytes) {
    byte[] tar;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      tar = readBounded(in);
    } catch (IOException e) {
      return new Result(List.of(), Optional.of("it is not gzip data (" + describe(e) + ")"));
    }
    if (tar == null) {
      return new Result(List.of(), Optional.of("it unpacks to more than " + MAX_UNPACKED + " bytes"));
    }
    return read(tar);
  }

  static Result read(byte[] tar) {
    List<Entry> out = new ArrayList<>();
    int pos = 0;
    String longName = null;
    while (pos + BLOCK <= tar.length) {
      if (isZero(tar, pos)) {
        return new Result(out, Optional.empty());
      }
      if (!checksumOk(tar, pos)) {
        return new Result(out, Optional.of("the tar header at byte " + pos + " has a wrong checksum"));
      }
      String name = string(tar, pos, 100);
      long mode = octal(tar, pos + 100, 8);
      long uid = octal(tar, pos + 108, 8);
      long gid = octal(tar, pos + 116, 8);
      long size = octal(tar, pos + 124, 12);
      long mtime = octal(tar, pos + 136, 12);
      char type = (char) (tar[pos + 156] & 0xff);
      String magic = string(tar, pos + 257, 6);
      String uname = string(tar, pos + 265, 32);
      String gname = string(tar, pos + 297, 32);
      if (magic.startsWith("ustar")) {
        String prefix = string(tar, pos + 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
      }
      if (size < 0 || pos + BLOCK + size > tar.length) {
        return new Result(out, Optional.of("the tar entry `" + name + "` runs past the end of the archive"));
      }
      byte[] content = java.util.Arrays.copyOfRange(tar, pos + BLOCK, pos + BLOCK + (int) size);
      pos += BLOCK + (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
      if (type == 'x') {
        Optional<String> path = paxPath(content);
        if (path.isPresent()) {
          longName = path.get();
        }
        continue;
      }
      if (type == 'L') {
        longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
        continue;
      }
      if (type == 'g') {
        continue;
      }
      if (longName != null) {
        name = longName;
        longName = null;
      }
      out.add(new Entry(name, type, mode, mtime, uid, gid, uname, gname, content));
    }
    return new Result(out, pos == tar.length ? Optional.empty() : Optional.of("the tar archive ends inside a header"));
  }

  private static Optional<String> paxPath(byte[] records) {
    String text = new String(records, StandardCharsets.UTF_8);
    int i = 0;
    while (i < text.length()) {
      int space = text.indexOf(' ', i);
      if (space < 0) {
        break;
      }
      int len;
      try {
        len = Integer.parseInt(text.substring(i, space));
      } catch (NumberFormatException e) {
        break;
      }
      byte[] all = text.substring(i).getBytes(StandardCharsets.UTF_8);
      if (len <= 0 || len > all.length) {
        break;
      }
      String record = new String(all, 0, len, StandardCharsets.UTF_8);
      String kv = record.substring(record.indexOf(' ') + 1, record.length() - 1);
      int eq = kv.indexOf('=');
      if (eq > 0 && kv.substring(0, eq).equals("path")) {
        return Optional.of(kv.substring(eq + 1));
      }
      i += record.length();
    }
    return Optional.empty();
  }

  private static boolean isZero(byte[] b, int off) {
    for (int i = off; i < off + BLOCK; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean checksumOk(byte[] b, int off) {
    long stored = octal(b, off + 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (b[off + i] & 0xff);
    }
    return stored == sum;
  }

  private static String string(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int off, int len) {
    long v = 0;
    boolean any = false;
    for (int i = off; i < off + len; i++) {
      int c = b[i] & 0xff;
      if (c == 0 || c == ' ') {
        if (any) {
          break;
        }
        continue;
      }
      if (c < '0' || c > '7') {
        return -1;
      }
      v = v * 8 + (c - '0');
      any = true;
    }
    return v;
  }

  private static byte[] readBounded(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[65536];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > MAX_UNPACKED) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.toLowerCase(java.util.Locale.ROOT);
  }
}
