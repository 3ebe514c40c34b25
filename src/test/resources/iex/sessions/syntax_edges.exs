fn -> end
fn x end
case 1 do end
[| 2]
x = 1; ^x
if
if true do
:ok
else
:no
end
case :a do :a -> 1; end
fn a -> a; end.(1)
fn (a) -> a end.(2)
&(&1 + &1).(2)
receive do x -> x after -1 -> :neg end
"#{}"
not 1
!nil
1 in :a
[1, 2 | [3]]
