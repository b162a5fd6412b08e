# A time limit for a drill: after SECONDS it stops the script's running commands and then the script (whose EXIT trap
# stops what it started). Source it, call start_watchdog SECONDS NAME, and stop_watchdog in the EXIT trap.
watchdog=""

start_watchdog() { # seconds name
  local seconds="$1" name="$2" script=$$
  (
    sleep "$seconds"
    echo "$name: took more than $(( seconds / 60 )) minutes; stopping"
    for child in $(pgrep -P "$script"); do [ "$child" != "$BASHPID" ] && kill -TERM "$child" 2>/dev/null; done
    kill -TERM "$script"
  ) 2>/dev/null &
  watchdog=$!
}

stop_watchdog() {
  if [ -n "$watchdog" ]; then
    pkill -P "$watchdog" 2>/dev/null || true
    kill "$watchdog" 2>/dev/null || true
  fi
  return 0
}
