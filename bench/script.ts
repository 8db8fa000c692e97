import { prng } from "./data.ts"

/**
 * A deterministic shell script of the kind agents and CI jobs write:
 * functions with locals and parameter expansions, [[ ]] tests, loops over
 * globs, case, while-read with IFS, here-documents, arrays, arithmetic,
 * command and process substitution, awk/sed programs in quotes. It is only
 * parsed, never run, so the commands it names need not exist.
 */

const NAMES = ["users", "orders", "events", "logs", "metrics", "reports", "backups", "assets", "cache", "jobs"]

type Block = (name: string, n: number) => string

const blocks: ReadonlyArray<Block> = [
  (name) => `
# Normalize the ${name} input: drop comments, dedupe, keep a count.
process_${name}() {
  local input="$1" output="\${2:-/tmp/${name}.out}" count=0
  if [[ ! -f "$input" ]]; then
    log ERROR "missing input: $input"
    return 1
  elif [[ "$input" == *.gz ]]; then
    zcat -- "$input" | grep -v '^#' | sort -u > "$output"
  else
    grep -v '^#' "$input" | sort -u > "$output"
  fi
  count=$(wc -l < "$output")
  echo "\${output##*/}: $count lines (\${output%.out}, \${#output} chars)"
}
`,
  (name, n) => `
total_${name}=0
for f in /data/${name}/*.log /data/${name}/archive/*.log; do
  [[ -e "$f" ]] || continue
  lines=$(wc -l < "$f")
  total_${name}=$(( total_${name} + lines * ${n} / 3 ))
  if (( lines > ${n * 100} )); then
    printf 'large file %s (%d lines)\\n' "$f" "$lines" >&2
  fi
done
echo "total for ${name}: $total_${name}"
`,
  (name) => `
case "\${MODE:-run}" in
  start|run)
    echo "starting ${name} worker" ;;
  stop)
    kill "$(cat /var/run/${name}.pid)" 2>/dev/null || true ;;
  status)
    pgrep -f "${name}-worker" > /dev/null && echo up || echo down ;;
  *)
    echo "unknown mode: $MODE" >&2
    exit 2 ;;
esac
`,
  (name) => `
while IFS=, read -r id label value rest; do
  [[ -z "$id" || "$id" == \\#* ]] && continue
  label=\${label// /_}
  printf '%s.%s=%s\\n' "${name}" "\${label,,}" "\${value:-0}"
done < "/etc/${name}.csv" > "/tmp/${name}.properties"
`,
  (name, n) => `
cat > "/tmp/${name}.yaml" <<EOF
name: ${name}
replicas: ${n}
generated: $(date -u +%Y-%m-%dT%H:%M:%SZ)
owner: \${USER:-unknown}
EOF
cat <<'EOF' >> "/tmp/${name}.yaml"
# literal section: $HOME is not expanded here
notes: |
  keep \`backticks\` and $dollars as they are
EOF
`,
  (name, n) => `
declare -a ${name}_hosts=(web-${n} web-${n + 1} db-${n} "cache ${n}")
declare -A ${name}_ports=([web]=80${n % 10} [db]=543${n % 10})
for i in "\${!${name}_hosts[@]}"; do
  host=\${${name}_hosts[$i]}
  echo "$i: $host -> \${${name}_ports[web]}"
done
echo "\${#${name}_hosts[@]} hosts, last: \${${name}_hosts[-1]}"
`,
  (name, n) => `
awk -F'\\t' '$3 > ${n} { sum[$1] += $2 } END { for (k in sum) printf "%s\\t%d\\n", k, sum[k] }' "/data/${name}.tsv" \\
  | sed -e 's/[[:space:]]\\+/,/g' -e '/^$/d' \\
  | sort -t, -k2 -n -r \\
  | head -n ${n}
`,
  (name) => `
( cd "/srv/${name}" && tar czf "/backup/${name}-$(date +%F).tgz" . ) || log WARN "backup of ${name} failed"
if diff <(sort "/data/${name}.a") <(sort "/data/${name}.b") > /dev/null; then
  echo "${name}: same"
else
  echo "${name}: differs"
fi
`,
  (name, n) => `
retry_${name}() {
  local attempt=1 max=\${RETRIES:-${n}}
  until "$@"; do
    if (( attempt >= max )); then
      log ERROR "giving up on $* after $attempt attempts"
      return 1
    fi
    sleep $(( attempt ** 2 ))
    attempt=$(( attempt + 1 ))
  done
}
retry_${name} curl -fsS "https://example.invalid/${name}/health" || exit 1
`,
]

const header = `#!/usr/bin/env bash
# Nightly maintenance job (generated for the Mirage benchmarks).
set -euo pipefail
IFS=$'\\n\\t'

log() {
  local level="$1"; shift
  printf '%s [%-5s] %s\\n' "$(date +%H:%M:%S)" "$level" "$*" >&2
}

trap 'log ERROR "failed at line $LINENO"' ERR
`

/** A script of at least `bytes` bytes (10 KB by default), the same for a given seed. */
export const realisticScript = (bytes = 10 * 1024, seed = 7): string => {
  const rnd = prng(seed)
  let script = header
  for (let i = 0; script.length < bytes; i++) {
    const name = `${NAMES[Math.floor(rnd() * NAMES.length)]}${i}`
    script += blocks[i % blocks.length](name, 2 + Math.floor(rnd() * 20))
  }
  return script + '\nlog INFO "done"\n'
}
