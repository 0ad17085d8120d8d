package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LoopsIterateOverListsTest {
  private final Check check = new LoopsIterateOverLists();

  /** A loop over the pipeline parameter {@code xs}, declared as {@code %s} in both places. */
  private static String loopOver(String type) {
    return """
        components:
          comp-echo:
            executorLabel: exec-echo
            inputDefinitions:
              parameters:
                text:
                  parameterType: STRING
          comp-for-loop-1:
            dag:
              tasks:
                echo:
                  componentRef:
                    name: comp-echo
                  inputs:
                    parameters:
                      text:
                        componentInputParameter: pipelinechannel--xs-loop-item
            inputDefinitions:
              parameters:
                pipelinechannel--xs:
                  parameterType: %1$s
                pipelinechannel--xs-loop-item:
                  parameterType: STRING
        root:
          dag:
            tasks:
              for-loop-1:
                componentRef:
                  name: comp-for-loop-1
                inputs:
                  parameters:
                    pipelinechannel--xs:
                      componentInputParameter: xs
                parameterIterator:
                  itemInput: pipelinechannel--xs-loop-item
                  items:
                    inputParameter: pipelinechannel--xs
          inputDefinitions:
            parameters:
              xs:
                parameterType: %1$s
        """.formatted(type);
  }

  @Test
  void aLoopOverAListParameterIsFine() {
    assertEquals("", Kfp.findings(check, loopOver("LIST")));
  }

  @Test
  void aLoopOverAStringIsAnError() {
    assertEquals("27:7 error loop `for-loop-1` iterates over `pipelinechannel--xs`, which is a `str`, not a list\n",
        Kfp.findings(check, loopOver("STRING")));
  }

  @Test
  void artifactLoopsNeedArtifactsAndParameterLoopsParameters() {
    Component make = Ir.container("comp-make", List.of(),
        List.of(Ir.port("names", Ir.list(Ir.STR), 2), Ir.port("models", Ir.list(Ir.artifact(IrType.ArtifactKind.MODEL)), 3)), 1);
    Node.LoopNode overNames = new Node.LoopNode("for-loop-1", "l", List.of(Ir.bind("xs", Ir.output("make", "names"), 21)),
        List.of(), new LoopItems.FromInput("xs", true), "x", OptionalInt.empty(), Ir.graph(), Ir.at(20));
    Node.LoopNode overModels = new Node.LoopNode("for-loop-2", "l", List.of(Ir.bind("ms", Ir.output("make", "models"), 31)),
        List.of(), new LoopItems.FromInput("ms", false), "m", OptionalInt.empty(), Ir.graph(), Ir.at(30));
    Pipeline p = Ir.pipeline(List.of(make), Ir.graph(Ir.task("make", "comp-make", 10), overNames, overModels));
    assertEquals("""
        20:1 error loop `for-loop-1` iterates over artifacts, but `xs` is a `list[str]`
        30:1 error loop `for-loop-2` iterates over parameters, but `ms` is a `list[system.Model]`
        """, Kfp.findings(check, p));
  }

  @Test
  void aListOfUnknownElementsOrAnUnknownValueIsNotReported() {
    Node.LoopNode loop = new Node.LoopNode("for-loop-1", "l", List.of(Ir.bind("xs", Ir.input("any"), 21)), List.of(),
        new LoopItems.FromInput("xs", true), "x", OptionalInt.empty(), Ir.graph(), Ir.at(20));
    Pipeline p = Ir.pipeline(List.of(), Ir.graph(Ir.iface(List.of(Ir.port("any", new IrType.Any(), 2)), List.of()),
        List.of(loop), List.of()));
    assertEquals("", Kfp.findings(check, p));
  }
}
