package dev.kaboom.console;

import dev.kaboom.engine.Bin;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits console input (one or more lines) into tokens with their line and column. An unclosed
 * string, charlist or quoted atom is {@link Parser.Incomplete} (iex asks for the next line); a
 * character that cannot start a token is a {@link ConsoleError}.
 */
final class Lexer {
  enum Kind {
    INT,
    FLOAT, // 1.5, 1.0e-5 (its text without underscores)
    ATOM, // :kaboom, :"quoted"
    STRING,
    INTERP, // "a #{b} c": its text is the source between the quotes
    CHARLIST,
    SIGIL, // ~w(a b)c: its text is the letter and modifiers, a ':', then the source between
    NAME, // sup_pid, alive?, create_pledge, &1 (a capture's argument)
    ALIAS, // Servy, PledgeServer (a dotted alias is ALIAS DOT ALIAS)
    KEY, // active: (a keyword key)
    PID, // #PID<0.105.0> (its text: 0.105.0)
    PUNCT, // ( ) { } [ ] , ; . %{ % => | << >> ::
    OP, // = == != === !== |> + - * / ++ <> .. -> && || & ^ !
    END
  }

  record Token(Kind kind, String text, int line, int column, boolean spaceBefore) {
    boolean is(String punct) {
      return (kind == Kind.PUNCT || kind == Kind.OP) && text.equals(punct);
    }
  }

  private static final String[] OPS = {
    "===", "!==", "==", "!=", "|>", "++", "--", "<>", "<<", ">>", "::", "..", "//", "=>", "<-",
    "<=", ">=", "->", "&&", "||", "**", "=", "+", "-", "*", "/", "|", "<", ">", "&", "^", "!"
  };

  private Lexer() {}

  static List<Token> lex(String input) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = input.length();
    int line = 1;
    int lineStart = 0;
    boolean space = true;
    while (i < n) {
      char c = input.charAt(i);
      int col = i - lineStart + 1;
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        i++;
        space = true;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        space = true;
        continue;
      }
      if (c == '#' && !input.startsWith("#PID<", i)) {
        while (i < n && input.charAt(i) != '\n') {
          i++; // a comment
        }
        continue;
      }
      int start = i;
      if (input.startsWith("#PID<", i)) {
        int end = input.indexOf('>', i);
        if (end < 0) {
          throw new ConsoleError("SyntaxError", line, col, "invalid #PID literal");
        }
        out.add(new Token(Kind.PID, input.substring(i + 5, end), line, col, space));
        i = end + 1;
      } else if (c == '"' && interpolates(input, i + 1)) {
        int end = interpolatedEnd(input, i + 1);
        out.add(new Token(Kind.INTERP, input.substring(i + 1, end - 1), line, col, space));
        for (int k = i; k < end; k++) {
          if (input.charAt(k) == '\n') {
            line++;
            lineStart = k + 1;
          }
        }
        i = end;
      } else if (c == '"' || c == '\'') {
        StringBuilder sb = new StringBuilder();
        i = quoted(input, i + 1, c, sb, c == '"');
        String text = c == '"' ? binary(sb.toString()) : sb.toString();
        out.add(new Token(c == '"' ? Kind.STRING : Kind.CHARLIST, text, line, col, space));
      } else if (c == '~'
          && i + 2 < n
          && Character.isLetter(input.charAt(i + 1))
          && closing(input.charAt(i + 2)) != 0) {
        int end = sigilEnd(input, i);
        int mods = end;
        while (mods < n && Character.isLetter(input.charAt(mods))) {
          mods++;
        }
        String text =
            input.charAt(i + 1)
                + input.substring(end, mods)
                + ":"
                + input.substring(i + 3, end - 1);
        out.add(new Token(Kind.SIGIL, text, line, col, space));
        for (int k = i; k < end; k++) {
          if (input.charAt(k) == '\n') {
            line++;
            lineStart = k + 1;
          }
        }
        i = mods;
      } else if (c == ':' && i + 1 < n && input.charAt(i + 1) == '"') {
        StringBuilder sb = new StringBuilder();
        i = quoted(input, i + 2, '"', sb, false);
        out.add(new Token(Kind.ATOM, sb.toString(), line, col, space));
      } else if (c == ':'
          && i + 1 < n
          && (isNameStart(input.charAt(i + 1)) || Character.isUpperCase(input.charAt(i + 1)))) {
        int end = nameEnd(input, i + 1);
        out.add(new Token(Kind.ATOM, input.substring(i + 1, end), line, col, space));
        i = end;
      } else if (c == '?' && i + 1 < n) {
        int cp = input.codePointAt(i + 1);
        out.add(new Token(Kind.INT, Integer.toString(cp), line, col, space));
        i += 1 + Character.charCount(cp);
      } else if (c == '0'
          && i + 2 < n
          && radix(input.charAt(i + 1)) > 0
          && Character.digit(input.charAt(i + 2), radix(input.charAt(i + 1))) >= 0) {
        // 0x1F, 0o17, 0b101: the token's text is the number in decimal
        int radix = radix(input.charAt(i + 1));
        int end = i + 2;
        while (end < n
            && (Character.digit(input.charAt(end), radix) >= 0 || input.charAt(end) == '_')) {
          end++;
        }
        String digits = input.substring(i + 2, end).replace("_", "");
        out.add(
            new Token(
                Kind.INT, new java.math.BigInteger(digits, radix).toString(), line, col, space));
        i = end;
      } else if (Character.isDigit(c)) {
        int end = digits(input, i);
        Kind kind = Kind.INT;
        if (end + 1 < n && input.charAt(end) == '.' && Character.isDigit(input.charAt(end + 1))) {
          // 1.5, 1_000.5, 1.0e10, 1.0e-5: a float has digits after its point
          kind = Kind.FLOAT;
          end = digits(input, end + 1);
          if (end + 1 < n && (input.charAt(end) == 'e' || input.charAt(end) == 'E')) {
            int exp = end + 1;
            if (input.charAt(exp) == '+' || input.charAt(exp) == '-') {
              exp++;
            }
            if (exp < n && Character.isDigit(input.charAt(exp))) {
              end = digits(input, exp);
            }
          }
        }
        out.add(new Token(kind, input.substring(i, end).replace("_", ""), line, col, space));
        i = end;
      } else if (Character.isUpperCase(c)) {
        int end = i + 1;
        while (end < n
            && (Character.isLetterOrDigit(input.charAt(end)) || input.charAt(end) == '_')) {
          end++;
        }
        out.add(new Token(Kind.ALIAS, input.substring(i, end), line, col, space));
        i = end;
      } else if (isNameStart(c)) {
        int end = nameEnd(input, i);
        String name = input.substring(i, end);
        if (end + 1 < n
            && input.charAt(end) == ':'
            && Character.isWhitespace(input.charAt(end + 1))) {
          out.add(new Token(Kind.KEY, name, line, col, space));
          i = end + 1;
        } else {
          out.add(new Token(Kind.NAME, name, line, col, space));
          i = end;
        }
      } else if (c == '&' && i + 1 < n && Character.isDigit(input.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && Character.isDigit(input.charAt(end))) {
          end++;
        }
        out.add(new Token(Kind.NAME, input.substring(i, end), line, col, space)); // &1
        i = end;
      } else if (input.startsWith("%{", i)) {
        out.add(new Token(Kind.PUNCT, "%{", line, col, space));
        i += 2;
      } else if ("(){}[],;.".indexOf(c) >= 0 && !input.startsWith("..", i)) {
        out.add(new Token(Kind.PUNCT, String.valueOf(c), line, col, space));
        i++;
      } else {
        String op = null;
        for (String o : OPS) {
          if (input.startsWith(o, i)) {
            op = o;
            break;
          }
        }
        if (op == null) {
          throw new ConsoleError(
              "SyntaxError",
              line,
              col,
              "unexpected token: \""
                  + c
                  + "\" (column "
                  + col
                  + ", code point U+"
                  + String.format("%04X", (int) c)
                  + ")");
        }
        out.add(
            new Token(
                op.equals("=>")
                        || op.equals("|")
                        || op.equals("<<")
                        || op.equals(">>")
                        || op.equals("::")
                    ? Kind.PUNCT
                    : Kind.OP,
                op,
                line,
                col,
                space));
        i += op.length();
      }
      space = i < n && Character.isWhitespace(input.charAt(i));
      if (i == start) {
        i++;
      }
    }
    out.add(new Token(Kind.END, "", line, n - lineStart + 1, true));
    return out;
  }

  /** The end of the digits (and underscores) from {@code i}. */
  private static int digits(String s, int i) {
    int end = i;
    while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '_')) {
      end++;
    }
    return end;
  }

  /** The radix a {@code 0x}, {@code 0o} or {@code 0b} prefix's letter names; 0 for another. */
  private static int radix(char c) {
    return switch (c) {
      case 'x' -> 16;
      case 'o' -> 8;
      case 'b' -> 2;
      default -> 0;
    };
  }

  /**
   * Reads a quoted text from just after its opening quote; returns the index after the closing one.
   * Elixir's escapes ({@code \\n \\t \\e \\0 \\a \\b \\d \\f \\r \\s \\v}, {@code \\xHH}, {@code
   * \\uHHHH}, {@code \\u{H...}}, a backslash before a new line joins the lines); with {@code bytes}
   * (a string) {@code \\xHH} is a byte ({@link Binaries}), else a character.
   */
  private static int quoted(String s, int i, char quote, StringBuilder sb, boolean bytes) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == quote) {
        return i + 1;
      }
      if (c == '\\' && i + 1 < n) {
        i = escape(s, i + 1, sb, bytes);
        continue;
      }
      sb.append(c);
      i++;
    }
    throw new Parser.Incomplete();
  }

  /** One escape from {@code i} (just after its backslash); returns the index after it. */
  private static int escape(String s, int i, StringBuilder sb, boolean bytes) {
    char e = s.charAt(i);
    if (e == 'x') {
      int end = hexEnd(s, i + 1, 2);
      if (end > i + 1) {
        int v = Integer.parseInt(s.substring(i + 1, end), 16);
        sb.append(bytes && v >= 0x80 ? (char) (0xDC00 + v) : (char) v);
        return end;
      }
    } else if (e == 'u' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
      int end = hexEnd(s, i + 2, 6);
      if (end > i + 2 && end < s.length() && s.charAt(end) == '}') {
        sb.appendCodePoint(Integer.parseInt(s.substring(i + 2, end), 16));
        return end + 1;
      }
    } else if (e == 'u') {
      int end = hexEnd(s, i + 1, 4);
      if (end == i + 5) {
        sb.appendCodePoint(Integer.parseInt(s.substring(i + 1, end), 16));
        return end;
      }
    } else if (e == '\n') {
      return i + 1; // a backslash at the end of a line: the lines joined
    }
    sb.append(
        switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case 'e' -> (char) 27;
          case '0' -> (char) 0;
          case 'a' -> (char) 7;
          case 'b' -> '\b';
          case 'd' -> (char) 127;
          case 'f' -> '\f';
          case 's' -> ' ';
          case 'v' -> (char) 11;
          default -> e;
        });
    return i + 1;
  }

  private static int hexEnd(String s, int i, int max) {
    int end = i;
    while (end < s.length() && end - i < max && Character.digit(s.charAt(end), 16) >= 0) {
      end++;
    }
    return end;
  }

  /**
   * A string's text with its {@code \\xHH} bytes decoded where they make UTF-8 ({@link Binaries}).
   */
  static String binary(String text) {
    Bin b = new Bin(text);
    return Binaries.raw(b) ? Binaries.of(Binaries.bytes(b)).value() : text;
  }

  /** The delimiter that closes a sigil opened with {@code open}, or 0 when it opens none. */
  private static char closing(char open) {
    return switch (open) {
      case '(' -> ')';
      case '[' -> ']';
      case '{' -> '}';
      case '<' -> '>';
      case '/', '|', '"', '\'' -> open;
      default -> 0;
    };
  }

  /**
   * The index after the closing delimiter of the sigil at {@code i} ({@code ~s(...)}): delimiters
   * do not nest; a backslash escapes the next character; a lower-case sigil's {@code #{...}} may
   * hold the delimiter.
   */
  private static int sigilEnd(String s, int i) {
    char close = closing(s.charAt(i + 2));
    boolean interpolates = Character.isLowerCase(s.charAt(i + 1));
    int j = i + 3;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == close) {
        return j + 1;
      } else if (interpolates && s.startsWith("#{", j)) {
        j = codeEnd(s, j + 2) + 1;
      } else {
        j++;
      }
    }
    throw new Parser.Incomplete();
  }

  /** Whether the string that starts at {@code i} (after its quote) has a {@code #{...}}. */
  private static boolean interpolates(String s, int i) {
    int n = s.length();
    while (i < n && s.charAt(i) != '"') {
      if (s.charAt(i) == '\\') {
        i += 2;
        continue;
      }
      if (s.startsWith("#{", i)) {
        return true;
      }
      i++;
    }
    return false;
  }

  /**
   * The index after the closing quote of an interpolated string from {@code i} (after its opening
   * quote): a {@code #{...}} may hold braces and strings of its own.
   */
  static int interpolatedEnd(String s, int i) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else if (s.startsWith("#{", i)) {
        i = codeEnd(s, i + 2) + 1;
      } else {
        i++;
      }
    }
    throw new Parser.Incomplete();
  }

  /** The index of the {@code }} that closes the code of a {@code #{} that ends at {@code i}. */
  static int codeEnd(String s, int i) {
    int n = s.length();
    int depth = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '"') {
        i = interpolatedEnd(s, i + 1);
        continue;
      }
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
      i++;
    }
    throw new Parser.Incomplete();
  }

  /** A string's escapes ({@code \n}, {@code \"}, ...) turned into what they stand for. */
  static String unescape(String raw) {
    StringBuilder sb = new StringBuilder();
    quoted(raw + "\u0000", 0, '\u0000', sb, true);
    return binary(sb.toString());
  }

  private static boolean isNameStart(char c) {
    return Character.isLowerCase(c) || c == '_';
  }

  private static int nameEnd(String s, int i) {
    int n = s.length();
    while (i < n
        && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '@')) {
      i++;
    }
    if (i < n && (s.charAt(i) == '?' || s.charAt(i) == '!')) {
      i++;
    }
    return i;
  }
}
