package io.flytemigrate.flyteproto.verify;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.WireFormat;
import flyteidl.core.Workflow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads {@code Node.array_node} (field 10 of the current IDL, unknown to flyteidl 0.4.35) from a
 * node's unknown fields: {@code ArrayNode{node 1, parallelism 2, min_successes 3,
 * min_success_ratio 4, ..., bound_inputs 8}}.
 */
final class ArrayNodeField {
  static final int FIELD = 10;

  /** The parts of an array node the checks use. */
  record ArrayNode(Workflow.Node subNode, OptionalInt parallelism, Optional<Float> minSuccessRatio, List<String> boundInputs) {}

  private ArrayNodeField() {}

  /** The node's array node, if it has one; a malformed one is reported as absent with a reason. */
  static Optional<ArrayNode> of(Workflow.Node node) {
    UnknownFieldSet.Field f = node.getUnknownFields().getField(FIELD);
    if (f == null || f.getLengthDelimitedList().isEmpty()) {
      return Optional.empty();
    }
    ByteString bytes = f.getLengthDelimitedList().get(f.getLengthDelimitedList().size() - 1);
    try {
      CodedInputStream in = bytes.newCodedInput();
      Workflow.Node sub = null;
      OptionalInt parallelism = OptionalInt.empty();
      Optional<Float> ratio = Optional.empty();
      List<String> bound = new ArrayList<>();
      while (true) {
        int tag = in.readTag();
        if (tag == 0) {
          break;
        }
        switch (WireFormat.getTagFieldNumber(tag)) {
          case 1 -> sub = Workflow.Node.parseFrom(in.readBytes());
          case 2 -> parallelism = OptionalInt.of(in.readUInt32());
          case 4 -> ratio = Optional.of(in.readFloat());
          case 8 -> bound.add(in.readString());
          default -> in.skipField(tag);
        }
      }
      return sub == null ? Optional.empty() : Optional.of(new ArrayNode(sub, parallelism, ratio, bound));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether the node carries field 10 at all (so a malformed one can be told from none). */
  static boolean present(Workflow.Node node) {
    return node.getUnknownFields().hasField(FIELD);
  }
}
