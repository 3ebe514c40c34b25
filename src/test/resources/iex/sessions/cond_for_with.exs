cond do
  1 > 2 -> :a
  true -> :b
end
cond do 1 > 2 -> :a end
x = 5
cond do x > 3 -> "big"; x > 1 -> "mid"; true -> "small" end
for x <- [1, 2, 3], do: x * 2
for x <- 1..4, rem(x, 2) == 0, do: x
for x <- [1, 2], y <- [:a, :b], do: {x, y}
for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {k, v * 10}
for {:ok, v} <- [{:ok, 1}, {:error, 2}, {:ok, 3}], do: v
for x <- [1, 2, 3] do
  x + 1
end
for x <- 5, do: x
for x <- [1, 2], into: %{}, do: x
with {:ok, a} <- {:ok, 1}, {:ok, b} <- {:ok, 2}, do: a + b
with {:ok, a} <- {:error, :nope}, do: a
with {:ok, a} <- {:error, :nope} do
  a
else
  {:error, reason} -> {:failed, reason}
end
with {:ok, a} <- {:oops, 1} do a else {:error, _} -> :e end
with x = 2, {:ok, y} <- {:ok, x * 3}, do: y
rem(7, 2)
div(7, 2)
div(7, 0)
