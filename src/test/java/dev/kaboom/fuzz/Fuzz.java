package dev.kaboom.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Shared pieces of the fuzz properties: input shapes (truncated, deeply nested, huge numbers,
 * binary garbage) and a guard that runs one input on a worker thread and fails the property if it
 * throws anything but the reader's own error, or uses more than a second of CPU time (a hang guard,
 * not a timing measurement: it counts the worker's CPU time, so a machine busy with other work does
 * not fail a quick input).
 *
 * <p>How many inputs: {@code -Dkaboom.fuzz.tries=N} (default 1,000 in {@code mvn -B test}; the full
 * run is {@code mvn -B test -Dtest='*FuzzProperties' -Dkaboom.fuzz.tries=100000}). jqwik prints the
 * seed of a failing run; {@code -Djqwik.seeds.default} is not needed, the seeds are fixed in the
 * properties.
 */
public final class Fuzz {
  private Fuzz() {}

  /** The worker thread's id (there is one worker; set when it starts). */
  private static volatile long workerId = -1;

  private static final ExecutorService WORKER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(null, r, "fuzz-input", 1 << 20);
            t.setDaemon(true);
            workerId = t.getId();
            return t;
          });

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** CPU time an input may use: a reader that needs more is taken to hang. */
  private static final long CPU_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * Wall time after which an input fails even if it used little CPU (a reader blocked forever); far
   * above what a busy machine takes, so that load never fails an input.
   */
  private static final long WALL_LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(2);

  /**
   * Runs {@code body} on the worker thread; returns its value. An input on which the reader uses
   * more than a second of CPU time (or is stuck for two minutes) fails with the input in the
   * message; so does any exception. CPU time, not the clock: on a machine busy with other builds a
   * quick input may wait longer than a second for a core, and that is not a hang.
   */
  public static <T> T endsWithinASecond(String input, Callable<T> body) {
    boolean cpuTimed = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    AtomicLong cpuAtStart = new AtomicLong(-1);
    Future<T> f =
        WORKER.submit(
            () -> {
              cpuAtStart.set(cpuTimed ? THREADS.getCurrentThreadCpuTime() : -1);
              return body.call();
            });
    try {
      for (long waited = 100; ; waited += 100) { // (each wait is at least 100 ms)
        try {
          return f.get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          long start = cpuAtStart.get();
          boolean hangs =
              cpuTimed && start >= 0
                  ? THREADS.getThreadCpuTime(workerId) - start > CPU_LIMIT_NANOS
                  : !cpuTimed && waited >= 1000;
          if (hangs || waited >= WALL_LIMIT_MILLIS) {
            f.cancel(true);
            throw new AssertionError("did not end within a second: " + shorten(input), e);
          }
        }
      }
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause() + " on input: " + shorten(input), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The input as a Java string literal, cut to 300 characters. */
  public static String shorten(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .limit(300)
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                b.append('\\').appendCodePoint(c);
              } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.append(s.length() > 300 ? "\"... (" + s.length() + " chars)" : "\"").toString();
  }

  /** {@code text} cut at a random place (a file or line that ends too early). */
  public static Arbitrary<String> truncated(Arbitrary<String> texts) {
    return texts.flatMap(
        t -> Arbitraries.integers().between(0, t.length()).map(n -> t.substring(0, n)));
  }

  /**
   * {@code text} with a few random edits: a character replaced, deleted or inserted, a slice
   * repeated.
   */
  public static Arbitrary<String> mutated(Arbitrary<String> texts, Arbitrary<String> inserts) {
    return texts.flatMap(
        t -> {
          Arbitrary<Integer> at = Arbitraries.integers().between(0, t.length());
          return Arbitraries.lazyOf(
              () -> at.flatMap(i -> inserts.map(x -> t.substring(0, i) + x + t.substring(i))),
              () -> at.map(i -> i < t.length() ? t.substring(0, i) + t.substring(i + 1) : t),
              () ->
                  at.flatMap(
                      i ->
                          Arbitraries.integers()
                              .between(i, Math.min(t.length(), i + 40))
                              .flatMap(
                                  j ->
                                      Arbitraries.integers()
                                          .between(2, 50)
                                          .map(
                                              k ->
                                                  t.substring(0, j)
                                                      + t.substring(i, j).repeat(k)
                                                      + t.substring(j)))));
        });
  }

  /** Opening and closing brackets nested {@code 1..maxDepth} deep around {@code core}. */
  public static Arbitrary<String> nested(
      String open, String close, Arbitrary<String> core, int maxDepth) {
    return Arbitraries.integers()
        .between(1, maxDepth)
        .flatMap(
            d ->
                core.flatMap(
                    c ->
                        Arbitraries.of(true, false)
                            .map(
                                balanced ->
                                    open.repeat(d)
                                        + c
                                        + (balanced ? close.repeat(d) : close.repeat(d / 2)))));
  }

  /** Numbers far outside 64 bits, negative, with exponents, fractions, leading zeros. */
  public static Arbitrary<String> hugeNumbers() {
    return Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(400),
        Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(60).map(s -> "-" + s),
        Arbitraries.of(
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "1e400",
            "-1e-400",
            "1E999999999",
            "0.0000000000000000000000001",
            "00000000000000000007",
            "1_000_000_000_000_000_000_000",
            "NaN",
            "Infinity",
            "-0",
            "0x7fffffffffffffffff",
            "2147483648",
            "4294967296",
            "1.7976931348623157E309"));
  }

  /** Any characters at all, including NUL, control characters, lone surrogates and U+FFFF. */
  public static Arbitrary<String> garbage(int maxLength) {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(maxLength),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(maxLength),
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMaxSize(maxLength)
            .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)));
  }

  /**
   * The texts of the files in {@code dir} (relative to the project) that {@code keep} accepts, in
   * name order: the bundled files a property starts from.
   */
  public static java.util.List<String> bundled(
      String dir, java.util.function.Predicate<java.nio.file.Path> keep) {
    try (java.util.stream.Stream<java.nio.file.Path> files =
        java.nio.file.Files.list(java.nio.file.Path.of(dir))) {
      java.util.List<java.nio.file.Path> kept = files.filter(keep).sorted().toList();
      java.util.List<String> texts = new java.util.ArrayList<>();
      for (java.nio.file.Path f : kept) {
        texts.add(java.nio.file.Files.readString(f));
      }
      return texts;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
