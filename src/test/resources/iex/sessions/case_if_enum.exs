case {:ok, 1} do
  {:ok, n} -> n + 1
  {:error, _} -> :err
end
case :x do :y -> 1 end
case 5 do n when n > 3 -> :big; _ -> :small end
if 1 > 2 do :yes else :no end
if nil, do: 1
if true, do: :a, else: :b
x = if false do 1 end
unless false do :ran end
case Process.whereis(:nobody) do nil -> "not running"; pid -> pid end
case {1, 2} do {a, b} -> a end
Enum.filter([1, 2, 3, 4], fn x -> x > 2 end)
Enum.reject([1, 2, 3], &(&1 == 2))
Enum.reduce([1, 2, 3], 0, fn x, acc -> x + acc end)
Enum.count([1, 2])
Enum.sum([1, 2, 3])
Enum.take([1, 2, 3], 2)
Enum.find([1, 2, 3], fn x -> x > 1 end)
Enum.member?([1, 2], 2)
Enum.reverse([1, 2, 3])
Enum.map(%{a: 1, b: 2}, fn {k, v} -> {v, k} end)
Enum.sum([1, :a])
