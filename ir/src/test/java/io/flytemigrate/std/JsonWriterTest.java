package io.flytemigrate.std;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void nestedObjectsAndArrays() {
    String json =
        new JsonWriter()
            .beginObject()
            .name("name").string("echo")
            .name("tasks").beginArray()
            .beginObject().name("id").string("a").name("retries").number(3).endObject()
            .beginObject().name("id").string("b").name("after").beginArray().string("a").endArray().endObject()
            .endArray()
            .name("cache").bool(true)
            .name("parent").nul()
            .endObject()
            .toJson();
    assertEquals(
        """
        {
          "name": "echo",
          "tasks": [
            {
              "id": "a",
              "retries": 3
            },
            {
              "id": "b",
              "after": [
                "a"
              ]
            }
          ],
          "cache": true,
          "parent": null
        }
        """,
        json);
  }

  @Test
  void emptyObjectAndArray() {
    assertEquals("{}\n", new JsonWriter().beginObject().endObject().toJson());
    assertEquals("[]\n", new JsonWriter().beginArray().endArray().toJson());
    String json =
        new JsonWriter()
            .beginObject()
            .name("o").beginObject().endObject()
            .name("a").beginArray().endArray()
            .endObject()
            .toJson();
    assertEquals("{\n  \"o\": {},\n  \"a\": []\n}\n", json);
  }

  @Test
  void emptyContainersInsideArray() {
    String json = new JsonWriter().beginArray().beginArray().endArray().beginObject().endObject().endArray().toJson();
    assertEquals("[\n  [],\n  {}\n]\n", json);
  }

  @Test
  void topLevelScalars() {
    assertEquals("\"x\"\n", new JsonWriter().string("x").toJson());
    assertEquals("-7\n", new JsonWriter().number(-7).toJson());
    assertEquals("false\n", new JsonWriter().bool(false).toJson());
    assertEquals("null\n", new JsonWriter().string(null).toJson());
  }

  @Test
  void escapesQuotesBackslashAndControlCharacters() {
    String json = new JsonWriter().string("say \"hi\" C:\\tmp\n\r\t\b\f\u0001\u001f end").toJson();
    assertEquals("\"say \\\"hi\\\" C:\\\\tmp\\n\\r\\t\\b\\f\\u0001\\u001f end\"\n", json);
  }

  @Test
  void escapesLineAndParagraphSeparatorsButNotOtherUnicode() {
    String json = new JsonWriter().string("a\u2028b\u2029c é ✓").toJson();
    assertEquals("\"a\\u2028b\\u2029c é ✓\"\n", json);
  }

  @Test
  void escapesKeysLikeStrings() {
    String json = new JsonWriter().beginObject().name("a\"b\\c\n").number(1).endObject().toJson();
    assertEquals("{\n  \"a\\\"b\\\\c\\n\": 1\n}\n", json);
  }

  @Test
  void doubles() {
    String json =
        new JsonWriter()
            .beginArray()
            .number(1.0)
            .number(0.5)
            .number(-2.0)
            .number(1e20)
            .number(Double.NaN)
            .number(Double.POSITIVE_INFINITY)
            .endArray()
            .toJson();
    assertEquals("[\n  1.0,\n  0.5,\n  -2.0,\n  1.0E20,\n  \"NaN\",\n  \"Infinity\"\n]\n", json);
  }

  @Test
  void longsStayIntegral() {
    assertEquals("9007199254740993\n", new JsonWriter().number(9007199254740993L).toJson());
  }
}
