package io.flytemigrate.kfp.v2;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Recognises the command line the KFP SDK writes for lightweight Python components and recovers,
 * without running anything, the function's name, its program text and the packages it installs.
 *
 * <p>The shape, from the SDK: {@code sh -c <pip install script> sh -ec <runner> <program>}, where
 * the runner calls {@code kfp.dsl.executor_main} on {@code "$0"}, the program; args carry {@code
 * --function_to_execute NAME}. Containerized components run {@code python3 -m
 * kfp.dsl.executor_main} from an image and do not embed the program.
 */
public final class PythonCommand {
  private static final String EXECUTOR = "kfp.dsl.executor_main";

  /**
   * What was recovered.
   *
   * @param sourceIndex index in the command of the program text, or -1 when not embedded
   */
  public record Recognised(
      String functionName,
      Optional<String> source,
      int sourceIndex,
      List<String> packages,
      List<String> runtimePackages,
      List<String> indexUrls) {}

  private PythonCommand() {}

  /** The component's Python details, if command and args have the SDK's shape. */
  public static Optional<Recognised> recognise(List<String> command, List<String> args) {
    int runner = -1;
    for (int i = 0; i < command.size(); i++) {
      if (command.get(i).contains(EXECUTOR)) {
        runner = i;
        break;
      }
    }
    if (runner < 0) {
      return Optional.empty();
    }
    Optional<String> function = Optional.empty();
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("--function_to_execute")) {
        function = Optional.of(args.get(i + 1));
      }
    }
    if (function.isEmpty()) {
      return Optional.empty();
    }
    boolean embedded = command.get(runner).contains("\"$0\"") && runner + 1 < command.size();
    Optional<String> source = embedded ? Optional.of(command.get(runner + 1)) : Optional.empty();
    List<String> packages = new ArrayList<>();
    List<String> runtime = new ArrayList<>();
    LinkedHashSet<String> indexes = new LinkedHashSet<>();
    for (int i = 0; i < runner; i++) {
      if (command.get(i).contains("pip install")) {
        pipInstalls(command.get(i), packages, runtime, indexes);
      }
    }
    return Optional.of(new Recognised(function.get(), source, embedded ? runner + 1 : -1, packages, runtime, List.copyOf(indexes)));
  }

  /** Collects the packages of every {@code pip install} in a shell script. */
  static void pipInstalls(String script, List<String> packages, List<String> runtime, LinkedHashSet<String> indexes) {
    for (List<String> cmd : ShellWords.commands(script)) {
      int install = -1;
      for (int i = 0; i + 1 < cmd.size(); i++) {
        if (cmd.get(i).equals("pip") && cmd.get(i + 1).equals("install")) {
          install = i + 2;
          break;
        }
      }
      if (install < 0) {
        continue;
      }
      List<String> found = new ArrayList<>();
      for (int i = install; i < cmd.size(); i++) {
        String w = cmd.get(i);
        if (w.equals("--index-url") || w.equals("-i") || w.equals("--extra-index-url")) {
          if (i + 1 < cmd.size()) {
            indexes.add(cmd.get(++i));
          }
        } else if (w.equals("--trusted-host") || w.equals("-c") || w.equals("-r") || w.equals("--target")) {
          i++;
        } else if (!w.startsWith("-")) {
          found.add(w);
        }
      }
      boolean isRuntime = found.stream().anyMatch(p -> p.equals("kfp") || p.startsWith("kfp==") || p.startsWith("kfp>") || p.startsWith("kfp<") || p.startsWith("kfp["));
      (isRuntime ? runtime : packages).addAll(found);
    }
  }
}
