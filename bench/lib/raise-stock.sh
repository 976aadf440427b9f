# Sourced by the bench scripts (bench/e2e.sh, bench/ab.sh), not run on its own.
#
# raise_stock URL USER PASSWORD TOTAL: sets the daily portions of every limited dish in every store of the server at
# URL to TOTAL, through the staff stock API (signed in as USER), so a lunch rush measures placing orders, not selling
# out. A dish the server refuses is named on stderr (stdout may be a caller's parsed output).
raise_stock() {
  local base="$1/api/v1" user=$2 password=$3 total=$4 store dish code token
  token=$(curl -sf -X POST "$base/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$password\"}" | jq -r .accessToken)
  for store in $(curl -sf "$base/stores" | jq -r '.[].id'); do
    for dish in $(curl -sf -H "Authorization: Bearer $token" "$base/stores/$store/stock" | jq -r '.[].dishId'); do
      code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT "$base/stores/$store/stock/$dish" \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{\"total\":$total}")
      [[ $code == 200 ]] || echo "warning: PUT stock $store/$dish answered $code" >&2
    done
  done
}
