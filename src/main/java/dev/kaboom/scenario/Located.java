package dev.kaboom.scenario;

import static dev.kaboom.scenario.ErrorText.msg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON/YAML value that remembers where it stood in its file, so that every validation error can
 * name the line and column.
 */
public sealed interface Located {
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

  /**
   * Reads a whole JSON or YAML file (YAML by a {@code .yaml}/{@code .yml} ending of {@code
   * fileName}) holding one {@code what} ("scenario", "lesson").
   *
   * @throws ScenarioException for malformed JSON or YAML, an empty file, or more than one value,
   *     with the line and column of the problem
   */
  public static Located parse(String fileName, String text, String what) {
    boolean yaml = fileName.endsWith(".yaml") || fileName.endsWith(".yml");
    JsonFactory factory = yaml ? new YAMLFactory() : new JsonFactory();
    JsonParser reading = null;
    try (JsonParser p = factory.createParser(text)) {
      reading = p;
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ScenarioException(1, 1, msg("file.empty"));
      }
      Located root = Located.read(p);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        JsonLocation l = p.currentTokenLocation();
        throw new ScenarioException(
            l.getLineNr(), l.getColumnNr(), msg("file.extra", msg("thing." + what)));
      }
      return root;
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m
          && m.getProblemMark() != null) {
        Object detail = SyntaxText.yamlProblem(m.getProblem());
        boolean context = !SyntaxText.contextSaysNothing(m.getContext());
        // point at the construct that is broken (e.g. the unclosed list), not at the end of file
        var mark = context && m.getContextMark() != null ? m.getContextMark() : m.getProblemMark();
        if (context && mark != m.getProblemMark()) {
          detail =
              msg(
                  "malformed.context",
                  detail,
                  SyntaxText.yamlContext(m.getContext()),
                  m.getProblemMark().getLine() + 1,
                  m.getProblemMark().getColumn() + 1);
        }
        throw new ScenarioException(
            mark.getLine() + 1, mark.getColumn() + 1, msg("malformed.yaml", detail));
      }
      // Jackson's limits (a number of 1,001 digits) come without a place: the parser's is it
      JsonLocation l =
          e.getLocation() != null || reading == null ? e.getLocation() : reading.currentLocation();
      throw new ScenarioException(
          l == null ? 0 : l.getLineNr(),
          l == null ? 0 : l.getColumnNr(),
          yaml
              ? msg("malformed.yaml", SyntaxText.yamlProblem(e.getOriginalMessage()))
              : msg("malformed.json", SyntaxText.json(e)));
    } catch (IOException e) {
      throw new ScenarioException(0, 0, msg("file.cannotRead", e.getMessage()));
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
      throw new ScenarioException(line, col, msg("nested.tooDeep", MAX_DEPTH));
    }
    if (t == JsonToken.START_OBJECT) {
      Map<String, Located> fields = new LinkedHashMap<>();
      Map<String, int[]> keys = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonLocation kl = p.currentTokenLocation();
        if (fields.containsKey(name)) {
          throw new ScenarioException(kl.getLineNr(), kl.getColumnNr(), msg("key.duplicate", name));
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
          default -> throw new ScenarioException(line, col, msg("token.unexpected", t));
        };
    return new Scalar(v, line, col);
  }

  // ---- checks: each names the line and column of what is wrong ----

  /** Refuses a field not in {@code allowed}, at that field's place. */
  public static void checkKeys(Located.Obj o, List<String> allowed, Object what) {
    for (Map.Entry<String, int[]> k : o.keyPositions().entrySet()) {
      if (!allowed.contains(k.getKey())) {
        throw new ScenarioException(
            k.getValue()[0],
            k.getValue()[1],
            msg("field.unknown", k.getKey(), what, String.join(", ", allowed)));
      }
    }
  }

  /** {@code at} as an object, else an error naming {@code what}. */
  public static Located.Obj obj(Located at, Object what) {
    if (at instanceof Located.Obj o) {
      return o;
    }
    throw new ScenarioException(at, msg("value.object", what, kindOf(at)));
  }

  /** {@code at} as a list, else an error naming {@code what}. */
  public static Located.Arr arr(Located at, String what) {
    if (at instanceof Located.Arr a) {
      return a;
    }
    throw new ScenarioException(at, msg("value.list", what, kindOf(at)));
  }

  /** {@code at} as a string, else an error naming {@code what}. */
  public static String string(Located at, String what) {
    if (at instanceof Located.Scalar s && s.value() instanceof String str) {
      return str;
    }
    throw new ScenarioException(at, msg("value.string", what, kindOf(at)));
  }

  /** {@code at} as true or false, else an error naming {@code what}. */
  public static boolean bool(Located at, String what) {
    if (at instanceof Located.Scalar s && s.value() instanceof Boolean b) {
      return b;
    }
    throw new ScenarioException(at, msg("value.bool", what, kindOf(at)));
  }

  /** {@code at} as a whole number of at least {@code min}, else an error naming {@code what}. */
  public static long integer(Located at, String what, long min) {
    if (at instanceof Located.Scalar s && s.value() instanceof Long n) {
      if (n < min) {
        throw new ScenarioException(at, msg("value.atLeast", what, min, n));
      }
      return n;
    }
    throw new ScenarioException(at, msg("value.whole", what, kindOf(at)));
  }

  /** What {@code at} is ("a string", "a list", ...), said in the errors' language. */
  public static ErrorText.Msg kindOf(Located at) {
    return msg(
        switch (at.kind()) {
          case "an object" -> "kind.object";
          case "a list" -> "kind.list";
          case "null" -> "kind.null";
          case "a string" -> "kind.string";
          case "a boolean" -> "kind.boolean";
          default -> "kind.number";
        });
  }
}
