package io.flytemigrate.flyteproto.pack;

import io.flytemigrate.ir.spi.OutputFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The fast-registration source archive (flyte-target.md 1.5): the flytekit project's files as a
 * gzipped tar named {@code fast<md5>.tar.gz}. The md5 is the one flytekit's {@code ls_files}
 * computes: over the files in sorted path order, each file's bytes and then its relative path
 * with the separators removed. Entries are the relative paths, in that same order, files only.
 *
 * @param fileName {@code fast<md5hex>.tar.gz}
 * @param bytes the gzipped tar
 */
public record FastTarball(String fileName, byte[] bytes) {
  public static final String PREFIX = "fast";
  public static final String SUFFIX = ".tar.gz";

  public FastTarball {
    Objects.requireNonNull(fileName, "fileName");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The archive of these project files (relative paths, no duplicates). */
  public static FastTarball of(List<OutputFile> files) {
    java.util.Map<String, byte[]> contents = new java.util.HashMap<>();
    List<String> paths = new ArrayList<>();
    for (OutputFile f : files) {
      paths.add(f.path());
      contents.putIfAbsent(f.path(), f.content());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      String name = write(paths, contents::get, out);
      return new FastTarball(name, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
  }

  /** Where {@link #write} reads each project file from. */
  @FunctionalInterface
  public interface ProjectFiles {
    byte[] read(String path) throws IOException;
  }

  /**
   * Streams the archive of these project files to {@code out}, one file at a time, read from
   * {@code files} when its turn comes, so the project never needs to be in memory at once.
   *
   * @return the archive's file name, {@code fast<md5hex>.tar.gz}
   */
  public static String write(List<String> paths, ProjectFiles files, OutputStream out) throws IOException {
    List<String> sorted = new ArrayList<>(paths);
    sorted.sort(FastTarball::comparePaths);
    MessageDigest md5 = md5();
    try (Gzip gz = Gzip.into(out)) {
      TarWriter.Streaming tar = new TarWriter.Streaming(gz);
      String previous = null;
      for (String path : sorted) {
        if (path.equals(previous)) {
          throw new IllegalArgumentException("the project has two files named " + path);
        }
        previous = path;
        byte[] content = files.read(path);
        md5.update(content);
        md5.update(path.replace("/", "").getBytes(StandardCharsets.UTF_8));
        tar.add(path, content);
      }
      tar.finish();
      gz.finish();
    }
    return PREFIX + HexFormat.of().formatHex(md5.digest()) + SUFFIX;
  }

  /** Python's string order: by code point, not by UTF-16 unit. */
  static int comparePaths(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }
}
