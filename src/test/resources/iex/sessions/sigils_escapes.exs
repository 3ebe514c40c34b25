~w(a b c)
~w(a b c)a
~w(a b c)s
~w(a b c)c
~w[x  y]
~w{x y}
~w<x y>
~w|x y|
~w"x y"
~w/x y/
~w'x y'
~s(hello "world")
~s(a #{1 + 1} b)
~S(a #{1 + 1} b)
~c(abc)
~C(a#{1})
~c(a #{1})
~w()
~w(a b)x
~w(a\nb)
~s(a\tb)
~S(a\tb)
~W(a #{1})
"\u0041"
"\u{1F600}"
"\x41"
"a\tb\nc\e\0\\\""
"\a\b\f\r\v\s\d"
"\u{41}\u{0042}"
"\xff"
'\x41'
"\q"
"\z"
:"a\nb"
"é"
String.length("\u{1F600}")
byte_size("é")
IO.puts ~s(tab\there)
~w(pledge_server sensor_server)a |> Enum.map(&Process.whereis/1)
x = "moe"
~w(#{x} larry)
String.length(~s(a\u00e9b))
"\x41\x42" == "AB"
'\x41\t'
~c"it's"
~S"a\"b"
"a\
b"
