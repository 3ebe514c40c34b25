f = fn :a -> 1; :b -> 2 end
f.(:a)
f.(:b)
f.(:c)
g = fn
  {:ok, v} -> v
  {:error, reason} -> reason
end
g.({:ok, 1})
g.({:error, :nope})
g.(:other)
sign = fn x when x > 0 -> :pos; x when x < 0 -> :neg; _ -> :zero end
sign.(5)
sign.(-3)
sign.(0)
head = fn [h | _] -> h; [] -> nil end
head.([1, 2, 3])
head.([])
get = fn %{name: n} -> n end
get.(%{name: "moe", age: 3})
get.(%{})
two = fn a, b when is_integer(a) and is_integer(b) -> a + b end
two.(1, 2)
two.(1, :x)
kind = fn
  x when is_atom(x) -> :atom
  x when is_tuple(x) or is_list(x) -> :container
  _other -> :something_else
end
Enum.map([:a, {1}, [2], "s"], kind)
fn :a -> 1; x, y -> 2 end
fn x -> :ok end
rest = fn [_ | t] -> t end
rest.([1, 2, 3])
n = 2
is_two = fn ^n -> true; _ -> false end
Enum.map([1, 2, 3], is_two)
status = fn {:ok, pid} when is_pid(pid) -> Process.alive?(pid); {:error, e} -> e end
status.(Servy.PledgeServer.start_link())
status.(Servy.PledgeServer.start_link())
[a, b | more] = [1, 2, 3, 4]
more
x = 3
x in [1, 2, 3] and not is_nil(x)
nil || :default
false && :never
1 and true
