x = 42
me = self()
Process.exit(self(), :kill)
x
me == self()
Process.alive?(me)
