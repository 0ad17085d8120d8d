package io.flytemigrate.cli;

import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Span;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The files a batch converts: every file the user named, and every file under every directory
 * they named, in path order whatever order the file system lists them in. What kind of file each
 * one is gets decided later, by content. Hidden files and directories (names starting with a dot,
 * such as {@code .git}) are passed over; symbolic links to files are followed, links to
 * directories are not (a link cycle cannot make the walk endless), with a note.
 */
final class BatchInputs {
  private BatchInputs() {}

  /**
   * One file to convert.
   *
   * @param path where to read it
   * @param display the path shown in diagnostics and reports: relative, as the user would type it
   * @param named whether the user named the file itself (not a directory holding it)
   */
  record Input(Path path, String display, boolean named) {
    Input {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(display, "display");
    }
  }

  /** The inputs, sorted by display path, and what was wrong with the arguments. */
  record Found(List<Input> inputs, List<Diagnostic> diagnostics) {
    Found {
      inputs = List.copyOf(inputs);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Finds the inputs of the arguments; {@code cwd} makes absolute arguments relative for display. */
  static Found find(List<String> args, Path cwd) {
    Map<String, Input> byDisplay = new LinkedHashMap<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (String arg : args) {
      Path path;
      try {
        path = Path.of(arg);
      } catch (InvalidPathException e) {
        diagnostics.add(Diagnostic.of(Codes.UNREADABLE_FILE, Span.at(arg, 0, 0), "cannot read `" + arg + "`: not a valid path"));
        continue;
      }
      if (Files.isDirectory(path)) {
        walk(path, display(arg, path, cwd), byDisplay, diagnostics);
      } else if (Files.exists(path)) {
        String shown = display(arg, path, cwd);
        byDisplay.putIfAbsent(shown, new Input(path, shown, true));
      } else {
        diagnostics.add(Diagnostic.of(Codes.UNREADABLE_FILE, Span.at(arg, 0, 0), "cannot read `" + arg + "`: no such file or directory")
            .withHelp("check the path; directories are searched for pipeline files"));
      }
    }
    List<Input> sorted = new ArrayList<>(byDisplay.values());
    sorted.sort(Comparator.comparing(Input::display));
    return new Found(sorted, diagnostics);
  }

  private static void walk(Path named, String shownRoot, Map<String, Input> into, List<Diagnostic> diagnostics) {
    Path root = named;
    try {
      // A directory named through a link is searched: only links met inside the walk are not followed.
      root = Files.isSymbolicLink(named) ? named.toRealPath() : named;
    } catch (IOException e) {
      diagnostics.add(Diagnostic.of(Codes.UNREADABLE_FILE, Span.at(shownRoot, 0, 0), "cannot read `" + shownRoot + "`"));
      return;
    }
    walkFrom(root, shownRoot, into, diagnostics);
  }

  private static void walkFrom(Path root, String shownRoot, Map<String, Input> into, List<Diagnostic> diagnostics) {
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (hidden(file)) {
            return FileVisitResult.CONTINUE;
          }
          String shown = join(shownRoot, root.relativize(file));
          if (attrs.isSymbolicLink() && Files.isDirectory(file)) {
            diagnostics.add(Diagnostic.of(Codes.INPUT_SKIPPED, Span.at(shown, 0, 0),
                    "`" + shown + "` is a link to a directory, which is not followed")
                .withHelp("name the directory it points to as an input of its own to convert it"));
          } else if (attrs.isRegularFile() || Files.isRegularFile(file)) {
            into.putIfAbsent(shown, new Input(file, shown, false));
          } else if (attrs.isSymbolicLink()) {
            diagnostics.add(Diagnostic.of(Codes.INPUT_SKIPPED, Span.at(shown, 0, 0),
                "`" + shown + "` is a link to nothing that can be read"));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          String shown = join(shownRoot, root.relativize(file));
          diagnostics.add(Diagnostic.of(Codes.UNREADABLE_FILE, Span.at(shown, 0, 0), "cannot read `" + shown + "`: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : "access denied or gone")));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      diagnostics.add(Diagnostic.of(Codes.UNREADABLE_FILE, Span.at(shownRoot, 0, 0), "cannot list `" + shownRoot + "`"));
    }
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".") && !name.toString().equals(".")
        && !name.toString().equals("..");
  }

  /**
   * The path as shown: as typed when relative; an absolute path under {@code cwd} relative to it;
   * any other absolute path by its last name only, so no output names a machine's directories.
   */
  static String display(String typed, Path path, Path cwd) {
    if (!path.isAbsolute()) {
      return slashes(path.normalize().toString().isEmpty() ? "." : path.normalize().toString());
    }
    Path abs = path.normalize();
    Path base = cwd.toAbsolutePath().normalize();
    if (abs.startsWith(base) && !abs.equals(base)) {
      return slashes(base.relativize(abs).toString());
    }
    Path name = abs.getFileName();
    return name == null ? "input" : slashes(name.toString());
  }

  private static String join(String root, Path relative) {
    String rel = slashes(relative.toString());
    return root.equals(".") ? rel : root + "/" + rel;
  }

  private static String slashes(String p) {
    return p.replace('\\', '/');
  }
}
