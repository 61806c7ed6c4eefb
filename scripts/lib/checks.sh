# shellcheck shell=bash
# Sourced by the test scripts (test-*.sh): named checks with a pass/fail tally, timed steps and
# free local ports. Set TEST_NAME before sourcing; it prefixes the step lines.
#   check "what" command...   runs the command, prints PASS/FAIL, counts it in $passed/$failed
#   step "what" / took        prints a timestamped step line / the seconds since that step began
#   port_busy PORT            true when something accepts connections on 127.0.0.1:PORT
#   first_free PORT           prints the first free port among PORT..PORT+99
passed=0
failed=0
step_began=$SECONDS

check() {
  local what="$1"
  shift
  if "$@"; then
    echo "  PASS $what" >&2
    passed=$((passed + 1))
  else
    echo "  FAIL $what" >&2
    failed=$((failed + 1))
  fi
}

step() { echo "[${TEST_NAME:-test} $(date +%T)] $*" >&2; step_began=$SECONDS; }
took() { echo "[${TEST_NAME:-test} $(date +%T)]   ...$((SECONDS - step_began)) s" >&2; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

first_free() {
  local p
  for p in $(seq "$1" $(($1 + 99))); do
    port_busy "$p" || { echo "$p"; return 0; }
  done
  echo "no free port from $1" >&2
  return 1
}
