package dev.kaboom.engine;

import java.math.BigInteger;

/**
 * An Erlang integer outside the 64 bits of {@link IntTerm} (Erlang's integers are unbounded: a
 * bignum). Made only through {@link #of}, so an integer that fits a {@code long} is always an
 * {@link IntTerm} and two equal integers are equal terms whichever way they were computed.
 */
public record BigIntTerm(BigInteger value) implements Term {
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** {@code value} as a term: an {@link IntTerm} when it fits 64 bits, else a BigIntTerm. */
  public static Term of(BigInteger value) {
    if (value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0) {
      return new IntTerm(value.longValue());
    }
    return new BigIntTerm(value);
  }

  @Override
  public void appendTo(StringBuilder out, boolean anonymous) {
    out.append(value);
  }

  @Override
  public String toString() {
    return format();
  }
}
