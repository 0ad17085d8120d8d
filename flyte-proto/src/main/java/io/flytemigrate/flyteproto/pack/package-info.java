/**
 * Packs the entities into the {@code .tgz} that {@code pyflyte package --copy all} writes and
 * {@code flytectl register files --archive} reads (flyte-target.md 1): one file {@code
 * <i>_<name>_<1|2|3>.pb} per entity at the archive root, with the index zero-padded to {@code
 * ceil(log10(N))} digits, plus the fast-registration tarball {@code fast<md5>.tar.gz} holding the
 * flytekit project.
 *
 * <p>The tar and gzip formats are written here, byte for byte deterministic: ustar entries
 * (a pax {@code path} record only for names that ustar cannot hold) with mtime 1980-01-01 (flytekit's
 * {@code tar_strip_file_attributes}), mode 0644, uid and gid 0 and empty owner names, in sorted
 * order; gzip with mtime 0. No file IO: a package is built in memory and returned as bytes, or streamed
 * to an {@code OutputStream} the caller opens.
 */
package io.flytemigrate.flyteproto.pack;
