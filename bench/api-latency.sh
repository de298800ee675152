#!/usr/bin/env bash
# Sequential API latency against a running local platform (./palestra): registrations and searches through the
# gateway, searches straight at members-service. One client, one request at a time, curl's own timings.
# Usage: bench/api-latency.sh [registrations=300] [searches=90]
# The gateway allows a client 100 requests at once then 50 a second: keep searches under 100 per run.
set -euo pipefail
gateway=${PALESTRA_GATEWAY:-localhost:8080}
members=${PALESTRA_MEMBERS:-localhost:8081}
registrations=${1:-300}
searches=${2:-90}

token() {
  curl -sf "$gateway/dev/token" -H 'Content-Type: application/json' -d "$1" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
percentiles() {
  sort -n | awk -v label="$1" '{a[NR]=$1; s+=$1} END {
    printf "%-44s n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  total %.1f s\n",
      label, NR, a[int(NR*0.50)]*1000, a[int(NR*0.95)]*1000, a[int(NR*0.99)]*1000, a[NR]*1000, s }'
}

admin=$(token '{"roles": ["platform-admin"], "subject": "bench"}')
organization=$(curl -sf "$gateway/api/v1/organizations" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' -d '{"name": "Bench Club", "currency": "EUR", "timeZone": "Europe/Paris",
  "locale": "fr-FR", "sites": [{"name": "Bench", "timeZone": "Europe/Paris"}]}')
org_id=$(echo "$organization" | sed -E 's/^\{"id":"([^"]+)".*/\1/')
site_id=$(echo "$organization" | sed -E 's/.*"sites":\[\{"id":"([^"]+)".*/\1/')
manager=$(token "{\"organizationId\": \"$org_id\", \"roles\": [\"manager\"], \"subject\": \"bench\"}")

for i in $(seq 1 "$registrations"); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$gateway/api/v1/members" \
    -H "Authorization: Bearer $manager" -H 'Content-Type: application/json' \
    -d "{\"siteId\": \"$site_id\", \"firstName\": \"Bench\", \"lastName\": \"Member $i\", \"phone\": \"+336$(printf '%08d' "$i")\"}"
done > /tmp/palestra-bench-registrations
{ grep -vc '^201 ' /tmp/palestra-bench-registrations || true; } | sed 's/^/registrations not answered 201: /'
cut -d' ' -f2 /tmp/palestra-bench-registrations | percentiles "POST /api/v1/members via gateway (201, read-your-writes)"

for target in "$members" "$gateway"; do
  for i in $(seq 1 "$searches"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$target/api/v1/members?q=member%20$(( (i * 7) % registrations + 1 ))" \
      -H "Authorization: Bearer $manager"
  done > /tmp/palestra-bench-searches
  { grep -vc '^200 ' /tmp/palestra-bench-searches || true; } | sed 's/^/searches not answered 200: /'
  cut -d' ' -f2 /tmp/palestra-bench-searches | percentiles "GET /api/v1/members?q= at $target"
  sleep 2   # let the gateway's rate limit refill before the next round
done
