package dev.kaboom.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An Erlang float: a finite IEEE 754 double (Erlang has no infinities or NaN: an operation that
 * would make one raises). As on OTP 25, {@code 0.0} and {@code -0.0} are the same term ({@code 0.0
 * =:= -0.0}), though {@code -0.0} is written with its sign.
 */
public record FloatTerm(double value) implements Term {

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatTerm f && f.value == value;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value == 0.0 ? 0.0 : value);
  }

  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    out.append(shortest(value));
  }

  @Override
  public String toString() {
    return format();
  }

  /**
   * {@code value} as OTP 25's {@code io_lib_format:fwrite_g/1} writes it (what {@code ~p} and
   * Elixir's {@code Float.to_string/1} print): the fewest significant digits that read back as the
   * same double, in plain notation ({@code 0.1}, {@code 100.0}, {@code 0.001}) unless scientific
   * notation is shorter ({@code 1.0e-4}, {@code 1.0e15}) or the magnitude is at least 2^53, where
   * not every integer is a double ({@code 1.2345678901234568e16}).
   */
  public static String shortest(double value) {
    if (value == 0.0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    double abs = Math.abs(value);
    BigDecimal exact = new BigDecimal(abs);
    BigDecimal digits = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == abs) {
        digits = r;
        break;
      }
    }
    digits = digits.stripTrailingZeros();
    String s = digits.unscaledValue().toString();
    String text = insertDecimal(s.length() - digits.scale(), s, abs);
    return value < 0 ? "-" + text : text;
  }

  /**
   * io_lib_format's {@code insert_decimal/3} (OTP 25): digits {@code s}, the decimal point {@code
   * point} places after their start (so {@code 0.s} times ten to {@code point}); plain notation
   * unless scientific is shorter, scientific from 2^53 up.
   */
  private static String insertDecimal(int point, String s, double abs) {
    int l = s.length();
    if (point == 0) {
      return "0." + s;
    }
    if (point > 0 && point < l) {
      return s.substring(0, point) + "." + s.substring(point);
    }
    String expL = Integer.toString(point - 1);
    int expCost = expL.length() + 1 + (l == 1 ? 2 : 1);
    if (point < 0) {
      return 2 - point <= expCost ? "0." + "0".repeat(-point) + s : insertExp(expL, s);
    }
    return point - l + 2 <= expCost && abs < 9007199254740992.0
        ? s + "0".repeat(point - l) + ".0"
        : insertExp(expL, s);
  }

  private static String insertExp(String expL, String s) {
    return s.length() == 1 ? s + ".0e" + expL : s.charAt(0) + "." + s.substring(1) + "e" + expL;
  }
}
