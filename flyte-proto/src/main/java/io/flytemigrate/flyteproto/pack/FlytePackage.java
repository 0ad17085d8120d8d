package io.flytemigrate.flyteproto.pack;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyteproto.write.PackageEntities;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.flyteproto.write.RegistrableEntity;
import io.flytemigrate.ir.spi.OutputFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registrable package: {@code flyte-package.tgz} as {@code pyflyte package --copy all}
 * writes it, built in memory or streamed. Files sit at the archive root in lexical order, which, thanks to the
 * zero-padded indexes, is also registration order ({@code flytectl} sorts paths lexically).
 *
 * @param bytes the {@code .tgz}
 * @param entries the file names in the archive, in archive order
 * @param fastTarball the fast tarball's file name, if the project has files
 */
public record FlytePackage(byte[] bytes, List<String> entries, Optional<String> fastTarball) {
  /** The package's usual file name. */
  public static final String FILE_NAME = "flyte-package.tgz";

  public FlytePackage {
    bytes = bytes.clone();
    entries = List.copyOf(entries);
    Objects.requireNonNull(fastTarball, "fastTarball");
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Writes the package of a lowered project.
   *
   * @param projectFiles the flytekit project (paths relative to its root) for the fast tarball;
   *     empty writes no fast tarball
   */
  public static FlytePackage write(FlyteProject project, List<OutputFile> projectFiles, PackageOptions options) {
    return of(PackageEntities.write(project, options), projectFiles);
  }

  /** Packs entities (in registration order) and the project files. */
  public static FlytePackage of(List<RegistrableEntity> entities, List<OutputFile> projectFiles) {
    List<PackedEntity> packed = new ArrayList<>();
    for (RegistrableEntity e : entities) {
      packed.add(PackedEntity.of(e));
    }
    Optional<FastTarball> fast = projectFiles.isEmpty() ? Optional.empty() : Optional.of(FastTarball.of(projectFiles));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      List<String> names = write(packed, fast, out);
      return new FlytePackage(out.toByteArray(), names, fast.map(FastTarball::fileName));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
  }

  /**
   * Streams a package to {@code out}: the entities numbered in the given (registration) order,
   * then the fast tarball, if any. A batch writes its package this way, so that it is never held
   * in memory whole; the bytes are those {@link #of} makes.
   *
   * @return the file names in the archive, in archive order
   */
  public static List<String> write(List<PackedEntity> entities, Optional<FastTarball> fast, OutputStream out)
      throws IOException {
    List<String> names = new ArrayList<>();
    try (Gzip gz = Gzip.into(out)) {
      TarWriter.Streaming tar = new TarWriter.Streaming(gz);
      for (int i = 0; i < entities.size(); i++) {
        PackedEntity e = entities.get(i);
        String name = EntryNames.fileName(i, entities.size(), e.name(), e.kind());
        tar.add(name, e.bytes());
        names.add(name);
      }
      if (fast.isPresent()) {
        tar.add(fast.get().fileName(), fast.get().bytes());
        names.add(fast.get().fileName());
      }
      tar.finish();
      gz.finish();
    }
    return names;
  }
}
