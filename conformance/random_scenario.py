#!/usr/bin/env python3
"""Prints a random scenario (JSON) for seed ARGV[1]: random trees, strategies, restart types,
shutdowns, trap_exit/stop_ms, and random exits, stops, child API calls and sleeps. Used by
fuzz.sh to compare the Java engine with real OTP on scenarios nobody wrote by hand.

Format version 2 (SPEC section 5) is mixed in: module-name ids, term reasons, init outcomes per
start, exit_after (only where it cannot loop for ever: transient children ending normally,
temporary ones), significant children with auto_shutdown, dynamic supervisors with max_children
and their start_child/terminate_child, and stop on supervisors (Supervisor.stop)."""
import json, random, sys

REASONS = ["kaboom", "kaboom", "kill", "normal", "shutdown", "{shutdown,done}", "{badarith,[]}",
           "{error,{'Elixir.RuntimeError',[1]}}"]
STOP_REASONS = ["normal", "shutdown", "boom", "kill", "{shutdown,bye}", "{bad,1}"]

def ident(rng, idx):
    return f"n{idx}" if rng.random() < 0.8 else f"App.Mod{idx}"

def v2_worker(rng, n):
    r = rng.random()
    if r < 0.15:
        # init outcomes per start: the first start succeeds or ignores (a {stop,R} while the
        # supervisor starts is the known disagreement, docs/scenario-format.md)
        first = rng.choice(["ok", "ok", "ignore"])
        later = [rng.choice(["ok", "ignore", {"stop": rng.choice(["db_down", "{error,econnrefused}"])}])
                 for _ in range(rng.randint(1, 2))]
        n["init"] = [first] + later
    if rng.random() < 0.12 and n.get("restart") in ("transient", "temporary"):
        reason = rng.choice(["normal", "{shutdown,done}"]) if n["restart"] == "transient" \
            else rng.choice(["normal", "boom"])
        n["exit_after"] = {"ms": rng.choice([10, 60, 150]), "reason": reason}

def node(rng, depth, idx):
    nid = ident(rng, idx)
    if depth < 3 and rng.random() < 0.08:
        n = {"id": nid, "dynamic": True, "children": []}
        if rng.random() < 0.5:
            n["max_children"] = rng.choice([1, 2, 3])
        if rng.random() < 0.5:
            n["intensity"] = rng.choice([0, 1, 3]); n["period_s"] = rng.choice([1, 5])
    elif depth < 3 and rng.random() < 0.35:
        kids = [node(rng, depth + 1, i) for i in range(rng.randint(0, 4))]
        n = {"id": nid, "strategy": rng.choice(["one_for_one", "one_for_all", "rest_for_one"]), "children": kids}
        if rng.random() < 0.25:
            n["auto_shutdown"] = rng.choice(["any_significant", "all_significant"])
            for k in kids:
                if k.get("restart") in ("transient", "temporary") and rng.random() < 0.7:
                    k["significant"] = True
        if rng.random() < 0.5:
            n["intensity"] = rng.choice([0, 1, 2, 3, 5])
            n["period_s"] = rng.choice([1, 2, 5])
        if rng.random() < 0.2:
            n["shutdown"] = rng.choice([0, 50, 100, "brutal_kill", "infinity"])
    else:
        n = {"id": nid}
        if rng.random() < 0.4:
            n["trap_exit"] = True
        if rng.random() < 0.3:
            n["stop_ms"] = rng.choice([0, 20, 80, 150])
        if rng.random() < 0.3:
            n["shutdown"] = rng.choice([0, 50, 100, "brutal_kill", "infinity"])
    if rng.random() < 0.35:
        n["restart"] = rng.choice(["transient", "temporary"])
    if not ("children" in n or "strategy" in n):
        v2_worker(rng, n)
    elif any(k.get("significant") and "exit_after" in k for k in n.get("children", [])) \
            and n.get("restart", "permanent") == "permanent":
        # a significant child that ends itself shuts this supervisor down after each start: a
        # permanent one would be restarted for ever (a loop OTP never finishes, seed 38), so it
        # ends for good (`shutdown` does not restart a transient child)
        n["restart"] = "transient"
    return n

def paths(n, prefix):
    p = prefix + n["id"] if prefix else n["id"]
    out = [(p, "children" in n or "strategy" in n, n)]
    if n.get("dynamic"):
        out = [(p, "dynamic", n)]
    for c in n.get("children", []):
        out += paths(c, p + "/")
    return out

def main(seed):
    rng = random.Random(seed)
    root = {"id": "root", "strategy": rng.choice(["one_for_one", "one_for_all", "rest_for_one"]),
            "children": [node(rng, 1, i) for i in range(rng.randint(1, 4))]}
    if rng.random() < 0.5:
        root["intensity"] = rng.choice([1, 2, 3, 10]); root["period_s"] = rng.choice([1, 5])
    all_paths = paths(root, "")
    sups = [p for p, s, _ in all_paths if s]
    workers = [p for p, s, _ in all_paths if not s]
    steps = []
    extra = 100
    for _ in range(rng.randint(3, 10)):
        r = rng.random()
        if r < 0.45:
            p = rng.choice(all_paths)[0]
            steps.append({"exit": p, "reason": rng.choice(REASONS)})
        elif r < 0.6 and workers:
            steps.append({"stop": rng.choice(workers), "reason": rng.choice(STOP_REASONS)})
        elif r < 0.64:
            # Supervisor.stop on a supervisor
            steps.append({"stop": rng.choice(sups), "reason": rng.choice(["normal", "shutdown", "{shutdown,bye}", "boom"])})
        elif r < 0.9:
            sp = rng.choice(sups)
            kids = [p for p, _, _ in all_paths if p.startswith(sp + "/") and "/" not in p[len(sp) + 1:]]
            cid = rng.choice(kids).split("/")[-1] if kids and rng.random() < 0.8 else "nope"
            dyn = any(q == sp and s_ == "dynamic" for q, s_, _ in all_paths)
            if dyn:
                op = rng.choice(["which_children", "count_children", "terminate_child", "start_child", "start_child"])
            else:
                op = rng.choice(["which_children", "count_children", "terminate_child", "restart_child", "delete_child", "start_child"])
            if op in ("which_children", "count_children"):
                steps.append({op: sp})
            elif op == "start_child":
                extra += 1
                spec = node(rng, 3, extra) if rng.random() < 0.7 else {"id": cid}
                if dyn:
                    spec.pop("significant", None)
                if rng.random() < 0.2:
                    spec = {"id": spec["id"], "children": [{"id": "k"}]}
                steps.append({"start_child": sp, "spec": spec})
                p = sp + "/" + spec["id"]
                if all(p != q for q, _, _ in all_paths):
                    all_paths += paths(spec, sp + "/")
                    if "children" in spec or "strategy" in spec: sups.append(p)
                    else: workers.append(p)
            else:
                steps.append({op: sp, "id": cid})
        else:
            steps.append({"sleep_ms": rng.choice([0, 7000])})
    print(json.dumps({"name": f"fuzz_{seed}", "tree": root, "steps": steps}, indent=1))

main(int(sys.argv[1]))
