#!/usr/bin/env bash
# Builds and runs the coverage-guided libFuzzer targets (docs/reliability.md). They are not part of `swift build`:
# each target compiles one module's sources (instrumented with `swiftc -sanitize=fuzzer`) together with its harness
# here, and links the objects the normal debug build made of everything that module depends on.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]     SECONDS per target (default 60); TARGETs: request parse ruleset log server-log
#   Fuzz/run.sh 0 ...                     build each target and run it once over its seeds and corpus, no fuzzing (the
#                                         test suite does this, so a change that breaks a harness is seen at once)
#   FUZZ_OPT=-Onone Fuzz/run.sh ...       build the instrumented module unoptimised (quicker to build, slower to run)
#
# Seeds come from `armistice campaign --write-corpus`; the corpus grows in .build/fuzz/corpus-TARGET; crashes, hangs
# (over 5 s) and slow inputs land in .build/fuzz/findings-TARGET. Exits non-zero if a target found something.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(request parse ruleset log server-log)
opt="${FUZZ_OPT:--O}"

swift build --product armistice >/dev/null
bin=$(swift build --show-bin-path)
out=.build/fuzz
mkdir -p "$out"
"$bin/armistice" campaign --write-corpus "$out/seeds" >/dev/null

# What the engine links (Package.swift: its targets and products, and theirs).
engine_deps=(ArmisticeEngine ArmisticeErrors ArmisticeLocale Yams CYaml Crypto CCryptoBoringSSL CCryptoBoringSSLShims CryptoBoringWrapper)
server_deps="${engine_deps[*]} ArmisticeLog ArmisticeBots ArmisticeTransport ArmisticeWire Logging"
# target → module compiled with instrumentation, harness, modules linked from the debug build, seeds
declare -A module=([request]=ArmisticeServer [parse]=ArmisticeWire [ruleset]=ArmisticeEngine [log]=ArmisticeReplay [server-log]=ArmisticeServer)
declare -A harness=([request]=FuzzRequest [parse]=FuzzParse [ruleset]=FuzzRuleset [log]=FuzzLog [server-log]=FuzzServerLog)
declare -A links=([request]="$server_deps" [parse]="${engine_deps[*]}" [ruleset]="${engine_deps[*]:1}"
                  [log]="${engine_deps[*]} ArmisticeLog ArmisticeCase" [server-log]="$server_deps")
declare -A seeds=([request]=request [parse]=request [ruleset]=ruleset [log]=log [server-log]=log)
declare -A maxlen=([request]=70000 [parse]=70000 [ruleset]=120000 [log]=200000 [server-log]=200000)

# The compiler flags SwiftPM used for a module (search paths, module maps), without its output options.
flags() {
    python3 - "$1" <<'PY'
import json, sys, re
name = sys.argv[1]
text = open(".build/debug.yaml").read()
m = re.search(r"Compiling Swift Module '%s'.*?\n\s+args: (\[.*?\])\n" % re.escape(name), text, re.S)
args = json.loads(m.group(1))[1:]
# -package-name stays: the module's sources (and the harness compiled with them) use the package's `package` symbols.
drop_with_value = {"-emit-module-path", "-output-file-map", "-index-store-path", "-emit-objc-header-path", "-module-name"}
drop = {"-emit-dependencies", "-emit-module", "-incremental", "-c", "-enable-batch-mode", "-serialize-diagnostics", "-parseable-output",
        "-emit-objc-header", "-Onone", "-enable-testing", "-g"}
out, skip, xcc = [], False, False
for a in args:
    if skip: skip = False; continue
    if xcc: out.append(a); xcc = False; continue
    if a == "-Xcc": out.append(a); xcc = True; continue
    if a in drop_with_value: skip = True; continue
    if a in drop or a.startswith("@") or a.startswith("-j"): continue
    out.append(a)
print("\n".join(out))
PY
}

status=0
for t in "${targets[@]}"; do
    m=${module[$t]}
    exe="$out/fuzz-$t$opt"   # one per optimisation level: a quick -Onone build is not reused for fuzzing
    echo "== fuzz target $t: $m ($opt) + Fuzz/${harness[$t]}.swift"
    mapfile -t f < <(flags "$m")
    objects=()
    for dep in ${links[$t]}; do mapfile -t -O ${#objects[@]} objects < <(find "$bin/$dep.build" -name '*.o' | sort); done
    if [ ! -x "$exe" ] || [ -n "$(find "Sources/$m" Fuzz -newer "$exe" -name '*.swift' | head -1)" ]; then
        swiftc -module-name "$m" -parse-as-library -sanitize=fuzzer -suppress-warnings "$opt" "${f[@]}" \
            $(find "Sources/$m" -name '*.swift' | sort) "Fuzz/${harness[$t]}.swift" \
            "${objects[@]}" $(pkg-config --libs libwebsockets) -lstdc++ -o "$exe"
    fi
    corpus="$out/corpus-$t"
    findings="$out/findings-$t"
    mkdir -p "$corpus" "$findings"
    set +e
    if [ "$seconds" -gt 0 ]; then length=(-max_total_time="$seconds"); else length=(-runs=0); fi
    "$exe" "$corpus" "$out/seeds/${seeds[$t]}" "${length[@]}" -timeout=5 -rss_limit_mb=4096 -max_len="${maxlen[$t]}" \
        -artifact_prefix="$findings/" -print_final_stats=1 2>"$out/$t.log"
    rc=$?
    set -e
    grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb|^#[0-9]+ +DONE" "$out/$t.log" | sed "s/^/  $t: /"
    if [ $rc -ne 0 ]; then
        status=1
        echo "  $t: FOUND SOMETHING (exit $rc): $(ls "$findings" | head -5 | tr '\n' ' ') — see $out/$t.log"
        grep -E "ERROR|Fatal error|SUMMARY" "$out/$t.log" | head -5 | sed "s/^/  $t: /"
    fi
done
exit $status
