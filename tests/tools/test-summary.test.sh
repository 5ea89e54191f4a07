#!/usr/bin/env bash
# Tests of tests/tools/test-summary.sh (the counting and the CI skip rule of tests/run) on fake .trx files.
#   bash tests/tools/test-summary.test.sh      → "N passed, N failed" and exit 0 when every case holds
set -uo pipefail
summary="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/test-summary.sh"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
passed=0; failed=0

# trx <dir> <name> <total> <executed> <passed> <failed> [<skipped test name> <reason>]…
trx() {
  local dir="$1" name="$2" total="$3" executed="$4" ok="$5" bad="$6"; shift 6
  mkdir -p "$dir"
  {
    echo '<?xml version="1.0" encoding="utf-8"?>'
    echo '<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">'
    echo '  <Results>'
    while (( $# >= 2 )); do
      echo "    <UnitTestResult executionId=\"x\" testName=\"$1\" computerName=\"vm\" outcome=\"NotExecuted\" testListId=\"y\">"
      echo '      <Output>'; echo '        <ErrorInfo>'; echo "          <Message>$2</Message>"; echo '        </ErrorInfo>'; echo '      </Output>'
      echo '    </UnitTestResult>'
      shift 2
    done
    echo '    <UnitTestResult executionId="z" testName="A.Passing" outcome="Passed" testListId="y" />'
    echo '  </Results>'
    echo '  <ResultSummary outcome="Completed">'
    echo "    <Counters total=\"$total\" executed=\"$executed\" passed=\"$ok\" failed=\"$bad\" error=\"0\" timeout=\"0\" aborted=\"0\" inconclusive=\"0\" notExecuted=\"$((total - executed))\" />"
    echo '  </ResultSummary>'
    echo '</TestRun>'
  } > "$dir/$name.trx"
}

# expect <case> <expected exit> <expected last line> <pattern the output must hold or ""> -- <env…> <args…>
expect() {
  local name="$1" code="$2" last="$3" pattern="$4"; shift 5
  local out actual
  out="$(env "$@" 2>&1)"; actual=$?
  if [[ $actual -eq $code && "$(tail -n 1 <<<"$out")" == "$last" ]] && { [[ -z "$pattern" ]] || grep -q -- "$pattern" <<<"$out"; }; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    printf 'FAIL %s: exit %s (expected %s), output:\n%s\n' "$name" "$actual" "$code" "$out"
  fi
}

trx "$work/green" a 5 5 5 0
trx "$work/green" b 3 3 3 0
expect "counts add up over several files" 0 "8 passed, 0 failed, 0 skipped" "" -- CI=true bash "$summary" "$work/green"

trx "$work/red" a 4 4 3 1
expect "a failed test fails the run" 1 "3 passed, 1 failed, 0 skipped" "" -- CI= bash "$summary" "$work/red"

trx "$work/skips" a 6 3 3 0 N.Neo4j.One "no Neo4j configured" N.Neo4j.Two "no Neo4j configured" B.Browser "no Chromium at /usr/bin/chromium"
expect "outside CI a skip is allowed and listed with its reason" 0 "3 passed, 0 failed, 3 skipped" "skipped (2): no Neo4j configured" -- CI= bash "$summary" "$work/skips"
expect "outside CI the skipped tests are named" 0 "3 passed, 0 failed, 3 skipped" "B.Browser" -- CI= bash "$summary" "$work/skips"
expect "under CI every skip is a failure, said loudly" 1 "3 passed, 3 failed, 0 skipped" "UNEXPECTED under CI, counted as failed (2): no Neo4j configured" -- CI=true bash "$summary" "$work/skips"
expect "under CI an allowed reason stays a skip" 1 "3 passed, 1 failed, 2 skipped" "" -- CI=true GRAPHINTEL_ALLOWED_SKIPS=Neo4j bash "$summary" "$work/skips"
expect "under CI an allowed test name stays a skip" 1 "3 passed, 2 failed, 1 skipped" "" -- CI=true GRAPHINTEL_ALLOWED_SKIPS='N\.Neo4j\.One' bash "$summary" "$work/skips"
expect "under CI everything allowed is green" 0 "3 passed, 0 failed, 3 skipped" "" -- CI=true GRAPHINTEL_ALLOWED_SKIPS='Neo4j|Chromium' bash "$summary" "$work/skips"

expect "a failed dotnet test without failed tests (build error) is a failure" 1 "8 passed, 1 failed, 0 skipped" "exited with 1" -- CI= bash "$summary" "$work/green" 1
mkdir -p "$work/empty"
expect "no results at all is a failure, not a green run" 1 "0 passed, 1 failed, 0 skipped" "no test ran" -- CI= bash "$summary" "$work/empty"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
