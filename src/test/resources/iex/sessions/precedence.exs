1..3 ++ [4]
x = {:ok, 5}
with {:ok, a} <- x, do: a, else: (_ -> :err)
with {:ok, a} <- :nope, do: a, else: (_ -> :err)
with {:ok, a} <- :nope, do: a, else: (:nope -> :was_nope; _ -> :err)
with {:ok, a} <- :nope, do: a, else: (:other -> 1)
1 + 2 * 3
2 * 3 + 1
10 - 2 - 3
2 - -1
-2 + 3
not true == false
!true == false
1 < 2 == true
1 == 1 and 2 == 2
true or false and false
true || false && false
[1] ++ [2] -- [2]
[1, 2] -- [2] ++ [2]
[1, 2, 3] -- [1] -- [1]
"a" <> "b" <> "c" == "abc"
1 in [1] == true
1..10//3 |> Enum.to_list()
[1, 2] |> length() == 2
div(7, 2) * 2
1 not in [2]
1 + 1 in [2]
1..2 == 1..2
a = b = 3
a = 1 + b = 4
1 = 1 + 0
[h | t] = [1, 2 | [3]]
!!nil
- 3
+3
3 != 4 and not false
1 <= 2 and 2 >= 1
y = 5; z = 6; y * z - y
1..2 ++ [3]
[1] ++ 1..2
