%%% kaboom_oracle: runs a Kaboom conformance scenario (JSON) on the REAL Erlang/OTP
%%% `supervisor` behaviour with `gen_server` workers and prints its trace.
%%%
%%% Usage (see conformance/otp/run.sh and conformance/README.md):
%%%   erl +S 1 -noshell -pa conformance/otp/ebin -run kaboom_oracle main SCENARIO.json
%%%
%%% This one module plays several roles:
%%%   * the driver (main/1): starts the root with start_link, traps exits, runs the steps;
%%%   * the supervisor callback (init({sup, Path, Node}));
%%%   * the gen_server worker callback (init({worker, Path, Node}), handle_*, terminate/2);
%%%   * a logger handler (log/2) that turns the supervisor's reached_max_restart_intensity
%%%     report into a `give_up PATH ...` line;
%%%   * the event log process (kaboom_log): every process of the tree registers with it from
%%%     its init (a synchronous call, so `start` lines are in start order), and the log monitors
%%%     it: 'DOWN' messages give the `exit PATH REASON` lines in the order processes end.
%%%
%%% After the start and after every step the driver waits for quiescence: every live process
%%% of the tree idle in the gen_server loop with an empty mailbox, the log's mailbox empty, and
%%% no new event, several polls in a row (a process sleeping in terminate/2, or a supervisor
%%% waiting for a child to shut down, is not in the gen_server loop, so timed shutdowns and
%%% slow terminates are always waited for).
-module(kaboom_oracle).

-export([main/1, run/1]).
%% supervisor + gen_server callbacks
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).
%% child start functions
-export([start_sup/2, start_worker/2, start_dynsup/2]).
%% logger handler callback
-export([log/2]).
%% JSON (exported for tests)
-export([json_decode/1]).

-define(LOG, kaboom_log).

%%====================================================================
%% Entry point
%%====================================================================

main([File]) ->
    try run(File) of
        Lines ->
            io:put_chars([[L, $\n] || L <- Lines]),
            erlang:halt(0)
    catch
        throw:{invalid, Why} ->
            io:format(standard_error, "kaboom_oracle: invalid scenario ~s: ~ts~n", [File, Why]),
            erlang:halt(2);
        C:E:St ->
            io:format(standard_error, "kaboom_oracle: ~p:~p~n~p~n", [C, E, St]),
            erlang:halt(3)
    end;
main(_) ->
    io:format(standard_error, "usage: kaboom_oracle main SCENARIO.json~n", []),
    erlang:halt(2).

%% Runs a scenario and returns the trace as a list of lines (iodata).
run(File) ->
    {ok, Bin} = file:read_file(File),
    Sc = json_decode(Bin),
    Tree = get(<<"tree">>, Sc),
    Steps = maps:get(<<"steps">>, Sc, []),
    RootId = get(<<"id">>, Tree),
    is_sup(Tree) orelse throw({invalid, "the tree's root must be a supervisor"}),
    Kinds = kinds(RootId, Tree, #{}),
    preload(),
    process_flag(trap_exit, true),
    Log = spawn_link(fun() -> log_loop(#{lines => [], p2p => #{}, live => #{}}) end),
    register(?LOG, Log),
    ok = setup_logger(),
    ok = warm_logger(),
    line(["> start_link ", RootId]),
    case start_sup(RootId, Tree) of
        {ok, _Root} -> settle();
        {error, _} = Err -> settle(), line(["= ", fmt(Err)])
    end,
    lists:foldl(fun step/2, Kinds, Steps),
    settle(),
    Lines = log_call(lines),
    unlink(Log),
    exit(Log, kill),
    Lines.

%% Loads every module the run uses before the tree starts. Loaded lazily, the first use of one
%% (parsing a reason in a child's init, formatting the first exit line in the log) waits for the
%% code server in the middle of the run, and that changes the schedule: a child whose init
%% returned {stop,R} while its supervisor started then died of the supervisor's exit instead of its
%% own reason, in the first scenario only.
preload() ->
    Mods = [erl_scan, erl_anno, erl_parse, io_lib, io_lib_format, io_lib_pretty, epp, proc_lib,
            gen, gen_server, supervisor, logger, logger_backend, logger_config, timer,
            'Elixir.DynamicSupervisor', 'Elixir.Keyword', 'Elixir.Enum', 'Elixir.Map', 'Elixir.Process'],
    [{module, _} = code:ensure_loaded(M) || M <- Mods],
    _ = fmt({shutdown, {failed_to_start_child, a, [self()]}}),
    _ = term(<<"{shutdown,[1]}">>),
    ok.

%% Fills the logger's cache of each logging module's level before the tree starts. The first
%% ?LOG_ERROR of a module in a VM (logger_config:allow/2) stores that module's level with
%% persistent_term:put/2, which suspends the caller until thread progress; under `+S 1` the
%% writer then resumes only after several other processes have run. Left cold, the first crash
%% report of a run (proc_lib: a child whose init returned {stop,R}) ended after the siblings its
%% supervisor was already shutting down, where every later one, and any in a warm VM, ends
%% first (fuzz seeds 310 and 395; traced with dbg: `out {erlang,bif_return_trap,2}` inside
%% logger:allow/2). gen_server (its terminate report) and supervisor (its reports) cache theirs
%% the same way.
warm_logger() ->
    [true = logger:allow(error, M) || M <- [proc_lib, gen_server, supervisor]],
    ok.

%%====================================================================
%% Steps
%%====================================================================

step(#{<<"exit">> := Path} = S, Kinds) ->
    R = get(<<"reason">>, S),
    line(["> exit ", Path, " ", R]),
    with_pid(Path, fun(Pid) ->
                           Reason = term(R),
                           {_, Ref} = spawn_monitor(fun() -> exit(Pid, Reason) end),
                           receive {'DOWN', Ref, process, _, _} -> ok end,
                           settle()
                   end),
    Kinds;
step(#{<<"stop">> := Path} = S, Kinds) ->
    R = get(<<"reason">>, S),
    line(["> stop ", Path, " ", R]),
    case maps:get(Path, Kinds, worker) of
        worker ->
            with_pid(Path, fun(Pid) ->
                                   gen_server:cast(Pid, {stop, term(R)}),
                                   settle()
                           end);
        _ ->
            %% Supervisor.stop(Pid, R) from a fresh process (proc_lib:stop/3, as gen:stop)
            with_pid(Path, fun(Pid) ->
                                   Me = self(),
                                   spawn(fun() ->
                                                 Res = try proc_lib:stop(Pid, term(R), infinity)
                                                       catch exit:E -> {exit, E} end,
                                                 Me ! {stopped, Res}
                                         end),
                                   Res = receive {stopped, X} -> X end,
                                   settle(),
                                   line(["= ", fmt(Res)])
                           end)
    end,
    Kinds;
step(#{<<"which_children">> := Path}, Kinds) ->
    sup_call(Kinds, Path, ["> which_children ", Path],
             %% the trace format drops the Modules element: {Id,Child,Type}
             fun(P) -> [{Id, C, T} || {Id, C, T, _Mods} <- supervisor:which_children(P)] end);
step(#{<<"count_children">> := Path}, Kinds) ->
    sup_call(Kinds, Path, ["> count_children ", Path],
             fun(P) -> supervisor:count_children(P) end);
step(#{<<"terminate_child">> := Path} = S, Kinds) ->
    Id = get(<<"id">>, S),
    sup_call(Kinds, Path, ["> terminate_child ", Path, " ", Id],
             fun(P) ->
                     case maps:get(Path, Kinds) of
                         dynamic ->
                             %% DynamicSupervisor.terminate_child(Sup, Pid) of the child started as Id
                             case log_call({lookup, <<Path/binary, "/", Id/binary>>}) of
                                 none -> {error, not_found};
                                 Child -> 'Elixir.DynamicSupervisor':terminate_child(P, Child)
                             end;
                         _ -> supervisor:terminate_child(P, id_atom(Id))
                     end
             end);
step(#{<<"restart_child">> := Path} = S, Kinds) ->
    Id = get(<<"id">>, S),
    maps:get(Path, Kinds, supervisor) =:= dynamic
        andalso throw({invalid, ["restart_child on a dynamic supervisor: ", Path]}),
    sup_call(Kinds, Path, ["> restart_child ", Path, " ", Id],
             fun(P) -> supervisor:restart_child(P, id_atom(Id)) end);
step(#{<<"delete_child">> := Path} = S, Kinds) ->
    Id = get(<<"id">>, S),
    maps:get(Path, Kinds, supervisor) =:= dynamic
        andalso throw({invalid, ["delete_child on a dynamic supervisor: ", Path]}),
    sup_call(Kinds, Path, ["> delete_child ", Path, " ", Id],
             fun(P) -> supervisor:delete_child(P, id_atom(Id)) end);
step(#{<<"start_child">> := Path} = S, Kinds) ->
    Node = get(<<"spec">>, S),
    Id = get(<<"id">>, Node),
    sup_call(Kinds, Path, ["> start_child ", Path, " ", Id],
             fun(P) ->
                     case maps:get(Path, Kinds) of
                         dynamic -> 'Elixir.DynamicSupervisor':start_child(P, child_spec(Path, Node));
                         _ -> supervisor:start_child(P, child_spec(Path, Node))
                     end
             end),
    kinds(<<Path/binary, "/", Id/binary>>, Node, Kinds);
step(#{<<"sleep_ms">> := N}, Kinds) when is_integer(N), N >= 0 ->
    line(["> sleep ", integer_to_list(N)]),
    timer:sleep(N),
    settle(),
    Kinds;
step(S, _Kinds) ->
    throw({invalid, io_lib:format("unknown step ~0p", [S])}).

sup_call(Kinds, Path, Echo, Fun) ->
    case maps:get(Path, Kinds, supervisor) of
        worker -> throw({invalid, ["supervisor call on a worker: ", Path]});
        _ -> ok
    end,
    line(Echo),
    with_pid(Path, fun(Pid) ->
                           Result = try Fun(Pid) catch exit:{noproc, _} -> noproc end,
                           settle(),
                           line(["= ", fmt(Result)])
                   end),
    Kinds.

with_pid(Path, Fun) ->
    case log_call({lookup, Path}) of
        none -> line("= noproc");
        Pid -> Fun(Pid)
    end.

%% path -> worker | supervisor, for validation only
kinds(Path, Node, Acc) ->
    case is_sup(Node) of
        false -> Acc#{Path => worker};
        true when map_get(<<"dynamic">>, Node) =:= true -> Acc#{Path => dynamic};
        true ->
            lists:foldl(fun(C, A) ->
                                kinds(<<Path/binary, "/", (get(<<"id">>, C))/binary>>, C, A)
                        end,
                        Acc#{Path => supervisor}, maps:get(<<"children">>, Node, []))
    end.

%%====================================================================
%% Quiescence
%%====================================================================

-define(STABLE_POLLS, 4).

settle() -> settle(0, -1).

settle(Stable, _) when Stable >= ?STABLE_POLLS -> ok;
settle(Stable, LastCount) ->
    timer:sleep(2),
    {Count, Live} = log_call(status),
    case Count =:= LastCount andalso lists:all(fun idle/1, Live) andalso log_idle() of
        true -> settle(Stable + 1, Count);
        false -> settle(0, Count)
    end.

idle(Pid) ->
    case erlang:process_info(Pid, [status, message_queue_len, current_function, dictionary]) of
        [{status, waiting}, {message_queue_len, 0}, {current_function, {gen_server, loop, _}},
         {dictionary, Dict}] ->
            %% a worker whose exit_after timer is still running is not done
            case proplists:get_value(kaboom_exit_after, Dict) of
                undefined -> true;
                TRef -> erlang:read_timer(TRef) =:= false
            end;
        _ ->
            false   % busy, sleeping in terminate, shutting a child down, or dead with a 'DOWN' pending
    end.

log_idle() ->
    case erlang:process_info(whereis(?LOG), [message_queue_len]) of
        [{message_queue_len, 0}] -> true;
        _ -> false
    end.

%%====================================================================
%% The tree: supervisor and worker callbacks
%%====================================================================

%% An optional "name" (Kaboom's extension) registers the process: start_link({local, Name}, ...).
start_sup(Path, #{<<"dynamic">> := true} = Node) ->
    start_dynsup(Path, Node);
start_sup(Path, Node) ->
    case maps:get(<<"name">>, Node, none) of
        none -> supervisor:start_link(?MODULE, {sup, Path, Node});
        N -> supervisor:start_link({local, binary_to_atom(N, utf8)}, ?MODULE, {sup, Path, Node})
    end.

%% Elixir's real DynamicSupervisor (its ebin is on the code path: run.sh).
start_dynsup(Path, Node) ->
    Opts = case maps:get(<<"name">>, Node, none) of
               none -> [];
               N -> [{name, binary_to_atom(N, utf8)}]
           end,
    'Elixir.DynamicSupervisor':start_link(?MODULE, {dynsup, Path, Node}, Opts).

start_worker(Path, Node) ->
    case maps:get(<<"name">>, Node, none) of
        none -> gen_server:start_link(?MODULE, {worker, Path, Node}, []);
        N -> gen_server:start_link({local, binary_to_atom(N, utf8)}, ?MODULE, {worker, Path, Node}, [])
    end.

init({sup, Path, Node}) ->
    ok = log_call({started, Path, self()}),
    Flags0 = #{strategy => binary_to_atom(maps:get(<<"strategy">>, Node, <<"one_for_one">>), utf8),
               intensity => maps:get(<<"intensity">>, Node, 3),
               period => maps:get(<<"period_s">>, Node, 5)},
    Flags = case maps:find(<<"auto_shutdown">>, Node) of
                {ok, A} -> Flags0#{auto_shutdown => binary_to_atom(A, utf8)};
                error -> Flags0
            end,
    Specs = [child_spec(Path, C) || C <- maps:get(<<"children">>, Node, [])],
    {ok, {Flags, Specs}};
init({dynsup, Path, Node}) ->
    ok = log_call({started, Path, self()}),
    Max = case maps:get(<<"max_children">>, Node, <<"infinity">>) of
              <<"infinity">> -> infinity;
              M -> M
          end,
    'Elixir.DynamicSupervisor':init([{strategy, one_for_one},
                                     {max_restarts, maps:get(<<"intensity">>, Node, 3)},
                                     {max_seconds, maps:get(<<"period_s">>, Node, 5)},
                                     {max_children, Max}]);
init({worker, Path, Node}) ->
    %% init outcomes are counted per path over the whole run; the last one repeats
    Outcomes = maps:get(<<"init">>, Node, [<<"ok">>]),
    N = log_call({init_count, Path}),
    case lists:nth(min(N + 1, length(Outcomes)), Outcomes) of
        <<"ignore">> ->
            ok = log_call({line, <<"ignore ", Path/binary>>}),
            ignore;
        #{<<"stop">> := R} ->
            ok = log_call({init_failed, Path, self()}),
            {stop, term(R)};
        <<"ok">> ->
            maps:get(<<"trap_exit">>, Node, false) andalso process_flag(trap_exit, true),
            ok = log_call({started, Path, self()}),
            case maps:find(<<"exit_after">>, Node) of
                {ok, #{<<"ms">> := Ms, <<"reason">> := ER}} ->
                    TRef = erlang:send_after(Ms, self(), {exit_after, term(ER)}),
                    put(kaboom_exit_after, TRef);
                error ->
                    ok
            end,
            {ok, #{path => Path, stop_ms => maps:get(<<"stop_ms">>, Node, 0)}}
    end.

handle_call(_Req, _From, State) -> {reply, ok, State}.

handle_cast({stop, Reason}, State) -> {stop, Reason, State};
handle_cast(_Msg, State) -> {noreply, State}.

%% exit_after: the worker ends itself (like a Task that finishes).
handle_info({exit_after, Reason}, State) -> {stop, Reason, State};
%% 'EXIT' messages from non-parents (a trapping worker) are ignored.
handle_info(_Msg, State) -> {noreply, State}.

terminate(_Reason, #{stop_ms := Ms}) when Ms > 0 -> timer:sleep(Ms);
terminate(_Reason, _State) -> ok.

child_spec(ParentPath, Node) ->
    IdBin = get(<<"id">>, Node),
    Path = <<ParentPath/binary, "/", IdBin/binary>>,
    IsSup = is_sup(Node),
    Shutdown = case maps:get(<<"shutdown">>, Node, default) of
                   default when IsSup -> infinity;
                   default -> 5000;
                   N when is_integer(N) -> N;
                   B when is_binary(B) -> binary_to_atom(B, utf8)
               end,
    Spec = #{id => id_atom(IdBin),
             start => {?MODULE, case IsSup of true -> start_sup; false -> start_worker end, [Path, Node]},
             restart => binary_to_atom(maps:get(<<"restart">>, Node, <<"permanent">>), utf8),
             shutdown => Shutdown,
             type => case IsSup of true -> supervisor; false -> worker end,
             modules => [?MODULE]},
    case maps:find(<<"significant">>, Node) of
        {ok, Sig} -> Spec#{significant => Sig};
        error -> Spec
    end.

%% A child id: an atom, or an Elixir module name (Servy.Sensor -> 'Elixir.Servy.Sensor').
id_atom(<<C, _/binary>> = Id) when C >= $A, C =< $Z -> binary_to_atom(<<"Elixir.", Id/binary>>, utf8);
id_atom(Id) -> binary_to_atom(Id, utf8).

%% A reason written as an Erlang term in the scenario ("{shutdown,done}").
term(Text) ->
    {ok, Toks, _} = erl_scan:string(unicode:characters_to_list(Text) ++ "."),
    {ok, T} = erl_parse:parse_term(Toks),
    T.

is_sup(Node) ->
    maps:is_key(<<"strategy">>, Node) orelse maps:is_key(<<"children">>, Node).

get(Key, Map) ->
    case maps:find(Key, Map) of
        {ok, V} -> V;
        error -> throw({invalid, ["missing field ", Key]})
    end.

%%====================================================================
%% give_up: logger handler for the supervisor's reached_max_restart_intensity report.
%% Called in the supervisor's own process, before it shuts its children down.
%%====================================================================

setup_logger() ->
    _ = logger:remove_handler(default),
    ok = logger:set_primary_config(level, all),
    ok = logger:add_handler(kaboom_give_up, ?MODULE, #{level => all}).

log(#{msg := {report, #{label := {supervisor, _}, report := Report}}, meta := Meta}, _Config)
  when is_list(Report) ->
    case proplists:get_value(reason, Report) of
        reached_max_restart_intensity ->
            Pid = maps:get(pid, Meta, self()),
            log_call({give_up, Pid});
        _ ->
            ok
    end;
log(_Event, _Config) ->
    ok.

%%====================================================================
%% Event log process
%%====================================================================

line(IoData) -> log_call({line, iolist_to_binary(IoData)}).

log_call(Req) ->
    Ref = make_ref(),
    ?LOG ! {call, self(), Ref, Req},
    receive {Ref, Reply} -> Reply end.

%% State: lines (reversed), p2p (path -> newest live pid), live (pid -> path)
log_loop(#{lines := Lines, p2p := P2P, live := Live} = S) ->
    receive
        {call, From, Ref, Req} ->
            {Reply, S2} = log_req(Req, S),
            From ! {Ref, Reply},
            log_loop(S2);
        {'DOWN', _, process, Pid, Reason} ->
            case maps:take(Pid, Live) of
                {Path, Live2} ->
                    P2P2 = case maps:find(Path, P2P) of
                               {ok, Pid} -> maps:remove(Path, P2P);
                               _ -> P2P
                           end,
                    L = iolist_to_binary(["exit ", Path, " ", fmt(Reason)]),
                    log_loop(S#{lines := [L | Lines], p2p := P2P2, live := Live2});
                error ->
                    log_loop(S)
            end
    end.

log_req({started, Path, Pid}, #{lines := Lines, p2p := P2P, live := Live} = S) ->
    erlang:monitor(process, Pid),
    {ok, S#{lines := [<<"start ", Path/binary>> | Lines],
            p2p := P2P#{Path => Pid}, live := Live#{Pid => Path}}};
log_req({init_failed, _Path, Pid}, #{live := Live} = S) ->
    %% init returned {stop, R}: no start line, but its exit line (from the 'DOWN')
    erlang:monitor(process, Pid),
    {ok, S#{live := Live#{Pid => _Path}}};
log_req({init_count, Path}, S) ->
    Counts = maps:get(init_counts, S, #{}),
    N = maps:get(Path, Counts, 0),
    {N, S#{init_counts => Counts#{Path => N + 1}}};
log_req({give_up, Pid}, #{lines := Lines, live := Live} = S) ->
    Path = maps:get(Pid, Live, <<"?">>),
    {ok, S#{lines := [<<"give_up ", Path/binary, " reached_max_restart_intensity">> | Lines]}};
log_req({line, L}, #{lines := Lines} = S) ->
    {ok, S#{lines := [L | Lines]}};
log_req({lookup, Path}, #{p2p := P2P} = S) ->
    {maps:get(Path, P2P, none), S};
log_req(status, #{lines := Lines, live := Live} = S) ->
    {{length(Lines), maps:keys(Live)}, S};
log_req(lines, #{lines := Lines} = S) ->
    {lists:reverse(Lines), S}.

%% A term as io_lib:format("~0p") writes it, every pid written as the atom pid.
fmt(T) -> iolist_to_binary(io_lib:format("~0p", [depid(T)])).

depid(P) when is_pid(P) -> pid;
%% OTP's internal #child{} record (in start_child errors) is written as the atom child
depid(T) when is_tuple(T), tuple_size(T) >= 9, element(1, T) =:= child -> child;
depid(L) when is_list(L) -> depid_list(L);
depid(T) when is_tuple(T) -> list_to_tuple([depid(E) || E <- tuple_to_list(T)]);
depid(M) when is_map(M) -> maps:from_list([{depid(K), depid(V)} || {K, V} <- maps:to_list(M)]);
depid(X) -> X.

depid_list([H | T]) -> [depid(H) | depid_list(T)];
depid_list([]) -> [];
depid_list(Tail) -> depid(Tail).   % improper list

%%====================================================================
%% Minimal JSON decoder (OTP 25 has no json module).
%% Objects -> maps with binary keys, strings -> UTF-8 binaries, numbers -> integer | float,
%% true | false | null -> atoms.
%%====================================================================

json_decode(Bin) when is_binary(Bin) ->
    {V, Rest} = jvalue(ws(Bin)),
    case ws(Rest) of
        <<>> -> V;
        _ -> throw({invalid, "trailing data after JSON value"})
    end.

ws(<<C, R/binary>>) when C =:= $\s; C =:= $\t; C =:= $\n; C =:= $\r -> ws(R);
ws(B) -> B.

jvalue(<<${, R/binary>>) -> jobject(ws(R), #{});
jvalue(<<$[, R/binary>>) -> jarray(ws(R), []);
jvalue(<<$", R/binary>>) -> jstring(R, []);
jvalue(<<"true", R/binary>>) -> {true, R};
jvalue(<<"false", R/binary>>) -> {false, R};
jvalue(<<"null", R/binary>>) -> {null, R};
jvalue(<<C, _/binary>> = B) when C =:= $-; C >= $0, C =< $9 -> jnumber(B, []);
jvalue(_) -> throw({invalid, "bad JSON value"}).

jobject(<<$}, R/binary>>, M) -> {M, R};
jobject(<<$", R/binary>>, M) ->
    {K, R1} = jstring(R, []),
    case ws(R1) of
        <<$:, R2/binary>> ->
            {V, R3} = jvalue(ws(R2)),
            M2 = M#{K => V},
            case ws(R3) of
                <<$,, R4/binary>> -> jobject(ws(R4), M2);
                <<$}, R4/binary>> -> {M2, R4};
                _ -> throw({invalid, "bad JSON object"})
            end;
        _ -> throw({invalid, "bad JSON object: expected ':'"})
    end;
jobject(_, _) -> throw({invalid, "bad JSON object"}).

jarray(<<$], R/binary>>, []) -> {[], R};
jarray(B, Acc) ->
    {V, R} = jvalue(B),
    case ws(R) of
        <<$,, R2/binary>> -> jarray(ws(R2), [V | Acc]);
        <<$], R2/binary>> -> {lists:reverse([V | Acc]), R2};
        _ -> throw({invalid, "bad JSON array"})
    end.

jstring(<<$", R/binary>>, Acc) ->
    {unicode:characters_to_binary(lists:reverse(Acc)), R};
jstring(<<$\\, E, R/binary>>, Acc) ->
    case E of
        $" -> jstring(R, [$" | Acc]);
        $\\ -> jstring(R, [$\\ | Acc]);
        $/ -> jstring(R, [$/ | Acc]);
        $b -> jstring(R, [$\b | Acc]);
        $f -> jstring(R, [$\f | Acc]);
        $n -> jstring(R, [$\n | Acc]);
        $r -> jstring(R, [$\r | Acc]);
        $t -> jstring(R, [$\t | Acc]);
        $u ->
            <<H:4/binary, R2/binary>> = R,
            C = binary_to_integer(H, 16),
            case {C >= 16#D800 andalso C =< 16#DBFF, R2} of
                {true, <<"\\u", L:4/binary, R3/binary>>} ->
                    Lo = binary_to_integer(L, 16),
                    jstring(R3, [16#10000 + ((C - 16#D800) bsl 10) + (Lo - 16#DC00) | Acc]);
                _ ->
                    jstring(R2, [C | Acc])
            end;
        _ -> throw({invalid, "bad JSON string escape"})
    end;
jstring(<<C/utf8, R/binary>>, Acc) -> jstring(R, [C | Acc]);
jstring(_, _) -> throw({invalid, "unterminated JSON string"}).

jnumber(<<C, R/binary>>, Acc)
  when C =:= $-; C =:= $+; C =:= $.; C =:= $e; C =:= $E; C >= $0, C =< $9 ->
    jnumber(R, [C | Acc]);
jnumber(R, Acc) ->
    S = lists:reverse(Acc),
    V = case lists:any(fun(C) -> lists:member(C, ".eE") end, S) of
            false -> list_to_integer(S);
            true ->
                {M, E} = lists:splitwith(fun(C) -> C =/= $e andalso C =/= $E end, S),
                M2 = case lists:member($., M) of true -> M; false -> M ++ ".0" end,
                list_to_float(M2 ++ E)
        end,
    {V, R}.
