package io.flytemigrate.kfp.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.kfp.v2.PythonCommand.Recognised;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PythonCommandTest {

  /** The pip script of essential/component_with_pip_install.yaml, exactly as YAML reads it. */
  private static final String PIP_SCRIPT =
      "\nif ! [ -x \"$(command -v pip)\" ]; then\n    python3 -m ensurepip || python3 -m ensurepip --user || apt-get install python3-pip\nfi\n\n"
          + "PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --quiet --no-warn-script-location --index-url https://pypi.org/simple"
          + " --trusted-host https://pypi.org/simple 'yapf'  &&  python3 -m pip install --quiet --no-warn-script-location"
          + " --index-url https://pypi.org/simple --trusted-host https://pypi.org/simple 'kfp==2.14.3' '--no-deps'"
          + " 'typing-extensions>=3.7.4,<5; python_version<\"3.9\"' && \"$0\" \"$@\"\n";

  private static final String RUNNER =
      "program_path=$(mktemp -d)\n\nprintf \"%s\" \"$0\" > \"$program_path/ephemeral_component.py\"\n"
          + "_KFP_RUNTIME=true python3 -m kfp.dsl.executor_main                         --component_module_path"
          + "                         \"$program_path/ephemeral_component.py\"                         \"$@\"\n";

  private static final String PROGRAM =
      "\nimport kfp\nfrom kfp import dsl\nfrom kfp.dsl import *\nfrom typing import *\n\n"
          + "def component_with_pip_install():\n    import yapf\n    print(dir(yapf))\n\n";

  private static final List<String> ARGS =
      List.of("--executor_input", "{{$}}", "--function_to_execute", "component_with_pip_install");

  private static void check(List<String> command, List<String> args, Optional<Recognised> expected) {
    assertEquals(expected, PythonCommand.recognise(command, args));
  }

  @Test
  void theEmbeddedSourceShapeOfTheSdk() {
    check(List.of("sh", "-c", PIP_SCRIPT, "sh", "-ec", RUNNER, PROGRAM), ARGS,
        Optional.of(new Recognised(
            "component_with_pip_install",
            Optional.of(PROGRAM),
            6,
            List.of("yapf"),
            List.of("kfp==2.14.3", "typing-extensions>=3.7.4,<5; python_version<\"3.9\""),
            List.of("https://pypi.org/simple"))));
  }

  @Test
  void theContainerizedShapeHasNoSource() {
    check(List.of("python3", "-m", "kfp.dsl.executor_main"), List.of("--executor_input", "{{$}}", "--function_to_execute", "concat_message"),
        Optional.of(new Recognised("concat_message", Optional.empty(), -1, List.of(), List.of(), List.of())));
  }

  @Test
  void withoutTheFunctionArgumentItIsNotPython() {
    check(List.of("sh", "-c", PIP_SCRIPT, "sh", "-ec", RUNNER, PROGRAM), List.of("--executor_input", "{{$}}"), Optional.empty());
  }

  @Test
  void anOrdinaryContainerIsNotPython() {
    check(List.of("echo", "hello"), List.of(), Optional.empty());
    check(List.of("python3", "train.py"), List.of("--function_to_execute", "main"), Optional.empty());
    check(List.of(), List.of(), Optional.empty());
  }

  @Test
  void theLastFunctionArgumentWins() {
    Optional<Recognised> r = PythonCommand.recognise(List.of("python3", "-m", "kfp.dsl.executor_main"),
        List.of("--function_to_execute", "a", "--function_to_execute", "b"));
    assertEquals("b", r.orElseThrow().functionName());
  }

  @Test
  void pipInstallsSortUserAndRuntimePackagesAndIndexes() {
    List<String> packages = new java.util.ArrayList<>();
    List<String> runtime = new java.util.ArrayList<>();
    LinkedHashSet<String> indexes = new LinkedHashSet<>();
    PythonCommand.pipInstalls(
        "python3 -m pip install -i https://a.example/simple --extra-index-url https://b.example/simple 'pandas==2.0' numpy\n"
            + "python3 -m pip install --quiet -r requirements.txt 'kfp[kubernetes]>=2' && \"$0\" \"$@\"",
        packages, runtime, indexes);
    assertEquals(List.of("pandas==2.0", "numpy"), packages);
    assertEquals(List.of("kfp[kubernetes]>=2"), runtime);
    assertEquals(List.of("https://a.example/simple", "https://b.example/simple"), List.copyOf(indexes));
  }

  // ---- ShellWords -------------------------------------------------------------------------------

  private static void words(String script, List<List<String>> expected) {
    assertEquals(expected, ShellWords.commands(script), script);
  }

  @Test
  void shellWordsSplitsAtBlanks() {
    words("echo  a\tb", List.of(List.of("echo", "a", "b")));
    words("", List.of());
    words("   \n\n", List.of());
  }

  @Test
  void shellWordsHonoursQuotes() {
    words("echo 'a b' \"c \\\"d\\\"\" e\\ f", List.of(List.of("echo", "a b", "c \"d\"", "e f")));
    words("echo '' x", List.of(List.of("echo", "", "x")));
    words("echo 'it''s'", List.of(List.of("echo", "its")));
    words("echo \"$(command -v pip)\"", List.of(List.of("echo", "$(command -v pip)")));
    words("echo 'a;b && c'", List.of(List.of("echo", "a;b && c")));
  }

  @Test
  void shellWordsSeparatesCommands() {
    words("a 1; b 2 && c 3 || d 4 | e 5\nf 6",
        List.of(List.of("a", "1"), List.of("b", "2"), List.of("c", "3"), List.of("d", "4"), List.of("e", "5"), List.of("f", "6")));
  }

  @Test
  void shellWordsJoinsContinuedLinesAndSkipsComments() {
    words("pip install \\\n  yapf # a comment\nnext", List.of(List.of("pip", "install", "yapf"), List.of("next")));
    words("echo a#b", List.of(List.of("echo", "a#b")));
  }

  @Test
  void shellWordsOfTheSdkPipScript() {
    List<List<String>> commands = ShellWords.commands(PIP_SCRIPT);
    assertEquals(
        List.of("PIP_DISABLE_PIP_VERSION_CHECK=1", "python3", "-m", "pip", "install", "--quiet", "--no-warn-script-location",
            "--index-url", "https://pypi.org/simple", "--trusted-host", "https://pypi.org/simple", "yapf"),
        commands.stream().filter(c -> c.contains("yapf")).findFirst().orElseThrow());
    assertEquals(
        List.of("python3", "-m", "pip", "install", "--quiet", "--no-warn-script-location", "--index-url", "https://pypi.org/simple",
            "--trusted-host", "https://pypi.org/simple", "kfp==2.14.3", "--no-deps", "typing-extensions>=3.7.4,<5; python_version<\"3.9\""),
        commands.stream().filter(c -> c.contains("kfp==2.14.3")).findFirst().orElseThrow());
  }
}
