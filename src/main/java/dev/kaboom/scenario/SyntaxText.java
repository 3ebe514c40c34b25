package dev.kaboom.scenario;

import static dev.kaboom.scenario.ErrorText.msg;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON or YAML syntax error in the errors bundle's words (English and Korean), from the parser's
 * exception: Jackson's and SnakeYAML's own messages are English only, so each kind of problem they
 * report is recognised by its wording (Jackson 2.18, SnakeYAML 2.x) and said by a key of {@code
 * dev/kaboom/scenario/errors*.properties}, with the character, word or place it names as arguments.
 * A wording not recognised keeps the parser's text as the argument of {@code json.other} or {@code
 * yaml.other}.
 */
public final class SyntaxText {
  private SyntaxText() {}

  // Jackson names a character as ('x' (code 120)) or as (CTRL-CHAR, code 10)
  private static final Pattern CHAR =
      Pattern.compile(
          "^Unexpected character \\((?:'(.)' \\(code (\\d+)\\)|CTRL-CHAR, code (\\d+))\\)");
  private static final Pattern TOKEN =
      Pattern.compile("^(?:Unrecognized|Non-standard) token '(.*?)'");
  private static final Pattern CLOSE =
      Pattern.compile("^Unexpected close marker '(.)': expected '(.)' \\(for (Object|Array|root)");
  private static final Pattern CONTROL = Pattern.compile("CTRL-CHAR, code (\\d+)");
  private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape '(.)'");
  private static final Pattern RANGE = Pattern.compile("^Numeric value \\((.*?)\\) out of range");
  // Jackson's StreamReadConstraints: a number, string or name too long, lists nested too deep
  private static final Pattern LIMIT =
      Pattern.compile(
          "^(Number value length|String value length|Name length|Document nesting depth)"
              + " \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

  /**
   * What is wrong in a JSON text, for {@code malformed.json}; Jackson's "(start marker at ...)" is
   * said as {@code malformed.opened}, the line and column of the bracket that is not closed.
   */
  public static ErrorText.Msg json(JsonProcessingException e) {
    String text = e.getOriginalMessage();
    int cut = text.indexOf('\n');
    if (cut > 0) {
      text = text.substring(0, cut);
    }
    Matcher start =
        Pattern.compile(
                "\\s*\\((?:start marker|for \\w+ starting) at .*line: (\\d+), column: (\\d+)\\]\\)")
            .matcher(text);
    ErrorText.Msg what = jsonProblem(text);
    if (start.find()) {
      return msg("malformed.opened", what, start.group(1), start.group(2));
    }
    return what;
  }

  private static ErrorText.Msg jsonProblem(String text) {
    Matcher m = CLOSE.matcher(text);
    if (m.find()) {
      return m.group(3).equals("root")
          ? msg("json.closeNothing", m.group(1))
          : msg(
              "json.closeMismatch",
              m.group(1),
              m.group(2),
              msg(m.group(3).equals("Object") ? "json.object" : "json.array"));
    }
    if (text.startsWith("Unexpected end-of-input")) {
      if (text.contains("close marker for Object")) {
        return msg("json.endOpen", msg("json.object"));
      } else if (text.contains("close marker for Array")) {
        return msg("json.endOpen", msg("json.array"));
      } else if (text.contains("string") || text.contains("VALUE_STRING")) {
        return msg("json.endString");
      } else if (text.contains("field name")) {
        return msg("json.endFieldName");
      }
      return msg("json.end");
    }
    m = TOKEN.matcher(text);
    if (m.find()) {
      return msg("json.word", abbreviate(m.group(1)));
    }
    m = ESCAPE.matcher(text);
    if (m.find()) {
      return msg("json.escape", m.group(1));
    }
    if (text.contains("hex-digit for character escape")) {
      return msg("json.hexEscape");
    }
    m = RANGE.matcher(text);
    if (m.find()) {
      return msg("json.numberRange", abbreviate(m.group(1)));
    }
    m = LIMIT.matcher(text);
    if (m.find()) {
      String key =
          switch (m.group(1)) {
            case "Number value length" -> "json.numberLength";
            case "String value length" -> "json.stringLength";
            case "Name length" -> "json.nameLength";
            default -> "json.depth";
          };
      return msg(key, m.group(2), m.group(3));
    }
    if (text.startsWith("Invalid numeric value: Leading zeroes")) {
      return msg("json.leadingZero");
    }
    if (text.startsWith("Illegal unquoted character")) {
      return msg("json.controlInString", control(text));
    }
    if (text.startsWith("Illegal character") && text.contains("CTRL-CHAR")) {
      return msg("json.controlBetween", control(text));
    }
    m = CHAR.matcher(text);
    if (m.find()) {
      // a character one cannot see (a no-break space, a zero-width space) is named by its code
      String ch =
          m.group(1) != null && visible(m.group(1).codePointAt(0))
              ? "'" + m.group(1) + "'"
              : codePoint(m.group(1) != null ? m.group(2) : m.group(3));
      String rest = text.substring(m.end());
      if (rest.startsWith(" in numeric value")) {
        return msg("json.number", ch);
      } else if (rest.contains("double-quote to start field name")) {
        return msg("json.expectedFieldName", ch);
      } else if (rest.contains("colon to separate")) {
        return msg("json.expectedColon", ch);
      } else if (rest.contains("separate Object entries")) {
        return msg("json.expectedCommaObject", ch);
      } else if (rest.contains("separate Array entries")) {
        return msg("json.expectedCommaArray", ch);
      } else if (rest.contains("comment")) {
        return msg("json.comment", ch);
      } else if (rest.contains("expected a valid value")) {
        return msg("json.expectedValue", ch);
      }
      return msg("json.unexpected", ch);
    }
    return msg("json.other", text);
  }

  private static String control(String text) {
    Matcher m = CONTROL.matcher(text);
    return m.find() ? codePoint(m.group(1)) : "?";
  }

  private static boolean visible(int c) {
    int type = Character.getType(c);
    return !Character.isWhitespace(c)
        && !Character.isSpaceChar(c)
        && type != Character.FORMAT
        && type != Character.CONTROL;
  }

  private static String codePoint(String decimal) {
    return String.format("U+%04X", Integer.parseInt(decimal));
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  // ---- YAML ----

  private static final Pattern YAML_FOUND =
      Pattern.compile("^expected <block end>, but found '?(.*?)'?$");
  private static final Pattern YAML_FLOW =
      Pattern.compile("^expected ',' or '([\\]}])', but got (.*)$");
  private static final Pattern YAML_START =
      Pattern.compile("^found character '(.*?)' that cannot start any token");
  private static final Pattern YAML_ESCAPE = Pattern.compile("^found unknown escape character (.)");
  private static final Pattern YAML_BUT_FOUND = Pattern.compile("but found (.*)$");
  private static final Pattern YAML_NODE =
      Pattern.compile("^expected the node content, but found '?(.*?)'?$");
  private static final Pattern YAML_LIMIT =
      Pattern.compile("^The incoming YAML document exceeds the limit: (\\d+) code points");

  /** What SnakeYAML's {@code problem} says, for {@code malformed.yaml}. */
  public static ErrorText.Msg yamlProblem(String problem) {
    String p = problem == null ? "" : problem.replace('\n', ' ').trim();
    Matcher m = YAML_FOUND.matcher(p);
    if (m.find()) {
      return msg("yaml.blockEnd", yamlToken(m.group(1)));
    }
    m = YAML_FLOW.matcher(p);
    if (m.find()) {
      return msg(
          m.group(1).equals("]") ? "yaml.flowSequence" : "yaml.flowMapping", yamlToken(m.group(2)));
    }
    m = YAML_START.matcher(p);
    if (m.find()) {
      return m.group(1).startsWith("\\t")
          ? msg("yaml.tab")
          : msg("yaml.cannotStart", "'" + m.group(1) + "'");
    }
    m = YAML_ESCAPE.matcher(p);
    if (m.find()) {
      return msg("yaml.escape", m.group(1));
    }
    m = YAML_NODE.matcher(p);
    if (m.find()) {
      return msg("yaml.nodeContent", yamlToken(m.group(1)));
    }
    m = YAML_LIMIT.matcher(p);
    if (m.find()) {
      return msg("yaml.tooLarge", m.group(1));
    }
    if (p.startsWith("found incompatible YAML document")) {
      return msg("yaml.version");
    } else if (p.startsWith("Number of aliases for non-scalar nodes exceeds")) {
      return msg("yaml.aliases");
    }
    if (p.equals("mapping values are not allowed here")) {
      return msg("yaml.mappingValue");
    } else if (p.equals("found unexpected end of stream")) {
      return msg("yaml.endQuoted");
    } else if (p.equals("could not find expected ':'")) {
      return msg("yaml.colon");
    } else if (p.contains("sequence entries are not allowed here")) {
      return msg("yaml.sequenceEntry");
    } else if (p.startsWith("found undefined alias")) {
      return msg("yaml.alias");
    } else if (p.startsWith("expected chomping or indentation indicators")) {
      Matcher f = YAML_BUT_FOUND.matcher(p);
      return msg("yaml.blockScalar", f.find() ? f.group(1) : "?");
    }
    return msg("yaml.other", p);
  }

  /** SnakeYAML's {@code context} ("while parsing a block mapping") as a phrase. */
  public static Object yamlContext(String context) {
    String c = context.replace('\n', ' ').trim();
    if (c.contains("block mapping")) {
      return msg("yaml.inMap");
    } else if (c.contains("block collection")) {
      return msg("yaml.inList");
    } else if (c.contains("flow sequence")) {
      return msg("yaml.inFlowList");
    } else if (c.contains("flow mapping")) {
      return msg("yaml.inFlowMap");
    } else if (c.contains("quoted scalar")) {
      return msg("yaml.inQuoted");
    } else if (c.contains("simple key")) {
      return msg("yaml.inKey");
    } else if (c.contains("block scalar")) {
      return msg("yaml.inBlockText");
    } else if (c.contains("anchor") || c.contains("alias")) {
      return msg("yaml.inAnchor");
    }
    return msg("yaml.inOther", c);
  }

  /** True when SnakeYAML's context names nothing the learner wrote ("for the next token"). */
  public static boolean contextSaysNothing(String context) {
    return context == null || context.contains("for the next token");
  }

  private static Object yamlToken(String token) {
    String t = token.trim();
    return switch (t) {
      case "<block mapping start>", "?" -> msg("yaml.tokenMap");
      case "<block sequence start>", "<block sequence entry>", "-" -> msg("yaml.tokenEntry");
      case "<scalar>" -> msg("yaml.tokenValue");
      case "<stream end>" -> msg("yaml.tokenEnd");
      default -> "'" + t.replaceAll("^'|'$", "").replaceAll("^<|>$", "") + "'";
    };
  }
}
