#!/bin/sh
# Records the public functions and macros (and a behaviour's callbacks) of the Elixir modules a
# chapter reader meets, as Elixir 1.14 exports them, into
# src/main/resources/dev/kaboom/console/elixir-functions.txt: one line a module,
# "Module name/arity ...", and "Module@callbacks name/arity ...". The console's `h` tells from it
# a function whose docs it has not bundled (it says where they are) from one that does not exist
# (iex's "No documentation for ... was found"). Needs Elixir; tests do not.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/src/main/resources/dev/kaboom/console/elixir-functions.txt"
elixir -e '
mods = [Kernel, Kernel.SpecialForms, Enum, Process, GenServer, Supervisor, DynamicSupervisor, IO,
        List, Map, Tuple, String, Keyword, Integer, Atom, Agent, Task, Node, IEx.Helpers, System,
        Application, Registry]
IO.puts("# Elixir #{System.version()} (OTP #{System.otp_release()}): exported functions and macros, by conformance/iex/record-functions.sh")
for m <- mods do
  Code.ensure_loaded(m)
  fs = (m.__info__(:functions) ++ m.__info__(:macros))
       |> Enum.reject(fn {n, _} -> String.starts_with?(Atom.to_string(n), "_") end)
       |> Enum.sort() |> Enum.map(fn {n, a} -> "#{n}/#{a}" end)
  IO.puts("#{inspect(m)} #{Enum.join(fs, " ")}")
  if function_exported?(m, :behaviour_info, 1) do
    cbs = m.behaviour_info(:callbacks) |> Enum.sort() |> Enum.map(fn {n, a} -> "#{n}/#{a}" end)
    IO.puts("#{inspect(m)}@callbacks #{Enum.join(cbs, " ")}")
  end
end
' > "$out"
echo "$(grep -vc '^#' "$out") lines recorded in $out"

# The Erlang modules a chapter reader calls from iex: "module app-vsn name/arity ..." with the
# exports in module_info(:exports) order (iex's "Did you mean" keeps that order among equals; the
# app is what iex prints before a stack line, none for a preloaded module such as :erlang), into
# erlang-functions.txt. The console's UndefinedFunctionError for :lists.nope/1 reads it.
erl_out="$root/src/main/resources/dev/kaboom/console/erlang-functions.txt"
elixir -e '
mods = [:erlang, :lists, :math, :rand, :timer, :maps, :string, :io, :ets, :os, :binary, :queue,
        :proc_lib, :sys, :supervisor, :gen_server, :application, :code, :calendar, :logger,
        :gen_statem, :gen_event, :file, :dets, :persistent_term, :counters, :atomics]
IO.puts("# OTP #{System.otp_release()} (Elixir #{System.version()}): exported functions, by conformance/iex/record-functions.sh")
for m <- mods do
  Code.ensure_loaded(m)
  app =
    case :application.get_application(m) do
      {:ok, a} -> {:ok, vsn} = :application.get_key(a, :vsn); "#{a}-#{vsn}"
      :undefined -> "-"
    end
  fs = m.module_info(:exports)
       |> Enum.reject(fn {n, _} -> n in [:module_info] end)
       |> Enum.map(fn {n, a} -> "#{n}/#{a}" end)
  IO.puts("#{inspect(m)} #{app} #{Enum.join(fs, " ")}")
end
' > "$erl_out"
echo "$(grep -vc '^#' "$erl_out") lines recorded in $erl_out"
