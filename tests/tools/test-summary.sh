#!/usr/bin/env bash
# Reads the .trx files of a `dotnet test` run and prints its summary:
#   - every skipped test, grouped by its skip reason (the reason names what is missing: java, chromium, docker-compose…);
#   - under CI (CI=true), each skip is unexpected and counts as a failure, unless its reason or name matches the
#     extended regular expression in GRAPHINTEL_ALLOWED_SKIPS (empty: none allowed);
#   - the last line: "N passed, N failed, N skipped".
#   tests/tools/test-summary.sh <results-directory> [dotnet-test-exit-code]
# Exit code 0 only when nothing failed (and, with an exit code given, dotnet test itself succeeded).
set -uo pipefail
results="${1:?usage: test-summary.sh <results-directory> [dotnet-test-exit-code]}"
status="${2:-0}"
ci="${CI:-}"
allowed="${GRAPHINTEL_ALLOWED_SKIPS:-}"

shopt -s nullglob
trx=("$results"/*.trx)

passed=0; failed=0; skipped=0
for f in "${trx[@]}"; do
  counters="$(grep -o '<Counters [^>]*>' "$f" | head -n 1)"
  get() { local v; v="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"; echo "${v:-0}"; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get total) - $(get executed)))
done

# One line per skipped test: "<reason>\t<test name>" (the reason is the first <Message> after a NotExecuted result).
skips="$(for f in "${trx[@]}"; do
  awk '
    /<UnitTestResult / && /outcome="NotExecuted"/ {
      name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name); waiting = 1; reason = "(no reason given)"
      if ($0 ~ /\/>[[:space:]]*$/) { print reason "\t" name; waiting = 0 }
      next
    }
    waiting && /<Message>/ { reason = $0; sub(/.*<Message>/, "", reason); sub(/<\/Message>.*/, "", reason) }
    waiting && /<\/UnitTestResult>/ { print reason "\t" name; waiting = 0 }
  ' "$f"
done)"

unexpected=0
if [[ -n "$skips" ]]; then
  echo
  echo "==> $skipped test(s) skipped, by reason:"
  while IFS= read -r reason; do
    names="$(awk -F '\t' -v r="$reason" '$1 == r { print "      " $2 }' <<<"$skips")"
    count="$(wc -l <<<"$names")"
    if [[ "$ci" == "true" ]] && ! { [[ -n "$allowed" ]] && grep -Eq -- "$allowed" <<<"$reason"; }; then
      # A name matching the allowed pattern is expected too.
      if [[ -n "$allowed" ]]; then
        kept="$(grep -Ev -- "$allowed" <<<"$names" || true)"
        count="$(grep -c . <<<"$kept" || true)"
        names="$kept"
      fi
      if (( count > 0 )); then
        unexpected=$((unexpected + count))
        echo "  !!! UNEXPECTED under CI, counted as failed ($count): $reason"
      fi
    else
      echo "  skipped ($count): $reason"
    fi
    [[ -n "$names" ]] && printf '%s\n' "$names"
  done < <(cut -f 1 <<<"$skips" | sort | uniq)
fi

if (( unexpected > 0 )); then
  echo "==> CI=true: $unexpected skipped test(s) count as failures: install what the reasons above name (tests/run does so as root with apt)," \
    "or allow them with GRAPHINTEL_ALLOWED_SKIPS=<regex>."
  failed=$((failed + unexpected)); skipped=$((skipped - unexpected))
fi
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  # A build error or a crashed test host: count it as a failure so the summary cannot read green.
  failed=1
  echo "==> dotnet test exited with $status (build error or test host crash)"
fi
if (( ${#trx[@]} == 0 )) && [[ $status -eq 0 ]]; then
  failed=$((failed + 1))
  echo "==> no test results (.trx) in $results: no test ran"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
