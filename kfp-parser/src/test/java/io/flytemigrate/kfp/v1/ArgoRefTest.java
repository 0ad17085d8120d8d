package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.kfp.v1.ArgoRef.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgoRefTest {
  private static String show(String inner) {
    ArgoRef r = ArgoRef.parse(inner);
    return r.kind() + " " + r.scope() + "|" + r.name() + "|" + r.field();
  }

  @Test
  void classifiesEveryKindOfExpression() {
    assertEquals("INPUT_PARAMETER |x|", show("inputs.parameters.x"));
    assertEquals("INPUT_ARTIFACT |data|path", show("inputs.artifacts.data.path"));
    assertEquals("OUTPUT_PARAMETER |out|path", show("outputs.parameters.out.path"));
    assertEquals("OUTPUT_ARTIFACT |model|path", show("outputs.artifacts.model.path"));
    assertEquals("TASK_PARAMETER flip|flip-output|", show("tasks.flip.outputs.parameters.flip-output"));
    assertEquals("TASK_ARTIFACT gen|data|", show("steps.gen.outputs.artifacts.data"));
    assertEquals("TASK_OTHER flip|outputs.result|", show("tasks.flip.outputs.result"));
    assertEquals("ITEM |item|", show("item"));
    assertEquals("ITEM |item|a.b", show("item.a.b"));
    assertEquals("WORKFLOW_PARAMETER |names|", show(" workflow.parameters.names "));
    assertEquals("RUNTIME |workflow.name|", show("workflow.name"));
    assertEquals("RUNTIME |pod.name|", show("pod.name"));
    assertEquals("KFP_V2 |$.inputs.parameters['x']|", show("$.inputs.parameters['x']"));
    assertEquals("EXPRESSION |asInt(x)|", show("=asInt(x)"));
    assertEquals("UNKNOWN |something.else|", show("something.else"));
  }

  @Test
  void keepsTheExpressionAsWritten() {
    assertEquals("{{ inputs.parameters.x }}", ArgoRef.parse(" inputs.parameters.x ").raw());
  }

  @Test
  void splitsTextIntoPiecesInOrder() {
    List<ArgoText.Piece> pieces = ArgoText.split("echo {{inputs.parameters.a}}-{{item}} {{unclosed");
    assertEquals(5, pieces.size());
    assertEquals(new ArgoText.Text("echo "), pieces.get(0));
    assertEquals(Kind.INPUT_PARAMETER, ((ArgoText.Ref) pieces.get(1)).ref().kind());
    assertEquals(new ArgoText.Text("-"), pieces.get(2));
    assertEquals(Kind.ITEM, ((ArgoText.Ref) pieces.get(3)).ref().kind());
    assertEquals(new ArgoText.Text(" {{unclosed"), pieces.get(4));
    assertEquals(List.of(new ArgoText.Text("plain {{ text")), ArgoText.split("plain {{ text"));
    assertEquals(Kind.TASK_PARAMETER, ArgoText.single(" {{tasks.t.outputs.parameters.p}} ").orElseThrow().kind());
    assertEquals(java.util.Optional.empty(), ArgoText.single("a {{item}}"));
  }
}
