package io.flytemigrate.flyteproto.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The gzip stream around the package and its fast tarball: fastest compression, an 8 KB buffer,
 * and the native deflater freed as soon as the stream is finished (the caller's stream stays
 * open). A batch writes two of these per pipeline, so compression was a third of the package
 * stage at gzip's default level; the archives are a few kilobytes either way, and the same input
 * still gives the same bytes. Python's {@code tarfile} and {@code flytectl} read any level.
 */
final class Gzip extends GZIPOutputStream {
  private Gzip(OutputStream out) throws IOException {
    super(new FastTarball.NonClosing(out), 8192);
    def.setLevel(Deflater.BEST_SPEED);
  }

  /** A gzip stream writing into {@code out}, which {@link #finish} leaves open. */
  static Gzip into(OutputStream out) throws IOException {
    return new Gzip(out);
  }

  /** Writes the gzip trailer and flushes it into the caller's stream, then frees the deflater. */
  @Override
  public void finish() throws IOException {
    try {
      super.finish();
      flush();
    } finally {
      def.end();
    }
  }
}
