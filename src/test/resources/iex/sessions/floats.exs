1.5
1_000.5
1.0e10
0.1 + 0.2
1.0e16
1.0e15
1.0e-5
0.0001
100000.0
-0.0
3.0e100
12345678901234567.0
123456789.123
[1.0, 2.5, 1.0e20, 1.0e-10]
10 / 2
1 / 3
7 / 2
2.0 ** 3
2 ** -1
2 ** 0.5
0 ** -1
1 + 1.0
2 - 0.5
3 * 1.0e16
1.0 + 2 ** 64
(2 ** 64) / 2
1 / 0
1.0 / 0
1 / 0.0
1.0e308 * 10
1.0 + 10 ** 400
1 == 1.0
1 === 1.0
1 != 1.0
1 !== 1.0
-0.0 === 0.0
[1, 2.0] == [1.0, 2]
{1} === {1.0}
%{1 => :a} == %{1.0 => :a}
%{1 => :a, 1.0 => :b}
1 < :a
1.0 < 1
1.5 > 1
max(1, 1.0)
max(1.0, 1)
min(1, 1.0)
Enum.sort([2, 1.0, 1])
Enum.max([1, 2.0, 2])
Enum.sum([1, 2.5])
round(2.5)
round(-2.5)
round(2.4999)
trunc(-2.7)
trunc(1.0e20)
floor(-2.5)
ceil(2.1)
ceil(2)
round(:a)
trunc("x")
floor(:a)
abs(-3.5)
Float.round(3.14159, 2)
Float.round(-2.675, 2)
Float.round(0.1 + 0.2, 2)
Float.round(2.5)
Float.round(-0.4)
Float.round(5.5675, 3)
Float.round(1.0e20, 2)
Float.round(1.5, 16)
Float.round(1)
Float.ceil(1.2)
Float.ceil(-0.5)
Float.floor(-1.2, 1)
Float.floor(-0.001, 2)
Float.ceil(1)
Float.floor(1, 2)
Float.to_string(1.5)
Float.to_string(1.0e15)
Float.to_string(1000.0)
Float.to_string(1)
to_string(1.0e15)
"#{1.5} and #{1.0e-5}"
inspect(1.0e16)
IO.puts(2.5)
Float.parse("1.5xyz")
Float.parse("1")
Float.parse("1e5")
Float.parse(".5")
Float.parse("1.5e")
Float.parse("-1.5E3x")
Float.parse("1.0e400")
Float.parse(1)
String.to_float("1.5")
String.to_float("1")
is_float(1.0)
is_float(1)
is_number(1)
is_number(1.0)
is_number(:a)
x = 1.5
case x do
  1.5 -> :yes
end
case 1 do
  1.0 -> :float
  1 -> :int
end
1.0 = 1
1.0 = 1.0
0.0 = -0.0
f = fn x when is_float(x) -> :float; x when is_integer(x) -> :int end
f.(2.0)
f.(2)
:math.sqrt(16)
:math.sqrt(-1)
:math.pow(2, 10)
:math.pi()
1.0e1000
Enum.map([1, 2], &(&1 / 2))
Enum.sum(1..3) / 2
[1.5 | 2.5]
1.0e15 + 0.3
-0.0 + 0.0
0.0 * -1
Enum.max([1.0e16, 2 ** 80])
elem({1, 2}, 1.0)
Process.sleep(1.5)
Process.sleep(-5)
-1.5 = -1.5
case -0.5 do
  -0.5 -> :negative
end
{:ok, -0.0} = {:ok, 0.0}
1.0e-323
