package io.flytemigrate.flyteproto.verify;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.TaskOuterClass;
import flyteidl.admin.WorkflowOuterClass;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a package holds, read as {@code flytectl register files --archive} reads it: gunzip,
 * untar, and every {@code <i>_<name>_<1|2|3>.pb} parsed as the message its suffix names ({@code
 * admin.TaskSpec}, {@code admin.WorkflowSpec}, {@code admin.LaunchPlan}). Unreadable bytes are
 * {@code FM5500}; file names flytectl would reject are {@code FM5501}.
 */
final class PackageContents {
  static final Pattern PB = Pattern.compile("^(\\d+)_(.+)_([123])\\.pb$");
  static final Pattern FAST = Pattern.compile("^fast([0-9a-f]{32})\\.tar\\.gz$");

  final List<ParsedEntity> entities = new ArrayList<>();
  /** Every {@code .pb} file name in archive order, also those that do not parse. */
  final List<String> pbFiles = new ArrayList<>();
  final List<TarEntries.Entry> members = new ArrayList<>();
  Optional<TarEntries.Entry> fastTarball = Optional.empty();
  boolean readable;

  private PackageContents() {}

  static PackageContents read(String packageName, byte[] bytes, DiagnosticSink sink) {
    PackageContents c = new PackageContents();
    Span at = Span.at(packageName, 0, 0);
    TarEntries.Result tar = TarEntries.readGzipped(bytes);
    if (tar.problem().isPresent()) {
      sink.report(Codes.VERIFY_UNREADABLE_PACKAGE, at, "cannot read package `" + packageName + "`: " + tar.problem().get(),
          "write the package again with `flyte-migrate convert`");
      if (tar.entries().isEmpty()) {
        return c;
      }
    }
    c.readable = true;
    for (TarEntries.Entry e : tar.entries()) {
      c.members.add(e);
      if (!e.isFile()) {
        sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "package member `" + e.name() + "` is not a regular file",
            "pyflyte packages hold files only, all at the archive root");
        continue;
      }
      String base = e.name();
      if (base.contains("/")) {
        sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "package member `" + e.name() + "` is not at the archive root",
            "pyflyte adds every file with its bare name as the archive name");
      }
      base = base.substring(base.lastIndexOf('/') + 1);
      Matcher pb = PB.matcher(base);
      if (pb.matches()) {
        c.pbFiles.add(base);
        int kind = Integer.parseInt(pb.group(3));
        Optional<Message> m = parse(kind, e.content());
        if (m.isEmpty()) {
          sink.report(Codes.VERIFY_UNREADABLE_PACKAGE, at, "package file `" + base + "` is not a valid `"
              + typeName(kind) + "` message", "its suffix `_" + kind + ".pb` says which message it must hold");
          continue;
        }
        c.entities.add(new ParsedEntity(base, c.pbFiles.size() - 1, pb.group(1), pb.group(2), kind, e.content(), m.get()));
      } else if (base.startsWith("fast") && base.endsWith(".tar.gz")) {
        if (c.fastTarball.isPresent()) {
          sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "package `" + packageName + "` holds more than one fast tarball",
              "flytectl uploads only the last one, so tasks may run other code than intended");
        }
        c.fastTarball = Optional.of(e);
      } else {
        sink.report(Codes.VERIFY_PACKAGE_LAYOUT, at, "package member `" + base + "` is neither a `.pb` entity nor a fast tarball",
            "flytectl aborts on it with \"input package have some invalid files\"");
      }
    }
    return c;
  }

  static String typeName(int kind) {
    return switch (kind) {
      case 1 -> "flyteidl.admin.TaskSpec";
      case 2 -> "flyteidl.admin.WorkflowSpec";
      default -> "flyteidl.admin.LaunchPlan";
    };
  }

  private static Optional<Message> parse(int kind, byte[] bytes) {
    try {
      return Optional.of(switch (kind) {
        case 1 -> TaskOuterClass.TaskSpec.parseFrom(bytes);
        case 2 -> WorkflowOuterClass.WorkflowSpec.parseFrom(bytes);
        default -> LaunchPlanOuterClass.LaunchPlan.parseFrom(bytes);
      });
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }
}
