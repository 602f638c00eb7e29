#!/usr/bin/env bash
# Degenerate documents of N elements (default 100,000): alias chains, allOf chains, pointer
# chains through properties, chains of structs whose required property defaults to the next
# (each pointing forwards, backwards, and backwards in shuffled order), names that all collide.
# Prints wall time, peak memory and the exit status of the release `apigen` on each (exit 1 is
# a located limit error).
#   Scripts/bench-degenerate.sh [N]
set -euo pipefail
n=${1:-100000}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && swift build -q -c release --product apigen)
python3 - "$work" "$n" <<'PY'
import itertools, random, sys
work, n = sys.argv[1], int(sys.argv[2])
head = "openapi: 3.0.3\ninfo: {title: Degenerate, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
def write(name, body): open(f"{work}/{name}.yaml", "w").write(head + body)
write("flat", "".join(f"    A{i}: {{type: object, properties: {{p{i}: {{type: string}}}}}}\n" for i in range(n)))
# Each chain in three orders: every link pointing at the next component, at the previous one,
# and pointing at the previous one with the components written in a shuffled order.
def link(shape, i, to):
    if shape == "alias":
        return f"    A{i}: {{$ref: '#/components/schemas/A{to}'}}\n"
    if shape == "default":
        return f"    A{i}:\n      type: object\n      required: [n]\n      properties:\n        n: {{allOf: [{{$ref: '#/components/schemas/A{to}'}}], default: {{}}}}\n"
    if shape == "allof":
        return f"    A{i}:\n      allOf:\n        - {{$ref: '#/components/schemas/A{to}'}}\n        - {{type: object, properties: {{p{i}: {{type: string}}}}}}\n"
    return f"    A{i}:\n      type: object\n      properties:\n        x: {{$ref: '#/components/schemas/A{to}/properties/x'}}\n"
def end(shape, i):
    return {"alias": f"    A{i}: {{type: string}}\n", "allof": f"    A{i}: {{type: object}}\n",
            "default": f"    A{i}: {{type: string, enum: [a, b]}}\n",
            "pointer": f"    A{i}:\n      type: object\n      properties:\n        x: {{type: string}}\n"}[shape]
for shape in ("alias", "allof", "pointer", "default"):
    write(f"{shape}-chain-next", "".join(link(shape, i, i + 1) for i in range(n)) + end(shape, n))
    prev = [end(shape, 0)] + [link(shape, i, i - 1) for i in range(1, n + 1)]
    write(f"{shape}-chain-prev", "".join(prev))
    random.Random(1).shuffle(prev)
    write(f"{shape}-chain-shuffled", "".join(prev))
names = ("ab" + "".join(c) + "c" for k in range(1, 12) for c in itertools.product("_-.~", repeat=k))
write("colliding-names", "    Big:\n      type: object\n      properties:\n" + "".join(f'        "{next(names)}": {{type: string}}\n' for _ in range(n)))
PY
printf '%-18s %10s %12s %6s\n' document seconds "peak MB" exit
for doc in flat alias-chain-{next,prev,shuffled} allof-chain-{next,prev,shuffled} pointer-chain-{next,prev,shuffled} default-chain-{next,prev,shuffled} colliding-names; do
    status=0
    /usr/bin/time -f '%e %M' -o "$work/time" "$repo/.build/release/apigen" generate "$work/$doc.yaml" --output "$work/out-$doc" --quiet > /dev/null 2>&1 || status=$?
    read -r seconds kb < <(tail -1 "$work/time")
    printf '%-18s %10s %12s %6s\n' "$doc" "$seconds" "$((kb / 1024))" "$status"
done
