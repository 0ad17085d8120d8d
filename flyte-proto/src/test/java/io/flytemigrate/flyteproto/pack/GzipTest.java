package io.flytemigrate.flyteproto.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipTest {
  private static byte[] jdk(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] ours(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Gzip gz = Gzip.into(out)) {
      gz.write(data);
      gz.finish();
    }
    return out.toByteArray();
  }

  private static byte[] text(int lines) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      b.append("line ").append(i * 7919 % 10_007).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheBytesOfGzipOutputStreamAtTheFastestLevel() throws IOException {
    for (byte[] data : new byte[][] {new byte[0], "x".getBytes(StandardCharsets.UTF_8), text(10), text(20_000),
        new byte[100_000]}) {
      assertArrayEquals(jdk(data), ours(data), () -> data.length + " bytes");
      assertArrayEquals(data, new GZIPInputStream(new ByteArrayInputStream(ours(data))).readAllBytes());
    }
  }

  @Test
  void theReusedDeflaterStartsFreshForEveryArchive() throws IOException {
    byte[] first = ours(text(5_000));
    ours(text(300));
    // An archive abandoned halfway (a failure while writing) gives its deflater back unfinished.
    ByteArrayOutputStream ignored = new ByteArrayOutputStream();
    try (Gzip gz = Gzip.into(ignored)) {
      gz.write(text(1_000));
    }
    assertArrayEquals(first, ours(text(5_000)));
  }

  @Test
  void anArchiveInsideAnotherOnTheSameThreadGetsItsOwnDeflater() throws IOException {
    ByteArrayOutputStream outer = new ByteArrayOutputStream();
    byte[] inner;
    try (Gzip a = Gzip.into(outer)) {
      a.write(text(2_000));
      inner = ours(text(3_000));
      a.write(text(500));
      a.finish();
    }
    assertArrayEquals(jdk(text(3_000)), inner);
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(text(2_000));
    both.write(text(500));
    assertArrayEquals(jdk(both.toByteArray()), outer.toByteArray());
  }

  @Test
  void aFinishedArchiveTakesNoMoreBytes() throws IOException {
    Gzip gz = Gzip.into(new ByteArrayOutputStream());
    gz.finish();
    assertThrows(IOException.class, () -> gz.write(1));
  }
}
