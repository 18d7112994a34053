#!/usr/bin/env bash
# Start-up of `orgsign certs` on a SoftHSM token against `pkcs11-tool -O` on the same token and a
# bare JVM (`java -version` of the runtime the launcher chose, the floor any Java command pays),
# all measured in the same hyperfine run. Usage: cli/startup-benchmark.sh [RUNS]. Prints the
# medians, the user+sys CPU times (less sensitive to the machine's load than wall time), the
# number of classes each JVM loads, and the ratios; then the same medians and CPU times from the
# three commands run interleaved.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-30}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/orgsign-startup.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
"$root/bin/orgsign" --version >/dev/null            # builds the distribution and the start-up cache if needed
java="$(ORGSIGN_LAUNCHER=print "$root/bin/orgsign" | sed -n 's/^java=//p')"   # the launcher's runtime
echo "runtime: $java ($("$java" -version 2>&1 | head -1))"
"$java" -cp "$root/cli/target/orgsign/orgsign.jar" dev.orgsign.cli.CdsTraining prepare "$tmp" >/dev/null
export SOFTHSM2_CONF="$tmp/softhsm/softhsm2.conf"
module=/usr/lib/softhsm/libsofthsm2.so
[ -f "$module" ] || module="$(ls /usr/lib/*/softhsm/libsofthsm2.so | head -1)"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$tmp/result.json" \
  "$root/bin/orgsign certs --module $module --token orgsign-training --json" \
  "pkcs11-tool --module $module --token-label orgsign-training -O" \
  "$java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version"
ORGSIGN_JAVA_OPTS="-Xlog:class+load:file=$tmp/orgsign.classes" \
  "$root/bin/orgsign" certs --module "$module" --token orgsign-training --json >/dev/null
"$java" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:class+load:file="$tmp/java.classes" -version 2>/dev/null
python3 - "$tmp/result.json" "$tmp/orgsign.classes" "$tmp/java.classes" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
m = [x["median"] * 1000 for x in r]
cpu = [(x["user"] + x["system"]) * 1000 for x in r]
cls = [sum(1 for _ in open(f)) for f in sys.argv[2:4]]
shared = sum(1 for l in open(sys.argv[2]) if "shared objects file" in l)
print(f"median orgsign certs {m[0]:.0f} ms, pkcs11-tool -O {m[1]:.0f} ms, java -version {m[2]:.0f} ms")
print(f"orgsign/pkcs11-tool {m[0]/m[1]:.1f}x, orgsign/java -version {m[0]/m[2]:.2f}x")
print(f"user+sys CPU (mean) orgsign certs {cpu[0]:.0f} ms, pkcs11-tool -O {cpu[1]:.0f} ms, java -version {cpu[2]:.0f} ms")
print(f"CPU orgsign/pkcs11-tool {cpu[0]/cpu[1]:.1f}x, orgsign/java -version {cpu[0]/cpu[2]:.2f}x")
print(f"classes loaded orgsign certs {cls[0]} ({shared} from the AOT cache/CDS archive), java -version {cls[1]}: {cls[0]/cls[1]:.2f}x")
PY
uptime
# The same three commands again, interleaved (one run of each in turn, RUNS rounds): a load spike
# from other work then hits all three alike instead of one hyperfine block.
python3 - "$runs" "$root/bin/orgsign certs --module $module --token orgsign-training --json" \
  "pkcs11-tool --module $module --token-label orgsign-training -O" \
  "$java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version" <<'PY'
import os, shlex, statistics, sys, time
runs, cmds = int(sys.argv[1]), sys.argv[2:]
wall, cpu = [[] for _ in cmds], [[] for _ in cmds]
null = os.open(os.devnull, os.O_WRONLY)
for r in range(runs + 3):
    for i, c in enumerate(cmds):
        args = shlex.split(c)
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.dup2(null, 1); os.dup2(null, 2)
            os.execvp(args[0], args)
        _, status, ru = os.wait4(pid, 0)
        t1 = time.perf_counter()
        if status != 0:
            sys.exit(f"failed: {c}")
        if r >= 3:  # the first three rounds warm up
            wall[i].append((t1 - t0) * 1000); cpu[i].append((ru.ru_utime + ru.ru_stime) * 1000)
m = [statistics.median(w) for w in wall]
c = [statistics.mean(x) for x in cpu]
print(f"interleaved, {runs} rounds: median orgsign certs {m[0]:.0f} ms, pkcs11-tool -O {m[1]:.0f} ms, java -version {m[2]:.0f} ms"
      f" (orgsign/pkcs11-tool {m[0]/m[1]:.1f}x, orgsign/java -version {m[0]/m[2]:.2f}x)")
print(f"interleaved user+sys CPU (mean) orgsign certs {c[0]:.0f} ms, pkcs11-tool -O {c[1]:.0f} ms, java -version {c[2]:.0f} ms"
      f" (orgsign/pkcs11-tool {c[0]/c[1]:.1f}x, orgsign/java -version {c[0]/c[2]:.2f}x)")
PY
uptime
