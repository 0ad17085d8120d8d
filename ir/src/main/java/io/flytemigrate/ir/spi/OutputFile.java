package io.flytemigrate.ir.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file a writer produces: a relative path below the output directory and its bytes. The path
 * is checked here so that no writer can name a place outside the output directory.
 */
public record OutputFile(String path, byte[] content) {
  public OutputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")
        || Arrays.asList(path.split("/", -1)).stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
      throw new IllegalArgumentException("not a safe relative path: " + path);
    }
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputFile f && f.path.equals(path) && Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "OutputFile[" + path + ", " + content.length + " bytes]";
  }
}
