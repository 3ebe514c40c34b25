# Records how Elixir 1.14 on OTP 25 writes floats, for NumbersTest (the console's
# FloatTerm.shortest and Inspect.floatText must write each the same):
#
#   elixir conformance/iex/record-floats.exs > src/test/resources/iex/floats.tsv
#
# Each line: the double's 64 bits (unsigned, decimal), Float.to_string/1, inspect/1. The values:
# edge cases (powers of ten, 2^53, the extremes) and seeded random floats of every magnitude,
# whole floats and floats rounded to a few digits.
:rand.seed(:exsss, {1, 2, 3})

specials =
  [0.1, 0.2, 0.3, 1.0, 10.0, 100.0, 1000.0, 10000.0, 12345600.0, 1.0e15, 1.0e16] ++
    [9.007199254740992e15, 9.007199254740993e15, 1.0e-4, 1.0e-5, 0.00012, 123.456, 5.0e-324] ++
    [1.7976931348623157e308, 2.2250738585072014e-308, 0.5, 1.5, 1.0e21, 1.0e22, 1.0e23, 4.35] ++
    [2.675, 1.0e100, 3.0e100, 123456789.0, 1234567890123.0, 0.000123456, 1.0e-10] ++
    [999999999999999.9, 8.41e21, 5.0e-5, 0.00015, 1.0e7, 1.0e6, 1.5e6, 123.0, 1230.0, 12300.0] ++
    [2.0e3, 0.0, -0.0]

randoms = for _ <- 1..400, do: :rand.uniform() * 10 * :math.pow(10, :rand.uniform(80) - 40)
whole = for _ <- 1..200, do: :rand.uniform(100_000) * :math.pow(10, :rand.uniform(25) - 5) * 1.0
short = for _ <- 1..200, do: Float.round(:rand.uniform() * :math.pow(10, :rand.uniform(12) - 3), :rand.uniform(4))

for f <- specials ++ randoms ++ whole ++ short ++ Enum.map(specials, &(-&1)) do
  <<bits::64>> = <<f::float>>
  IO.puts("#{bits}\t#{Float.to_string(f)}\t#{inspect(f)}")
end
