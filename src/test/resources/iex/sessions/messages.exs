send(self(), :hello)
send(self(), {:pledge, "larry", 10})
flush()
flush()
me = self()
is_pid(me)
:ok
[1, 2, 3] |> length()
%{name: "larry", amount: 10}
'abc'
[?a, 200]
{:ok, [one: 1, two: 2]}
