package io.flytemigrate.flyteproto.pack;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The gzip stream around the package and its fast tarball: the bytes {@code GZIPOutputStream}
 * writes at the fastest level (a fixed header, raw deflate, CRC-32 and length), with each
 * thread's deflater reused from one archive to the next. A batch writes two archives per
 * pipeline, a few kilobytes each, and making a new deflater (zlib's state, about 300 KB) cost
 * more than compressing them; at gzip's default level deflating was a third of the package
 * stage. {@link #finish} ends the archive and leaves the caller's stream open; {@link #close}
 * without it abandons the archive (after a failure) and only gives the deflater back.
 */
final class Gzip extends FilterOutputStream {
  /**
   * Magic, deflate, no flags, no mtime, no extra flags, OS "unknown" (255): what this JDK's
   * GZIPOutputStream writes, fixed here so that another JDK's choice cannot change the bytes.
   */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final ThreadLocal<Reusable> DEFLATERS = ThreadLocal.withInitial(Reusable::new);

  /** A thread's deflater, and whether an open stream of that thread holds it. */
  private static final class Reusable {
    final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    boolean inUse;
  }

  private final Reusable shared;
  private final Deflater def;
  private final CRC32 crc = new CRC32();
  private final byte[] buf = new byte[8192];
  private boolean finished;

  private Gzip(OutputStream out) throws IOException {
    super(out);
    Reusable r = DEFLATERS.get();
    if (r.inUse) {
      // A stream inside another on the same thread: its own deflater, freed at finish.
      shared = null;
      def = new Deflater(Deflater.BEST_SPEED, true);
    } else {
      r.inUse = true;
      shared = r;
      def = r.deflater;
      def.reset();
    }
    out.write(HEADER);
  }

  /** A gzip stream writing into {@code out}, which {@link #finish} leaves open. */
  static Gzip into(OutputStream out) throws IOException {
    return new Gzip(out);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (finished) {
      throw new IOException("the gzip stream is finished");
    }
    crc.update(b, off, len);
    def.setInput(b, off, len);
    while (!def.needsInput()) {
      drain();
    }
  }

  /** Compresses what is left, writes the trailer and flushes; the deflater goes back to its thread. */
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    try {
      def.finish();
      while (!def.finished()) {
        drain();
      }
      long size = def.getBytesRead();
      writeIntLe(crc.getValue());
      writeIntLe(size);
      out.flush();
    } finally {
      release();
    }
  }

  /** Gives the deflater back; an archive not finished by then is abandoned, not ended. */
  @Override
  public void close() {
    if (!finished) {
      finished = true;
      release();
    }
  }

  private void drain() throws IOException {
    int n = def.deflate(buf, 0, buf.length, Deflater.NO_FLUSH);
    if (n > 0) {
      out.write(buf, 0, n);
    }
  }

  private void writeIntLe(long v) throws IOException {
    out.write(new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
  }

  private void release() {
    if (shared != null) {
      shared.inUse = false;
    } else {
      def.end();
    }
  }
}
