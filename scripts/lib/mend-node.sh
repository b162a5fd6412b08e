# Mend nodes for the drills: the Release build of src/Mend.Web in Production on a loopback port, on PostgreSQL, with
# cookies over plain HTTP (the drills have no TLS) and warnings and errors logged. Source it after setting root.

# start_mend_node NAME PORT LOG [VAR=VALUE...]: starts a node named NAME (Mend:Node:Name) on 127.0.0.1:PORT with the
# extra settings given (ConnectionStrings__Mend at least), appending its output to LOG; sets MEND_NODE_PID; returns 0
# once /health/ready answers, 1 (with the log's tail) when it has not within 90 seconds.
start_mend_node() {
  local name="$1" port="$2" log="$3"; shift 3
  (
    cd "$root/src/Mend.Web"
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Mend__Database__Provider=Postgres \
      Mend__Node__Name="$name" Mend__Security__SecureCookies=false Logging__LogLevel__Default=Warning "$@" \
      dotnet bin/Release/net10.0/Mend.Web.dll
  ) >> "$log" 2>&1 &
  MEND_NODE_PID=$!
  disown "$MEND_NODE_PID"
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return 0; sleep 1; done
  echo "  node $name did not become ready:"; tail -n 20 "$log"; return 1
}

# verify_audit CONNECTION KEY: Mend's verify-audit against a PostgreSQL database with encryption key 1; its output,
# and its exit code (0 when the chain is intact).
verify_audit() {
  (cd "$root/src/Mend.Web" && env Mend__Database__Provider=Postgres ConnectionStrings__Mend="$1" Mend__Encryption__Keys__1="$2" \
    Logging__LogLevel__Default=Warning dotnet bin/Release/net10.0/Mend.Web.dll verify-audit 2>&1)
}
