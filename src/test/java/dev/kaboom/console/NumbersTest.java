package dev.kaboom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaboom.engine.BigIntTerm;
import dev.kaboom.engine.FloatTerm;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.Term;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's numbers: integers past 64 bits, floats written as Elixir 1.14 writes them, {@code
 * ==} against {@code ===} and the order between integers and floats (sessions {@code integers} and
 * {@code floats} compare whole lines with iex; these check the parts).
 */
class NumbersTest {
  private static final Term TWO_TO_64 = BigIntTerm.of(BigInteger.ONE.shiftLeft(64));

  /**
   * Every float of {@code src/test/resources/iex/floats.tsv} (recorded from Elixir 1.14 on OTP 25
   * by conformance/iex/record-floats.exs: edge cases and seeded random floats of every magnitude)
   * is written as {@code Float.to_string/1} and {@code inspect/1} wrote it.
   */
  @Test
  void floatsAreWrittenAsElixirWritesThem() throws Exception {
    List<String> wrong = new ArrayList<>();
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/iex/floats.tsv"));
    for (String line : lines) {
      String[] f = line.split("\t");
      double d = Double.longBitsToDouble(Long.parseUnsignedLong(f[0]));
      String toString = FloatTerm.shortest(d);
      String inspected = Inspect.inspect(new FloatTerm(d));
      if (!toString.equals(f[1]) || !inspected.equals(f[2])) {
        wrong.add(line + " -> " + toString + " / " + inspected);
      }
    }
    assertThat(lines).hasSizeGreaterThan(800);
    assertThat(wrong).isEmpty();
  }

  @Test
  void anIntegerIsALongWhileItFitsWhicheverWayItWasComputed() {
    Term max = new IntTerm(Long.MAX_VALUE);
    Term past = Numbers.arith("+", max, new IntTerm(1));
    assertThat(past).isInstanceOf(BigIntTerm.class);
    assertThat(past.format()).isEqualTo("9223372036854775808");
    Term back = Numbers.arith("-", past, new IntTerm(1));
    assertThat(back).isEqualTo(max).isInstanceOf(IntTerm.class);
    assertThat(Numbers.negate(new IntTerm(Long.MIN_VALUE)).format())
        .isEqualTo("9223372036854775808");
    assertThat(Numbers.arith("*", new IntTerm(Long.MIN_VALUE), new IntTerm(-1)).format())
        .isEqualTo("9223372036854775808");
    assertThat(Numbers.divRem("div", new IntTerm(Long.MIN_VALUE), new IntTerm(-1), null).format())
        .isEqualTo("9223372036854775808");
    // the same integer, as a map key and in a match, whichever way it was made
    Term big = Numbers.power(new IntTerm(2), new IntTerm(64));
    assertThat(big).isEqualTo(TWO_TO_64).hasSameHashCodeAs(TWO_TO_64);
    assertThat(Map.of(big, 1)).containsKey(TWO_TO_64);
    assertThat(Numbers.arith("-", big, TWO_TO_64)).isEqualTo(new IntTerm(0));
  }

  @Test
  void integersAndFloatsCompareByValueButAreNotTheSameTerm() {
    Term one = new IntTerm(1);
    Term oneFloat = new FloatTerm(1.0);
    assertThat(Numbers.looselyEqual(one, oneFloat)).isTrue();
    assertThat(one).isNotEqualTo(oneFloat);
    assertThat(Numbers.looselyEqual(Term.tuple(one), Term.tuple(oneFloat))).isTrue();
    // 2^53 + 1 is no double: it is above the float 2^53, exactly
    Term above = Numbers.arith("+", new IntTerm(1L << 53), one);
    assertThat(Numbers.compare(above, new FloatTerm(9007199254740992.0))).isPositive();
    assertThat(Numbers.compare(TWO_TO_64, new FloatTerm(1.8446744073709552e19))).isZero();
    assertThat(Inspect.compare(new FloatTerm(1.0e300), Term.atom("a"))).isNegative();
    // OTP 25: 0.0 and -0.0 are the same term, written apart
    assertThat(new FloatTerm(-0.0)).isEqualTo(new FloatTerm(0.0)).hasSameHashCodeAs(0.0);
    assertThat(Inspect.inspect(new FloatTerm(-0.0))).isEqualTo("-0.0");
  }

  @Test
  void floatArithmeticRaisesWhereErlangDoes() {
    assertThat(Numbers.arith("/", new IntTerm(10), new IntTerm(2))).isEqualTo(new FloatTerm(5.0));
    assertThatThrownBy(() -> Numbers.arith("/", new IntTerm(1), new FloatTerm(0.0)))
        .hasMessage("bad argument in arithmetic expression: 1 / 0.0");
    assertThatThrownBy(() -> Numbers.arith("*", new FloatTerm(1.0e308), new IntTerm(10)))
        .hasMessage("bad argument in arithmetic expression: 1.0e308 * 10");
    assertThatThrownBy(
            () ->
                Numbers.arith(
                    "+", new FloatTerm(1.0), Numbers.power(new IntTerm(10), new IntTerm(400))))
        .isInstanceOf(ConsoleError.class);
    assertThat(Numbers.power(new IntTerm(2), new IntTerm(-1))).isEqualTo(new FloatTerm(0.5));
  }

  @Test
  void roundingIsExactOnTheBinaryValue() {
    assertThat(Numbers.call("round/1", List.of(new FloatTerm(0.49999999999999994))))
        .isEqualTo(new IntTerm(0));
    assertThat(Numbers.call("round/1", List.of(new FloatTerm(-2.5)))).isEqualTo(new IntTerm(-3));
    assertThat(Numbers.call("trunc/1", List.of(new FloatTerm(1.0e20))).format())
        .isEqualTo("100000000000000000000");
    assertThat(Numbers.call("Float.round/2", List.of(new FloatTerm(2.675), new IntTerm(2))))
        .isEqualTo(new FloatTerm(2.67)); // 2.675 is 2.67499999... in binary
    assertThat(Numbers.call("Float.round/1", List.of(new FloatTerm(-0.4))).toString())
        .isEqualTo("0.0");
    assertThat(Numbers.call("Float.ceil/1", List.of(new FloatTerm(-0.5))).toString())
        .isEqualTo("-0.0");
  }

  @Test
  void aHugeIntegerIsRefusedWithOneClearLine() {
    assertThatThrownBy(() -> Numbers.power(new IntTerm(2), new IntTerm(100_000_000)))
        .isInstanceOf(ConsoleError.class)
        .hasMessageContaining("system limit");
    assertThat(Numbers.power(new IntTerm(-1), new IntTerm(100_000_001))).isEqualTo(new IntTerm(-1));
  }
}
