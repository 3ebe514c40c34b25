{:ok, sup} =
  Servy.ServicesSupervisor.start_link()
Supervisor.which_children(
  sup
)
[
  :a,
  :b
]
Supervisor.count_children(sup)
