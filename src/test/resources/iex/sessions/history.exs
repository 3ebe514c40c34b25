1 + 1
v(1)
:hello
v()
v(-2)
v 3
v
v(100)
v(-100)
{:ok, sup} = Servy.ServicesSupervisor.start_link()
v(-1)
recompile()
recompile
