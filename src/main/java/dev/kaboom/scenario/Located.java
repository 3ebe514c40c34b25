package dev.kaboom.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON/YAML value that remembers where it stood in its file, so that every validation error can
 * name the line and column.
 */
sealed interface Located {
  int line();

  int column();

  /** What the value is, for messages ("a string", "an object"...). */
  String kind();

  record Obj(Map<String, Located> fields, Map<String, int[]> keyPositions, int line, int column)
      implements Located {
    @Override
    public String kind() {
      return "an object";
    }
  }

  record Arr(List<Located> items, int line, int column) implements Located {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A string, number (Long or Double), boolean, or null. */
  record Scalar(Object value, int line, int column) implements Located {
    @Override
    public String kind() {
      if (value == null) {
        return "null";
      }
      if (value instanceof String) {
        return "a string";
      }
      if (value instanceof Boolean) {
        return "a boolean";
      }
      return "a number";
    }
  }

  /** Reads one value from {@code p}, whose current token is the value's first token. */
  /** Deeper lists and maps than this are refused (a real tree is a few levels deep). */
  static final int MAX_DEPTH = 100;

  static Located read(JsonParser p) throws IOException {
    return read(p, 0);
  }

  private static Located read(JsonParser p, int depth) throws IOException {
    JsonToken t = p.currentToken();
    JsonLocation loc = p.currentTokenLocation();
    int line = loc.getLineNr();
    int col = loc.getColumnNr();
    if (depth > MAX_DEPTH) {
      throw new ScenarioException(
          line, col, "lists and maps nested more than " + MAX_DEPTH + " levels deep");
    }
    if (t == JsonToken.START_OBJECT) {
      Map<String, Located> fields = new LinkedHashMap<>();
      Map<String, int[]> keys = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonLocation kl = p.currentTokenLocation();
        if (fields.containsKey(name)) {
          throw new ScenarioException(
              kl.getLineNr(), kl.getColumnNr(), "duplicate key '" + name + "'");
        }
        keys.put(name, new int[] {kl.getLineNr(), kl.getColumnNr()});
        p.nextToken();
        fields.put(name, read(p, depth + 1));
      }
      return new Obj(fields, keys, line, col);
    }
    if (t == JsonToken.START_ARRAY) {
      List<Located> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(p, depth + 1));
      }
      return new Arr(items, line, col);
    }
    Object v =
        switch (t) {
          case VALUE_STRING -> p.getText();
          case VALUE_NUMBER_INT -> p.getLongValue();
          case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
          case VALUE_TRUE -> Boolean.TRUE;
          case VALUE_FALSE -> Boolean.FALSE;
          case VALUE_NULL -> null;
          default -> throw new ScenarioException(line, col, "unexpected " + t);
        };
    return new Scalar(v, line, col);
  }
}
