# The Servy modules of the course chapter "Fault Recovery with OTP Supervisor", written from the
# chapter and ../../../docs/console.md (what each module prints and returns). record.sh compiles
# this file into iex so the recorded sessions run against the same code the chapter shows.

defmodule Servy.HttpServer do
  # The chapter's HTTP server accepts connections forever; here it just waits forever.
  def start(_port) do
    receive do
      :never -> :ok
    end
  end
end

defmodule Servy.KickStarter do
  use GenServer

  def start_link(_arg \\ :ok) do
    IO.puts("Starting the kickstarter...")
    GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  end

  def init(:ok) do
    Process.flag(:trap_exit, true)
    server_pid = start_server()
    {:ok, server_pid}
  end

  def handle_info({:EXIT, _pid, reason}, _state) do
    IO.puts("HttpServer exited (#{inspect(reason)})")
    server_pid = start_server()
    {:noreply, server_pid}
  end

  defp start_server do
    IO.puts("Starting the HTTP server...")
    server_pid = spawn_link(Servy.HttpServer, :start, [4000])
    Process.register(server_pid, :http_server)
    server_pid
  end
end

defmodule Servy.PledgeServer do
  use GenServer

  @name :pledge_server

  def start_link(_arg \\ :ok) do
    IO.puts("Starting the pledge server...")
    GenServer.start_link(__MODULE__, [], name: @name)
  end

  def create_pledge(name, amount) do
    GenServer.call(@name, {:create_pledge, name, amount})
  end

  def recent_pledges do
    GenServer.call(@name, :recent_pledges)
  end

  def total_pledged do
    GenServer.call(@name, :total_pledged)
  end

  def init(pledges), do: {:ok, pledges}

  def handle_call({:create_pledge, name, amount}, _from, pledges) do
    id = "pledge-#{:rand.uniform(1000)}"
    {:reply, id, [{name, amount} | Enum.take(pledges, 2)]}
  end

  def handle_call(:recent_pledges, _from, pledges), do: {:reply, pledges, pledges}

  def handle_call(:total_pledged, _from, pledges) do
    {:reply, pledges |> Enum.map(&elem(&1, 1)) |> Enum.sum(), pledges}
  end
end

defmodule Servy.SensorServer do
  use GenServer

  @name :sensor_server

  def start_link(interval) do
    IO.puts("Starting the sensor server with #{interval}...")
    GenServer.start_link(__MODULE__, interval, name: @name)
  end

  def get_sensor_data do
    GenServer.call(@name, :get_sensor_data)
  end

  def init(interval) do
    IO.puts("Running tasks to get sensor data...")
    schedule_refresh(interval)
    {:ok, %{interval: interval, data: sensor_data()}}
  end

  def handle_info(:refresh, state) do
    schedule_refresh(state.interval)
    {:noreply, %{state | data: sensor_data()}}
  end

  def handle_call(:get_sensor_data, _from, state), do: {:reply, state.data, state}

  defp schedule_refresh(interval), do: Process.send_after(self(), :refresh, :timer.seconds(interval))

  defp sensor_data, do: %{snapshots: ["cam-1", "cam-2", "cam-3"]}
end

defmodule Servy.ServicesSupervisor do
  use Supervisor

  def start_link(_arg \\ :ok) do
    IO.puts("Starting the services supervisor...")
    Supervisor.start_link(__MODULE__, :ok, name: __MODULE__)
  end

  def init(:ok) do
    children = [
      Servy.PledgeServer,
      {Servy.SensorServer, 60}
    ]

    Supervisor.init(children, strategy: :one_for_one)
  end
end

defmodule Servy.Supervisor do
  use Supervisor

  def start_link do
    IO.puts("Starting THE supervisor...")
    Supervisor.start_link(__MODULE__, :ok, name: __MODULE__)
  end

  def init(:ok) do
    children = [
      Servy.KickStarter,
      Servy.ServicesSupervisor
    ]

    Supervisor.init(children, strategy: :one_for_one)
  end
end
