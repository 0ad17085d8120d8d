package io.flytemigrate.flyteproto.pack;

import io.flytemigrate.ir.spi.OutputFile;
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
    List<OutputFile> sorted = new ArrayList<>(files);
    sorted.sort((a, b) -> comparePaths(a.path(), b.path()));
    MessageDigest md5 = md5();
    TarWriter tar = new TarWriter();
    String previous = null;
    for (OutputFile f : sorted) {
      if (f.path().equals(previous)) {
        throw new IllegalArgumentException("the project has two files named " + f.path());
      }
      previous = f.path();
      byte[] content = f.content();
      md5.update(content);
      md5.update(f.path().replace("/", "").getBytes(StandardCharsets.UTF_8));
      tar.add(f.path(), content);
    }
    String name = PREFIX + HexFormat.of().formatHex(md5.digest()) + SUFFIX;
    return new FastTarball(name, Gzip.compress(tar.toBytes()));
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
