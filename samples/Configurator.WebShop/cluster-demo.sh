#!/usr/bin/env bash
# The web shop as an Orleans cluster: a Redis server on 127.0.0.1, two web shop processes on
# 127.0.0.1:5081 and 127.0.0.1:5082 that each co-host a silo of one cluster (clustering and session
# grains in that Redis). A session is created through the first, continued through the second, the
# first process is killed, and the session is continued through the second again; each step's
# choices are printed. Loopback only; every process started here is stopped on exit.
#
#   bash samples/Configurator.WebShop/cluster-demo.sh            (builds the web shop first)
#   CONFIGURATOR_REDIS_PORT=6391 bash ...cluster-demo.sh         (another Redis port)
set -euo pipefail
cd "$(dirname "$0")/../.."

redis_port="${CONFIGURATOR_REDIS_PORT:-6390}"
model="${CONFIGURATOR_DEMO_MODEL:-window-rules}"
work=$(mktemp -d)
pids=()

stop() {
  # The shops first, newest first, each leaving the cluster through Redis; Redis last.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap stop EXIT

command -v redis-server >/dev/null || { echo "redis-server is needed (Debian: apt-get install redis-server)." >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed." >&2; exit 1; }

dll=samples/Configurator.WebShop/bin/Release/net10.0/Configurator.WebShop.dll
if [ -z "${CONFIGURATOR_NO_BUILD:-}" ]; then
  dotnet build samples/Configurator.WebShop -c Release -nologo -v quiet >/dev/null
fi

echo "== Redis on 127.0.0.1:$redis_port"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

start_shop() { # $1: 1 or 2
  dotnet "$dll" --urls "http://127.0.0.1:508$1" --Configurator:ModelFolder="$PWD/samples/models" \
    --Configurator:Sessions=orleans --Configurator:Redis="127.0.0.1:$redis_port" \
    --Configurator:ClusterId="demo-$$" --Configurator:SiloPort="1111$1" --Configurator:GatewayPort="3000$1" \
    --Logging:LogLevel:Default=Warning >"$work/shop$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:508$1/api/models" >/dev/null && return 0; sleep 0.1; done
  echo "The shop on 127.0.0.1:508$1 did not start:" >&2; cat "$work/shop$1.log" >&2; exit 1
}

echo "== two web shops, one cluster: 127.0.0.1:5081 and 127.0.0.1:5082"
start_shop 1
shop1=${pids[-1]}
start_shop 2

choices() { grep -o '"choices":\[[^]]*\]' <<<"$1" | head -1; }
choose() { # $1: port, $2: session, $3: module, $4: option
  curl -sf -X POST "http://127.0.0.1:$1/api/sessions/$2/choices" -H 'content-type: application/json' \
    -d "{\"module\":\"$3\",\"option\":\"$4\"}"
}

view=$(curl -sf -X POST http://127.0.0.1:5081/api/sessions -H 'content-type: application/json' -d "{\"model\":\"$model\"}")
id=$(grep -o '"id":"[^"]*"' <<<"$view" | head -1 | cut -d'"' -f4)
echo "5081 created session $id: $(choices "$view")"

view=$(choose 5082 "$id" frame oak)
echo "5082 frame=oak:        $(choices "$view")"
view=$(choose 5081 "$id" glass double)
echo "5081 glass=double:     $(choices "$view")"

kill "$shop1"; wait "$shop1" 2>/dev/null || true
echo "== killed the shop on 5081 (pid $shop1): its silo left the cluster"

view=$(curl -sf "http://127.0.0.1:5082/api/sessions/$id")
echo "5082 after the kill:   $(choices "$view")"
view=$(choose 5082 "$id" size l)
echo "5082 size=l:           $(choices "$view")"
