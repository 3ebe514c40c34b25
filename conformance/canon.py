#!/usr/bin/env python3
"""Canonical form of a Kaboom supervision trace (docs: conformance/README.md).

    canon.py FILE                 print the canonical form of FILE
    canon.py --same FILE...       exit 0 when all FILEs have the same canonical form, else print a
                                  unified diff against the first one and exit 1

Canonicalization (the only reordering allowed; everything else is compared line by line):
  1. blank lines and lines starting with '#' are dropped, trailing whitespace is stripped;
  2. killed subtrees: at a line `exit S killed`, every descendant of S that is alive there
     (started, not yet exited) is orphaned -- its children learn of the kill concurrently with each
     other and with S's parent.  Each orphan's later `exit` line is moved to directly after
     `exit S killed`, grouped by the child of S whose subtree holds it (groups sorted by path,
     lines inside a group keep their relative order).  Which later line at the orphan's path is
     its own (a restarted S may start and end a newer process there first, as in fuzz seed 138):
     for a child of S, the first `exit P killed` (it dies of S's link with S's reason, trapping
     or not); for a deeper orphan, the first `exit P` before its orphaned parent's own line (that
     supervisor stops it before it ends); failing that, the first later `exit P`.
  3. retry storms: a run of more than 100 identical consecutive line pairs `start P` / `exit P R`
     (a supervisor retrying a start that fails at once, e.g. while an old process still holds the
     child's registered name) is cut to 100 pairs.  How many retries fit into the time the name is
     held varies from run to run on OTP (1,700 to 2,250 in 300 ms here); shorter runs are compared
     exactly.
  4. failed starts: at a line `exit S {shutdown,{failed_to_start_child,Id,R}}` (supervisor S could
     not start because child Id's init returned {stop,R}), that child's own `exit S/Id ...` line
     (an exit of S/Id with reason R or with S's reason, in the same step: an older process
     at that path, e.g. an orphan of a killed S, ends otherwise) is moved to directly after S's line and written
     `exit S/Id R`.  The child writes a crash report before it exits, while S stops the children it
     had started and exits; whether the child ends first (with R) or is killed by S's exit signal
     depends on how many reductions the child has used up (traced on OTP 25: its heap size and
     garbage collections decide it), so OTP leaves both orders open.  Applied first; rule 2
     neither moves that line nor takes it for an orphan's exit.
"""
import difflib
import re
import sys


FAILED_START = re.compile(r'^exit (\S+) \{shutdown,\{failed_to_start_child,([^,]+),(.*)\}\}$')


FIXED = '\0'


def id_segment(atom):
    """The path segment of a child id written as an atom: b -> b, 'Elixir.A.B' -> A.B."""
    if atom.startswith("'") and atom.endswith("'"):
        atom = atom[1:-1]
    return atom[len('Elixir.'):] if atom.startswith('Elixir.') else atom


def failed_starts(lines):
    lines = list(lines)
    i = 0
    while i < len(lines):
        m = FAILED_START.match(lines[i])
        if m:
            sup, child = m.group(1), m.group(1) + '/' + id_segment(m.group(2))
            lo = i
            while lo > 0 and not lines[lo - 1].startswith('>') and lines[lo - 1] != 'start ' + sup:
                lo -= 1
            hi = i + 1
            while hi < len(lines) and not lines[hi].startswith('>'):
                hi += 1
            own, sups = m.group(3), lines[i][len('exit ' + sup + ' '):]
            for j in range(lo, hi):
                if j != i and lines[j] in ('exit %s %s' % (child, own), 'exit %s %s' % (child, sups)):
                    del lines[j]
                    if j < i:
                        i -= 1
                    # marked: the killed-subtree rule neither moves this line nor counts it
                    lines.insert(i + 1, FIXED + 'exit %s %s' % (child, own))
                    break
        i += 1
    return lines


def orphan_exit(lines, claimed, kill_at, path, direct, before):
    """Index of the line that ends orphan `path` of the kill at `kill_at`, or None (rule 2)."""
    candidates = [j for j in range(kill_at + 1, len(lines))
                  if j not in claimed and lines[j].startswith('exit ' + path + ' ')]
    if direct:
        # a child of the killed process dies of its link with reason killed, whether it traps
        # exits or not; a newer process at its path ends otherwise (or later)
        for j in candidates:
            if lines[j] == 'exit ' + path + ' killed':
                return j
    else:
        # a deeper orphan is stopped by its orphaned supervisor, which ends after it
        for j in candidates:
            if j < before:
                return j
    return candidates[0] if candidates else None


def canonical(lines):
    lines = failed_starts(l.rstrip() for l in lines if l.strip() and not l.startswith('#'))
    kept = []          # lines kept in place
    alive = set()      # started, not exited, not orphaned
    claimed = {}       # index in lines of an orphan's exit -> (index of its anchor in kept, group)
    moved = {}         # index in kept -> {group path: [exit lines]}
    for i, line in enumerate(lines):
        if line.startswith(FIXED):
            kept.append(line[len(FIXED):])
            continue
        parts = line.split(' ')
        if len(parts) == 2 and parts[0] == 'start':
            alive.add(parts[1])
        elif len(parts) >= 3 and parts[0] == 'exit':
            path = parts[1]
            if i in claimed:
                at, group = claimed.pop(i)
                moved[at].setdefault(group, []).append(line)
                continue
            alive.discard(path)
            kept.append(line)
            if ' '.join(parts[2:]) == 'killed':
                at, prefix = len(kept) - 1, path + '/'
                moved.setdefault(at, {})
                ends = {}
                for p in sorted(x for x in alive if x.startswith(prefix)):
                    alive.discard(p)
                    rest = p[len(prefix):]
                    parent = p.rsplit('/', 1)[0]
                    before = ends.get(parent)
                    j = orphan_exit(lines, claimed, i, p, '/' not in rest,
                                    len(lines) if before is None else before)
                    if j is not None:
                        ends[p] = j
                        claimed[j] = (at, prefix + rest.split('/')[0])
            continue
        kept.append(line)
    out = []
    for i, line in enumerate(kept):
        out.append(line)
        for group in sorted(moved.get(i, {})):
            out.extend(moved[i][group])
    return cut_retry_storms(out)


MAX_RETRY_PAIRS = 100


def cut_retry_storms(lines):
    out = []
    i = 0
    while i < len(lines):
        a = lines[i]
        b = lines[i + 1] if i + 1 < len(lines) else None
        if a.startswith('start ') and b is not None and b.startswith('exit ' + a[6:] + ' '):
            n = 1
            while lines[i + 2 * n:i + 2 * n + 2] == [a, b]:
                n += 1
            out.extend([a, b] * min(n, MAX_RETRY_PAIRS))
            i += 2 * n
        else:
            out.append(a)
            i += 1
    return out


def load(path):
    with open(path, encoding='utf-8') as f:
        return canonical(f.readlines())


def main(argv):
    if len(argv) == 2 and not argv[1].startswith('--'):
        sys.stdout.write(''.join(l + '\n' for l in load(argv[1])))
        return 0
    if len(argv) >= 3 and argv[1] == '--same':
        first = load(argv[2])
        status = 0
        for other in argv[3:]:
            got = load(other)
            if got != first:
                status = 1
                sys.stdout.writelines(difflib.unified_diff(
                    [l + '\n' for l in first], [l + '\n' for l in got],
                    fromfile=argv[2] + ' (canonical)', tofile=other + ' (canonical)'))
        return status
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
