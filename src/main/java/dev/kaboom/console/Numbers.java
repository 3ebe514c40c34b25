package dev.kaboom.console;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.BigIntTerm;
import dev.kaboom.engine.Bin;
import dev.kaboom.engine.FloatTerm;
import dev.kaboom.engine.ImproperList;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.MapTerm;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Elixir's numbers in the console: integers of any size (a {@code long} while the value fits, else
 * a {@link BigIntTerm}: {@code Math.*Exact} tells when it does not) and floats ({@link FloatTerm}),
 * the arithmetic operators, {@code ==} and the term order between them, and the Kernel, Integer,
 * Float and {@code :math} functions a learner types, with the errors iex 1.14 (OTP 25) raises,
 * worded as it words them ({@code ArithmeticError}, {@code :erlang.abs}'s ArgumentError, the
 * FunctionClauseErrors of {@code Kernel.**}, {@code Integer.pow}, {@code Float.round}, ...).
 */
final class Numbers {
  private Numbers() {}

  /** The largest integer the console computes: about 3.3 million decimal digits. */
  static final int MAX_BITS = 1 << 24;

  static boolean isInteger(Term t) {
    return t instanceof IntTerm || t instanceof BigIntTerm;
  }

  static boolean isNumber(Term t) {
    return t instanceof IntTerm || t instanceof BigIntTerm || t instanceof FloatTerm;
  }

  static BigInteger big(Term t) {
    return t instanceof IntTerm i ? BigInteger.valueOf(i.value()) : ((BigIntTerm) t).value();
  }

  static Term integer(BigInteger v) {
    Work.spend(1 + v.bitLength() / 64);
    if (v.bitLength() > MAX_BITS) {
      throw new ConsoleError(
          "SystemLimitError",
          "a system limit has been reached (the Kaboom console keeps integers to "
              + MAX_BITS
              + " bits)");
    }
    return BigIntTerm.of(v);
  }

  /** An integer or float as a double; infinite for an integer past the doubles. */
  static double dbl(Term t) {
    if (t instanceof FloatTerm f) {
      return f.value();
    }
    return t instanceof IntTerm i ? (double) i.value() : ((BigIntTerm) t).value().doubleValue();
  }

  static String flat(Term t) {
    return Inspect.inspectFlat(t);
  }

  /** {@code l op r} for {@code + - * /}: ArithmeticError as {@code :erlang.op/2} raises it. */
  static Term arith(String op, Term l, Term r) {
    if (l instanceof IntTerm a && r instanceof IntTerm b) {
      try {
        switch (op) {
          case "+":
            return new IntTerm(Math.addExact(a.value(), b.value()));
          case "-":
            return new IntTerm(Math.subtractExact(a.value(), b.value()));
          case "*":
            return new IntTerm(Math.multiplyExact(a.value(), b.value()));
          default:
            break;
        }
      } catch (ArithmeticException overflow) {
        // past 64 bits: below, as BigIntegers
      }
    }
    if (!isNumber(l) || !isNumber(r)) {
      throw badarith(op, l, r);
    }
    if (!op.equals("/") && isInteger(l) && isInteger(r)) {
      BigInteger a = big(l);
      BigInteger b = big(r);
      return integer(op.equals("+") ? a.add(b) : op.equals("-") ? a.subtract(b) : a.multiply(b));
    }
    double a = dbl(l);
    double b = dbl(r);
    if (Double.isInfinite(a) || Double.isInfinite(b) || (op.equals("/") && b == 0.0)) {
      throw badarith(op, l, r);
    }
    double v =
        switch (op) {
          case "+" -> a + b;
          case "-" -> a - b;
          case "*" -> a * b;
          default -> a / b;
        };
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      throw badarith(op, l, r);
    }
    return new FloatTerm(v);
  }

  static ConsoleError badarith(String op, Term l, Term r) {
    return new ConsoleError(
        "ArithmeticError",
        "bad argument in arithmetic expression: " + flat(l) + " " + op + " " + flat(r),
        "    :erlang." + op + "(" + flat(l) + ", " + flat(r) + ")");
  }

  /** Unary minus, {@code :erlang.-/1} ({@code -0.0} keeps its sign). */
  static Term negate(Term t) {
    if (t instanceof IntTerm i && i.value() != Long.MIN_VALUE) {
      return new IntTerm(-i.value());
    }
    if (t instanceof FloatTerm f) {
      return new FloatTerm(-f.value());
    }
    if (isInteger(t)) {
      return integer(big(t).negate());
    }
    throw new ConsoleError(
        "ArithmeticError",
        "bad argument in arithmetic expression: -(" + flat(t) + ")",
        "    :erlang.-(" + flat(t) + ")");
  }

  /** The order of two numbers: by value, an integer against a float exactly, as Erlang's. */
  static int compare(Term a, Term b) {
    if (a instanceof IntTerm x && b instanceof IntTerm y) {
      return Long.compare(x.value(), y.value());
    }
    if (a instanceof FloatTerm x && b instanceof FloatTerm y) {
      return x.value() < y.value() ? -1 : x.value() > y.value() ? 1 : 0;
    }
    if (isInteger(a) && isInteger(b)) {
      return big(a).compareTo(big(b));
    }
    return decimal(a).compareTo(decimal(b));
  }

  private static BigDecimal decimal(Term t) {
    return t instanceof FloatTerm f ? new BigDecimal(f.value()) : new BigDecimal(big(t));
  }

  /**
   * {@code ==}: as {@code ===} but an integer equals a float of its value ({@code 1 == 1.0}), also
   * inside tuples, lists and map values (a map's keys compare exactly, as in Erlang).
   */
  static boolean looselyEqual(Term a, Term b) {
    if (a.equals(b)) {
      return true;
    }
    if (isNumber(a) && isNumber(b)) {
      return compare(a, b) == 0;
    }
    if (a instanceof Tuple x && b instanceof Tuple y) {
      return x.size() == y.size() && allEqual(x.elements(), y.elements());
    }
    if (a instanceof TermList x && b instanceof TermList y) {
      return x.elements().size() == y.elements().size() && allEqual(x.elements(), y.elements());
    }
    if (a instanceof ImproperList x && b instanceof ImproperList y) {
      return x.elements().size() == y.elements().size()
          && allEqual(x.elements(), y.elements())
          && looselyEqual(x.tail(), y.tail());
    }
    if (a instanceof MapTerm x && b instanceof MapTerm y) {
      if (!x.entries().keySet().equals(y.entries().keySet())) {
        return false;
      }
      for (Map.Entry<Term, Term> e : x.entries().entrySet()) {
        if (!looselyEqual(e.getValue(), y.entries().get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean allEqual(List<Term> xs, List<Term> ys) {
    for (int i = 0; i < xs.size(); i++) {
      if (!looselyEqual(xs.get(i), ys.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code base ** exponent}, Kernel.**&#47;2 of Elixir 1.14. */
  static Term power(Term base, Term exponent) {
    if (isInteger(base) && isInteger(exponent) && big(exponent).signum() >= 0) {
      return integerPow(base, exponent);
    }
    if (isNumber(base) && isNumber(exponent)) {
      return mathPow(base, exponent, "\n    (elixir 1.14.0) lib/kernel.ex:4219: Kernel.**/2");
    }
    boolean intBase = isInteger(base);
    boolean intExp = isInteger(exponent);
    boolean nonNegative = Inspect.compare(exponent, new IntTerm(0)) >= 0;
    throw Stdlib.functionClause(
        "Kernel.**/2",
        List.of(base, exponent),
        List.of(
            "def **(base, exponent) when "
                + mark(intBase, "is_integer(base)")
                + " and "
                + mark(intExp, "is_integer(exponent)")
                + " and "
                + mark(nonNegative, "exponent >= 0"),
            "def **(base, exponent) when "
                + mark(isNumber(base), "is_number(base)")
                + " and "
                + mark(isNumber(exponent), "is_number(exponent)")),
        "(elixir 1.14.0) lib/kernel.ex:4214: Kernel.**/2");
  }

  private static Term integerPow(Term base, Term exponent) {
    BigInteger b = big(base);
    BigInteger e = big(exponent);
    if (b.signum() == 0 || b.abs().equals(BigInteger.ONE)) {
      return integer(b.pow(e.testBit(0) ? 1 : e.signum() == 0 ? 0 : 2));
    }
    if (e.bitLength() > 31 || (long) b.bitLength() * e.intValue() > MAX_BITS) {
      throw integerTooLarge();
    }
    return integer(b.pow(e.intValue()));
  }

  private static ConsoleError integerTooLarge() {
    return new ConsoleError(
        "SystemLimitError",
        "a system limit has been reached (the Kaboom console keeps integers to "
            + MAX_BITS
            + " bits)");
  }

  /** {@code :math.pow/2}: a float, or its ArithmeticError (with the caller's stack line). */
  private static Term mathPow(Term base, Term exponent, String caller) {
    double v = Math.pow(dbl(base), dbl(exponent));
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      throw new ConsoleError(
          "ArithmeticError",
          "bad argument in arithmetic expression",
          "    (stdlib 4.2) :math.pow(" + flat(base) + ", " + flat(exponent) + ")" + caller);
    }
    return new FloatTerm(v);
  }

  /** iex marks a guard's part that did not hold with dashes when it prints without colours. */
  private static String mark(boolean holds, String guard) {
    return holds ? guard : "-" + guard + "-";
  }

  /** {@code div/2} and {@code rem/2}: truncated, on integers of any size. */
  static Term divRem(String name, Term x, Term y, String stack) {
    if (isInteger(x) && isInteger(y) && big(y).signum() != 0) {
      if (x instanceof IntTerm a && y instanceof IntTerm b && a.value() != Long.MIN_VALUE) {
        return new IntTerm(name.equals("rem") ? a.value() % b.value() : a.value() / b.value());
      }
      return integer(name.equals("rem") ? big(x).remainder(big(y)) : big(x).divide(big(y)));
    }
    String call = name + "(" + flat(x) + ", " + flat(y) + ")";
    throw new ConsoleError(
        "ArithmeticError",
        "bad argument in arithmetic expression: " + call,
        "    :erlang." + call + (stack == null ? "" : "\n    (elixir 1.14.0) " + stack));
  }

  /** {@code round trunc floor ceil} of Kernel: an integer. */
  private static Term toInteger(String name, Term t) {
    if (isInteger(t)) {
      return t;
    }
    if (t instanceof FloatTerm f) {
      RoundingMode mode =
          switch (name) {
            case "round" -> RoundingMode.HALF_UP; // half away from zero, as :erlang.round
            case "trunc" -> RoundingMode.DOWN;
            case "floor" -> RoundingMode.FLOOR;
            default -> RoundingMode.CEILING;
          };
      return integer(new BigDecimal(f.value()).setScale(0, mode).toBigIntegerExact());
    }
    throw Console.argumentError(1, "not a number", ":erlang." + name, t);
  }

  /** {@code Float.round/2}, {@code Float.floor/2}, {@code Float.ceil/2} (Elixir 1.14). */
  private static Term floatRound(String name, Term t, Term precision) {
    int line =
        switch (name) {
          case "round" -> 338;
          case "floor" -> 231;
          default -> 278;
        };
    String arg = name.equals("round") ? "float" : "number";
    boolean isFloat = t instanceof FloatTerm;
    boolean intP = precision instanceof IntTerm;
    long p = intP ? ((IntTerm) precision).value() : -1;
    if (!isFloat) {
      boolean zero = precision.equals(new IntTerm(0));
      throw Stdlib.functionClause(
          "Float." + name + "/2",
          List.of(t, precision),
          List.of(
              "def " + name + "(" + arg + ", " + mark(zero, "0") + ") when -is_float(" + arg + ")-",
              "def "
                  + name
                  + "("
                  + arg
                  + ", precision) when -is_float("
                  + arg
                  + ")- and "
                  + mark(intP, "is_integer(precision)")
                  + " and "
                  + mark(Inspect.compare(precision, new IntTerm(0)) >= 0, "precision >= 0")
                  + " and "
                  + mark(Inspect.compare(precision, new IntTerm(15)) <= 0, "precision <= 15"),
              "def " + name + "(" + arg + ", precision) when -is_float(" + arg + ")-"),
          "(elixir 1.14.0) lib/float.ex:" + line + ": Float." + name + "/2");
    }
    if (!intP || p < 0 || p > 15) {
      throw new ConsoleError(
          "ArgumentError",
          "precision " + flat(precision) + " is out of valid range of 0..15",
          "    (elixir 1.14.0) lib/float.ex:" + (line + 9) + ": Float." + name + "/2");
    }
    double d = ((FloatTerm) t).value();
    if (p == 0) {
      return new FloatTerm(
          switch (name) {
            case "round" -> dbl(toInteger("round", t)) + 0.0; // :erlang.round, then a float
            case "floor" -> Math.floor(d);
            default -> Math.ceil(d);
          });
    }
    RoundingMode mode =
        switch (name) {
          case "round" -> RoundingMode.HALF_UP;
          case "floor" -> RoundingMode.FLOOR;
          default -> RoundingMode.CEILING;
        };
    return new FloatTerm(new BigDecimal(d).setScale((int) p, mode).doubleValue());
  }

  /** {@code Integer.parse/1,2}: {@code {integer, rest}} or {@code :error}. */
  private static Term parseInteger(Term s, Term base) {
    boolean baseOk =
        base instanceof IntTerm b && b.value() >= 2 && b.value() <= 36; // 2..36, as Elixir
    if (!(s instanceof Bin bin) || !(base instanceof IntTerm)) {
      throw Stdlib.functionClause(
          "Integer.parse/2",
          List.of(s, base),
          List.of(
              "def parse(_binary, base) when "
                  + mark(!baseOk, "not (is_integer(base) and (base >= 2 and base <= 36))"),
              "def parse(binary, base) when " + mark(s instanceof Bin, "is_binary(binary)")),
          "(elixir 1.14.0) lib/integer.ex:275: Integer.parse/2");
    }
    if (!baseOk) {
      throw new ConsoleError(
          "ArgumentError",
          "invalid base " + flat(base),
          "    (elixir 1.14.0) lib/integer.ex:276: Integer.parse/2");
    }
    int radix = (int) ((IntTerm) base).value();
    String v = bin.value();
    int i = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
    int end = i;
    while (end < v.length() && Character.digit(v.charAt(end), radix) >= 0 && v.charAt(end) < 128) {
      end++;
    }
    if (end == i) {
      return Atom.ERROR;
    }
    BigInteger n = new BigInteger(v.substring(i, end), radix);
    return Term.tuple(integer(v.startsWith("-") ? n.negate() : n), new Bin(v.substring(end)));
  }

  /** {@code Float.parse/1}: {@code {float, rest}} or {@code :error}. */
  private static Term parseFloat(Term s) {
    if (!(s instanceof Bin bin)) {
      throw Stdlib.functionClause(
          "Float.parse_unsigned/1",
          List.of(s),
          List.of(
              "defp parse_unsigned(-<<digit, rest::binary>>-) when -is_integer(digit)- and"
                  + " -digit >= 48- and -digit <= 57-",
              "defp parse_unsigned(binary) when -is_binary(binary)-"),
          "(elixir 1.14.0) lib/float.ex:159: Float.parse_unsigned/1");
    }
    String v = bin.value();
    int i = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
    int end = asciiDigits(v, i);
    if (end == i) {
      return Atom.ERROR;
    }
    if (end + 1 < v.length() && v.charAt(end) == '.' && isAsciiDigit(v.charAt(end + 1))) {
      end = asciiDigits(v, end + 1);
    }
    if (end + 1 < v.length() && (v.charAt(end) == 'e' || v.charAt(end) == 'E')) {
      int exp = end + 1;
      if (exp < v.length() && (v.charAt(exp) == '+' || v.charAt(exp) == '-')) {
        exp++;
      }
      if (exp < v.length() && isAsciiDigit(v.charAt(exp))) {
        end = asciiDigits(v, exp);
      }
    }
    double d = Double.parseDouble(v.substring(0, end));
    if (Double.isInfinite(d)) {
      return Atom.ERROR;
    }
    return Term.tuple(new FloatTerm(d), new Bin(v.substring(end)));
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int asciiDigits(String v, int i) {
    while (i < v.length() && isAsciiDigit(v.charAt(i))) {
      i++;
    }
    return i;
  }

  /** {@code String.to_integer/1}: {@code :erlang.binary_to_integer}'s ArgumentErrors. */
  static Term stringToInteger(Term s) {
    if (s instanceof Bin b) {
      String v = b.value();
      if (v.matches("[+-]?[0-9]+")) {
        return integer(new BigInteger(v.startsWith("+") ? v.substring(1) : v));
      }
      throw Console.argumentError(
          1, "not a textual representation of an integer", ":erlang.binary_to_integer", s);
    }
    throw Console.argumentError(1, "not a binary", ":erlang.binary_to_integer", s);
  }

  /** {@code String.to_float/1}: only a float's full text ({@code "1.5"}, not {@code "1"}). */
  private static Term stringToFloat(Term s) {
    if (s instanceof Bin b) {
      String v = b.value();
      if (v.matches("[+-]?[0-9]+\\.[0-9]+([eE][+-]?[0-9]+)?")) {
        double d = Double.parseDouble(v);
        if (!Double.isInfinite(d)) {
          return new FloatTerm(d);
        }
      }
      throw Console.argumentError(
          1, "not a textual representation of a float", ":erlang.binary_to_float", s);
    }
    throw Console.argumentError(1, "not a binary", ":erlang.binary_to_float", s);
  }

  /** {@code Integer.to_string/1,2}: upper-case digits past 9, as Erlang's. */
  private static Term integerToString(Term i, Term base) {
    Term[] args = base == null ? new Term[] {i} : new Term[] {i, base};
    if (!isInteger(i)) {
      throw Console.argumentError(1, "not an integer", ":erlang.integer_to_binary", args);
    }
    int radix = 10;
    if (base != null) {
      if (!(base instanceof IntTerm b && b.value() >= 2 && b.value() <= 36)) {
        throw Console.argumentError(
            2, "not an integer in the range 2 through 36", ":erlang.integer_to_binary", args);
      }
      radix = (int) b.value();
    }
    return new Bin(big(i).toString(radix).toUpperCase(java.util.Locale.ROOT));
  }

  static final Set<String> FUNCTIONS =
      Set.of(
          "abs/1",
          "round/1",
          "trunc/1",
          "floor/1",
          "ceil/1",
          "div/2",
          "rem/2",
          "max/2",
          "min/2",
          "is_float/1",
          "is_number/1",
          "Integer.to_string/1",
          "Integer.to_string/2",
          "Integer.parse/1",
          "Integer.parse/2",
          "Integer.pow/2",
          "Integer.mod/2",
          "Integer.floor_div/2",
          "Integer.gcd/2",
          "Integer.digits/1",
          "Float.round/1",
          "Float.round/2",
          "Float.floor/1",
          "Float.floor/2",
          "Float.ceil/1",
          "Float.ceil/2",
          "Float.to_string/1",
          "Float.parse/1",
          "String.to_integer/1",
          "String.to_float/1",
          ":math.sqrt/1",
          ":math.pow/2",
          ":math.pi/0");

  /** Whether {@code key} ({@code "Integer.pow/2"}, {@code "Kernel.abs/1"}) is one this runs. */
  static boolean runs(String key) {
    return FUNCTIONS.contains(key.startsWith("Kernel.") ? key.substring(7) : key);
  }

  /** Runs {@code key}, one {@link #runs} says yes to. */
  static Term call(String key, List<Term> a) {
    String name = key.substring(key.startsWith("Kernel.") ? 7 : 0, key.lastIndexOf('/'));
    Term x = a.isEmpty() ? null : a.get(0);
    switch (name) {
      case "abs":
        if (isNumber(x)) {
          return x instanceof FloatTerm f
              ? new FloatTerm(Math.abs(f.value()))
              : compare(x, new IntTerm(0)) < 0 ? negate(x) : x;
        }
        throw Console.argumentError(1, "not a number", ":erlang.abs", x);
      case "round", "trunc", "floor", "ceil":
        return toInteger(name, x);
      case "div", "rem":
        return divRem(name, x, a.get(1), null);
      case "max":
        return Inspect.compare(x, a.get(1)) < 0 ? a.get(1) : x;
      case "min":
        return Inspect.compare(x, a.get(1)) > 0 ? a.get(1) : x;
      case "is_float":
        return Atom.of(Boolean.toString(x instanceof FloatTerm));
      case "is_number":
        return Atom.of(Boolean.toString(isNumber(x)));
      case "Integer.to_string":
        return integerToString(x, a.size() == 2 ? a.get(1) : null);
      case "Integer.parse":
        return parseInteger(x, a.size() == 2 ? a.get(1) : new IntTerm(10));
      case "Integer.pow":
        if (isInteger(x) && isInteger(a.get(1))) {
          if (big(a.get(1)).signum() < 0) {
            throw new ConsoleError(
                "ArithmeticError",
                "bad argument in arithmetic expression",
                "    (elixir 1.14.0) lib/integer.ex:106: Integer.pow("
                    + flat(x)
                    + ", "
                    + flat(a.get(1))
                    + ")");
          }
          return integerPow(x, a.get(1));
        }
        throw Stdlib.functionClause(
            "Integer.pow/2",
            a,
            List.of(
                "def pow(base, exponent) when "
                    + mark(isInteger(x), "is_integer(base)")
                    + " and "
                    + mark(isInteger(a.get(1)), "is_integer(exponent)")),
            "(elixir 1.14.0) lib/integer.ex:105: Integer.pow/2");
      case "Integer.mod":
        {
          Term r = divRem("rem", x, a.get(1), "lib/integer.ex:130: Integer.mod/2");
          boolean adjust =
              compare(r, new IntTerm(0)) != 0 && (big(r).signum() != big(a.get(1)).signum());
          return adjust ? arith("+", r, a.get(1)) : r;
        }
      case "Integer.floor_div":
        {
          Term q = divRem("div", x, a.get(1), "lib/integer.ex:167: Integer.floor_div/2");
          boolean inexact = big(x).remainder(big(a.get(1))).signum() != 0;
          boolean negative = big(x).signum() * big(a.get(1)).signum() < 0;
          return inexact && negative ? arith("-", q, new IntTerm(1)) : q;
        }
      case "Integer.gcd":
        if (isInteger(x) && isInteger(a.get(1))) {
          return integer(big(x).gcd(big(a.get(1))));
        }
        throw Stdlib.functionClause(
            "Integer.gcd/2",
            a,
            List.of(
                "def gcd(integer1, integer2) when "
                    + mark(isInteger(x), "is_integer(integer1)")
                    + " and "
                    + mark(isInteger(a.get(1)), "is_integer(integer2)")),
            "(elixir 1.14.0) lib/integer.ex:422: Integer.gcd/2");
      case "Integer.digits":
        {
          if (!isInteger(x)) {
            throw Stdlib.functionClause(
                "Integer.digits/2",
                List.of(x, new IntTerm(10)),
                List.of(
                    "def digits(integer, base) when -is_integer(integer)- and is_integer(base) and"
                        + " base >= 2"),
                "(elixir 1.14.0) lib/integer.ex:190: Integer.digits/2");
          }
          BigInteger v = big(x);
          List<Term> digits = new ArrayList<>();
          for (char c : v.abs().toString().toCharArray()) {
            digits.add(new IntTerm(v.signum() < 0 ? -(c - '0') : c - '0'));
          }
          return new TermList(digits);
        }
      case "Float.round", "Float.floor", "Float.ceil":
        return floatRound(name.substring(6), x, a.size() == 2 ? a.get(1) : new IntTerm(0));
      case "Float.to_string":
        if (x instanceof FloatTerm f) {
          return new Bin(FloatTerm.shortest(f.value()));
        }
        throw Stdlib.functionClause(
            "Float.to_string/1",
            a,
            List.of("def to_string(float) when -is_float(float)-"),
            "(elixir 1.14.0) lib/float.ex:600: Float.to_string/1");
      case "Float.parse":
        return parseFloat(x);
      case "String.to_integer":
        return stringToInteger(x);
      case "String.to_float":
        return stringToFloat(x);
      case ":math.sqrt":
        if (!isNumber(x)) {
          throw new ConsoleError(
              "ArgumentError",
              "errors were found at the given arguments:\n\n  * 1st argument: not a number\n",
              "    (stdlib 4.2) :math.sqrt(" + flat(x) + ")");
        }
        if (dbl(x) < 0 || Double.isInfinite(dbl(x))) {
          throw new ConsoleError(
              "ArithmeticError",
              "bad argument in arithmetic expression",
              "    (stdlib 4.2) :math.sqrt(" + flat(x) + ")");
        }
        return new FloatTerm(Math.sqrt(dbl(x)));
      case ":math.pow":
        if (!isNumber(x) || !isNumber(a.get(1))) {
          throw new ConsoleError(
              "ArgumentError",
              "errors were found at the given arguments:\n\n  * "
                  + (isNumber(x) ? "2nd" : "1st")
                  + " argument: not a number\n",
              "    (stdlib 4.2) :math.pow(" + flat(x) + ", " + flat(a.get(1)) + ")");
        }
        return mathPow(x, a.get(1), "");
      case ":math.pi":
        return new FloatTerm(Math.PI);
      default:
        throw new IllegalArgumentException(key);
    }
  }
}
