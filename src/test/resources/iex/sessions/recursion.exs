f = fn g, n -> if n == 0, do: 0, else: 1 + g.(g, n - 1) end
f.(f, 10)
f.(f, 10_000)
fact = fn g, n -> if n <= 1, do: 1, else: n * g.(g, n - 1) end
fact.(fact, 30)
fact.(fact, 100)
len = fn g, list -> case list do [] -> 0; [_ | t] -> 1 + g.(g, t) end end
len.(len, Enum.to_list(1..10_000))
acc = Enum.reduce(1..10_000, [], fn x, acc -> [x | acc] end)
length(acc)
sum = fn g, list -> case list do [] -> 0; [h | t] -> h + g.(g, t) end end
sum.(sum, acc)
t = [2, 3]
{[1 | t], [9 | t], t}
nested = Enum.reduce(1..10_000, [], fn x, acc -> [acc, x] end)
List.flatten(nested) |> length()
fib = fn g, n -> if n < 2, do: n, else: g.(g, n - 1) + g.(g, n - 2) end
fib.(fib, 20)
countdown = fn g, n -> if n > 0, do: g.(g, n - 1), else: :done end
countdown.(countdown, 10_000)
