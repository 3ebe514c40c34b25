m = %{a: 1, b: 2}
m[:a]
m[:z]
kw = [a: 1, b: 2, a: 3]
kw[:a]
kw[:z]
nil[:x]
%{"k" => 1}["k"]
m[:a] + 1
%{m | a: 5}
%{m | z: 5}
%{m | a: 5, b: 6}
%{%{a: 1} | a: 2}
%{m | "a" => 5}
%{nil | a: 1}
%{[] | a: 1}
[1, 2][0]
{1, 2}[0]
3[:a]
"abc"[0]
kw["a"]
m.a
m.z
l = [a: %{b: 1}]
l[:a][:b]
get_in(m, [:a])
put_in(m[:a], 9)
put_in(m, [:a], 9)
update_in(m, [:a], &(&1 + 1))
get_in(%{a: %{b: 3}}, [:a, :b])
put_in(%{a: %{b: 3}}, [:a, :b], 4)
s = %{user: %{name: "moe"}}
s.user.name
put_in(s.user.name, "larry")
update_in(s[:user][:name], &String.upcase/1)
m [:a]
Map.get(m, :a)
m[:a]
(1..3)[:a]
get_in(nil, [:a])
put_in(nil, [:a], 1)
put_in(%{a: nil}, [:a, :b], 1)
put_in([a: 1], [:a], 2)
put_in([a: 1, a: 3], [:a], 2)
put_in([b: 1], [:a], 2)
put_in(3, [:a], 2)
put_in([1], [0], 2)
put_in(s.user.nope, 1)
put_in(s.nope.x, 1)
put_in(s[:nope][:x], 1)
update_in(%{a: 1}, [:b], fn x -> x end)
get_in(%{a: 1}, [:a, :b])
get_in(%{a: 1}, :a)
put_in(%{a: 1}, [], 1)
get_in(%{a: 1}, [])
update_in(%{a: 1}, [:a], 3)
m = %{a: 1}
%{m | a: 2, z: 1}
%{m | a: 2, a: 3}
%{m |
 a: 7}
x = 5
%{x | a: 1}
update_in(3, [:a], fn x -> x end)
x = 3
put_in(x[:a], 1)
update_in(x[:a], fn x -> x end)
update_in(nil, [:a], fn x -> x end)
%{a: 1, a: 2}
