r = make_ref()
r == r
r == make_ref()
is_reference(r)
{:request, make_ref()}
pid = spawn(fn -> Process.sleep(100) end)
ref = Process.monitor(pid)
Process.sleep(200)
flush()
