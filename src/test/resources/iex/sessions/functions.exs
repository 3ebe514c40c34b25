add = fn a, b -> a + b end
add.(1, 2)
double = fn x -> x * 2 end
double.(21)
Enum.map([1, 2, 3], double)
Enum.map([1, 2, 3], fn x -> x + 1 end)
hello = fn -> IO.puts("hello from a function") end
hello.()
hello.(1)
one = fn 1 -> :one end
one.(2)
x = 5
x.(1)
fn x -> x end.(3)
pid = spawn(fn -> IO.puts("hi from a spawned process") end); Process.sleep(10)
Process.alive?(pid)
worker = spawn(fn -> Process.sleep(500); IO.puts("done sleeping") end)
Process.alive?(worker)
Process.sleep(1000)
Process.alive?(worker)
spawn fn -> IO.puts("no parentheses") end; Process.sleep(10)
total = fn -> Servy.PledgeServer.total_pledged() end
exit(:normal)
spawn_link(fn -> exit(:boom) end); Process.sleep(50)
self()
