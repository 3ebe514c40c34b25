Enum.reduce(1..25, 1, &*/2)
2 ** 100
2 ** 3 ** 2
-2 ** 2
2 * 3 ** 2
Integer.pow(2, 100)
Integer.pow(2, -1)
Integer.pow(2.0, 2)
div(2 ** 100, 3)
rem(2 ** 100, 7)
div(-7, 2)
rem(-7, 2)
div(1, 0)
rem(2 ** 70, 0)
Integer.mod(-7, 2)
Integer.floor_div(-7, 2)
Integer.mod(7, 0)
abs(-(2 ** 100))
abs(:a)
-(2 ** 64)
-:a
2 ** 100 > 2 ** 99
2 ** 64 == 18446744073709551616
9223372036854775807 + 1
-9223372036854775808 - 1
9223372036854775807 * 9223372036854775807
x = 123456789012345678901234567890
x * x
x - x
x - x === 0
Integer.to_string(2 ** 70)
Integer.to_string(2 ** 70, 16)
Integer.to_string(255, 1)
Integer.to_string(:a)
"#{2 ** 70}"
Integer.parse("12abc")
Integer.parse("123456789012345678901234567890 rest")
Integer.parse("-12.5")
Integer.parse("abc")
Integer.parse("ff", 16)
Integer.parse("12", 37)
Integer.parse(:a)
String.to_integer("123456789012345678901234567890")
String.to_integer("1.5")
Integer.digits(-123)
Integer.gcd(12, 18)
Integer.gcd(1.0, 2)
is_integer(2 ** 100)
Enum.sum([2 ** 64, 1])
Enum.sum(1..10_000_000_000)
Enum.max([2 ** 64, 2 ** 65, 3])
Enum.sort([2 ** 65, 1, 2 ** 64])
[2 ** 64, 2 ** 80]
{2 ** 64, :big}
%{2 ** 64 => :big}
case 2 ** 64 do
  18446744073709551616 -> :matched
end
big = 2 ** 64
^big = 18446744073709551616
:a ** 2
2 ** :a
0x1F + 0b101 + 0o17
1_000_000 * 1_000_000 * 1_000_000
case -1 do
  -1 -> :negative
end
-5 = -5
Enum.take([1, 2, 3], 2 ** 70)
Enum.take([1, 2, 3], -(2 ** 70))
Enum.at([1, 2, 3], 2 ** 70)
Integer.to_string(-255, 16)
rem(-(2 ** 70), 3)
div(2 ** 70, -3)
-9223372036854775808 * -1
