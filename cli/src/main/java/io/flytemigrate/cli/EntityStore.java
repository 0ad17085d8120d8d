package io.flytemigrate.cli;

import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyteproto.pack.PackedEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The package entities of a batch, kept on disk between the phase that makes them and the end,
 * where the combined package is streamed: in memory each costs its name, kind, place and digest,
 * not its bytes. Without a file (none could be made) the bytes stay in memory. Thread-safe.
 */
final class EntityStore implements AutoCloseable {
  /**
   * One stored entity.
   *
   * @param digest the SHA-256 of its bytes, so equal entities are found without reading them
   * @param bytes the bytes themselves when there is no file, else {@code null}
   */
  record Stored(String name, Identifier.ResourceType kind, long offset, int length, String digest, byte[] bytes) {
    Stored {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(digest, "digest");
    }

    /** What makes two entities the same one in the package. */
    String key() {
      return kind + " " + name + " " + digest;
    }
  }

  private final Path file;
  private final FileChannel channel;
  private long end;

  private EntityStore(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** A store in a new file {@code file}, which {@link #close} deletes; in memory when it is empty. */
  static EntityStore at(Optional<Path> file) {
    if (file.isPresent()) {
      try {
        return new EntityStore(file.get(), FileChannel.open(file.get(), StandardOpenOption.READ, StandardOpenOption.WRITE));
      } catch (IOException e) {
        // In memory, then: slower to nothing, only larger.
      }
    }
    return new EntityStore(null, null);
  }

  Stored put(PackedEntity e) {
    byte[] bytes = e.bytes();
    String digest = HexFormat.of().formatHex(sha256().digest(bytes));
    if (channel == null) {
      return new Stored(e.name(), e.kind(), 0, bytes.length, digest, bytes);
    }
    long at;
    synchronized (this) {
      at = end;
      end += bytes.length;
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      long pos = at;
      while (b.hasRemaining()) {
        pos += channel.write(b, pos);
      }
    } catch (IOException ex) {
      return new Stored(e.name(), e.kind(), 0, bytes.length, digest, bytes);
    }
    return new Stored(e.name(), e.kind(), at, bytes.length, digest, null);
  }

  PackedEntity get(Stored s) {
    if (s.bytes() != null) {
      return new PackedEntity(s.name(), s.kind(), s.bytes());
    }
    ByteBuffer b = ByteBuffer.allocate(s.length());
    try {
      long pos = s.offset();
      while (b.hasRemaining()) {
        int n = channel.read(b, pos);
        if (n < 0) {
          throw new IOException("the entity store ends early");
        }
        pos += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back the package entities", e);
    }
    return new PackedEntity(s.name(), s.kind(), b.array());
  }

  @Override
  public void close() {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Closing a file only read from and written to; deleting it is what matters.
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover scratch file starts with a dot beside OUT and is never taken for output.
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
