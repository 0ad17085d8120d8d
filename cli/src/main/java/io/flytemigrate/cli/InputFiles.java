package io.flytemigrate.cli;

import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads input files into {@link SourceFile}s: the one place in flyte-migrate that opens files.
 * Failures are diagnostics ({@code FM0001} to {@code FM0003}), not exceptions. The text is the
 * file's exact contents decoded as UTF-8, minus a leading byte order mark; nothing else is
 * normalised, so columns in later diagnostics match what editors show.
 */
public final class InputFiles {
  /** The largest input accepted: 16 MiB. Real pipeline specs are a few hundred KiB at most. */
  public static final long MAX_BYTES = 16 * 1024 * 1024;

  /** The extensions that make a file found in a directory a pipeline file, read or reported. */
  private static final java.util.Set<String> PIPELINE_EXTENSIONS = java.util.Set.of("yaml", "yml", "json", "py");

  private InputFiles() {}

  /**
   * Whether a file found in a directory is a pipeline file by its name ({@code .yaml}, {@code
   * .yml}, {@code .json}, {@code .py}, any case): such a file that no reader recognises is an
   * error, any other one is skipped with a note.
   */
  public static boolean hasPipelineExtension(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    int dot = path.lastIndexOf('.');
    return dot > slash && PIPELINE_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Reads the file the user named.
   *
   * @param userPath the path exactly as typed; it is also the path shown in diagnostics, so it is
   *     never made absolute
   * @return the text, or no value and one error diagnostic
   */
  public static Outcome<SourceFile> read(String userPath) {
    Path path;
    try {
      path = Path.of(userPath);
    } catch (InvalidPathException e) {
      return failed(unreadable(userPath, "not a valid path"));
    }
    return read(path, userPath);
  }

  /**
   * A file named on the command line, for a command that reads one: its diagnostics go to
   * {@code found}; empty when it has errors.
   */
  static Optional<SourceFile> load(String userPath, List<Diagnostic> found) {
    Outcome<SourceFile> loaded = read(userPath);
    found.addAll(loaded.diagnostics());
    return loaded.hasErrors() ? Optional.empty() : loaded.value();
  }

  /**
   * Reads a file found by walking a directory the user named.
   *
   * @param userPath the path shown in diagnostics and reports: relative, as the user would type it
   */
  public static Outcome<SourceFile> read(Path path, String userPath) {
    if (Files.isDirectory(path)) {
      return failed(unreadable(userPath, "it is a directory").withHelp("name a pipeline file inside it"));
    }
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        return failed(tooLarge(userPath, size));
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(path)) {
        // Bounded even when the size lied (pipes, /proc files): one byte past the limit is enough.
        bytes = in.readNBytes((int) MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        return failed(tooLarge(userPath, bytes.length));
      }
      return decode(userPath, bytes);
    } catch (IOException e) {
      return failed(unreadable(userPath, reason(e)).withHelp(help(e)));
    }
  }

  /**
   * Decodes the bytes of a file as strict UTF-8. A NUL byte or an invalid sequence is an {@code
   * FM0002} error at the line and column (in characters) of the first bad byte.
   *
   * @param displayPath the path shown in diagnostics
   */
  public static Outcome<SourceFile> decode(String displayPath, byte[] bytes) {
    int start = hasBom(bytes) ? 3 : 0;
    int nul = indexOfNul(bytes, start);
    int end = nul >= 0 ? nul : bytes.length;

    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
    CharBuffer out = CharBuffer.allocate(end - start);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      int bad = in.position();
      String message = String.format(Locale.ROOT,
          "`%s` is not valid utf-8 text: byte `0x%02x` cannot appear here", displayPath, bytes[bad] & 0xff);
      return failed(notText(displayPath, out, message,
          "save the file as utf-8; flyte-migrate does not guess other encodings"));
    }
    if (nul >= 0) {
      return failed(notText(displayPath, out, "`" + displayPath + "` contains a nul byte, so it is not text",
          "flyte-migrate reads pipeline specs as yaml or json text; check that this is the right file"));
    }
    return Outcome.of(new SourceFile(displayPath, out.toString()), List.of());
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
  }

  private static int indexOfNul(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** An {@code FM0002} at the character just after {@code validPrefix}, which ends at the bad byte. */
  private static Diagnostic notText(String path, CharSequence validPrefix, String message, String help) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < validPrefix.length(); i++) {
      if (validPrefix.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return Diagnostic.of(Codes.NOT_UTF8, new Span(path, line, column, line, column + 1), message).withHelp(help);
  }

  private static Diagnostic tooLarge(String path, long size) {
    String message = String.format(Locale.ROOT,
        "`%s` is %d bytes, more than the limit of %d bytes (16 MiB)", path, size, MAX_BYTES);
    return Diagnostic.of(Codes.FILE_TOO_LARGE, Span.at(path, 1, 1), message)
        .withHelp("compiled pipeline specs are far smaller; check that this is the right file");
  }

  private static Diagnostic unreadable(String path, String reason) {
    // Line 0: the problem is the file as a whole, so the location is just the path.
    return Diagnostic.of(Codes.UNREADABLE_FILE, Span.at(path, 0, 0), "cannot read `" + path + "`: " + reason);
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    // Reasons and messages from the JDK carry no path once the file name is stripped off.
    String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
    if (reason == null || reason.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return reason.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*\\R\\s*", " ");
  }

  private static String help(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "relative paths are resolved against the current directory";
    }
    if (e instanceof AccessDeniedException) {
      return "check the file's permissions";
    }
    return "check that the file exists and is readable";
  }

  private static Outcome<SourceFile> failed(Diagnostic d) {
    return Outcome.failed(List.of(d));
  }
}
