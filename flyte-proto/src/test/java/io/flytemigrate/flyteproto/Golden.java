package io.flytemigrate.flyteproto;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Approved-file comparison for this module's goldens: {@code <name>.approved.txt} holds the
 * expected text; a difference writes {@code <name>.received.txt} beside it and fails. Run with
 * {@code -Dapprove=true} to accept the received output.
 */
public final class Golden {
  private Golden() {}

  public static Path dir() {
    return Corpus.repoRoot().resolve("flyte-proto/src/test/resources/golden");
  }

  public static void verify(String name, String actual) {
    Path approved = dir().resolve(name + ".approved.txt");
    Path received = dir().resolve(name + ".received.txt");
    try {
      if (Boolean.getBoolean("approve")) {
        Files.writeString(approved, actual, StandardCharsets.UTF_8);
        Files.deleteIfExists(received);
        return;
      }
      if (!Files.exists(approved)) {
        Files.writeString(received, actual, StandardCharsets.UTF_8);
        fail("no approved file for " + name + "; review " + received + " and run with -Dapprove=true");
      }
      String expected = Files.readString(approved, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        Files.writeString(received, actual, StandardCharsets.UTF_8);
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int line = 0;
        while (line < Math.min(e.length, a.length) && e[line].equals(a[line])) {
          line++;
        }
        fail(name + " differs from its approved file at line " + (line + 1) + ":\n  approved: "
            + (line < e.length ? e[line] : "<end>") + "\n  received: " + (line < a.length ? a[line] : "<end>")
            + "\nreview " + received + " and run with -Dapprove=true to accept it");
      }
      Files.deleteIfExists(received);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
