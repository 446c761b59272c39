#!/usr/bin/env bash
# Mints a development bearer token (JWT, HS256) that the API accepts when it runs with the development key
# (./build/run.sh, docker compose). Paste it into Swagger's Authorize box or send it as
# "Authorization: Bearer <token>".
#
#   ./build/token.sh <role> [--selection <id>]... [--subject <name>] [--hours <n>]
#     role: hr-system | committee | auditor | admin | talent-committee
#     --selection: a selection a committee token may see (repeat for several)
#     --hours: lifetime, 1 to 12 (the API refuses a token living longer than Auth:MaxTokenLifetime, 12 h by default)
#
# The key, issuer and audience come from src/MeritApi.Api/appsettings.Development.json unless
# MERITAPI_SIGNING_KEY / MERITAPI_ISSUER / MERITAPI_AUDIENCE are set. Never use this key in production.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() { sed -n '5,8p' "$0" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
role=$1; shift
case "$role" in hr-system|committee|auditor|admin|talent-committee) ;; *) echo "token.sh: unknown role '$role'" >&2; usage ;; esac

selections=() subject="dev-$role" hours=12
while [[ $# -gt 0 ]]; do
  case "$1" in
    --selection) selections+=("$2"); shift 2 ;;
    --subject) subject=$2; shift 2 ;;
    --hours) hours=$2; shift 2 ;;
    *) usage ;;
  esac
done

[[ "$hours" =~ ^[0-9]+$ ]] && ((hours >= 1 && hours <= 12)) || { echo "token.sh: --hours must be 1 to 12 (the API's token lifetime cap)" >&2; exit 2; }

SCRIPT=token.sh
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source build/lib/common.sh
ensure_command openssl openssl || die "openssl is needed to sign the token"

settings=src/MeritApi.Api/appsettings.Development.json
setting() { sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p" "$settings" | head -n 1; }
key=${MERITAPI_SIGNING_KEY:-$(setting SigningKey)}
issuer=${MERITAPI_ISSUER:-$(setting Issuer)}
audience=${MERITAPI_AUDIENCE:-$(setting Audience)}
[[ -n "$key" && -n "$issuer" && -n "$audience" ]] || { echo "token.sh: no signing key/issuer/audience found" >&2; exit 1; }

b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
json_string() { local s=${1//\\/\\\\}; printf '"%s"' "${s//\"/\\\"}"; }

now=$(date +%s)
claims="\"sub\":$(json_string "$subject"),\"role\":$(json_string "$role"),\"iss\":$(json_string "$issuer"),\"aud\":$(json_string "$audience"),\"iat\":$now,\"nbf\":$now,\"exp\":$((now + hours * 3600))"
if [[ ${#selections[@]} -gt 0 ]]; then
  list=$(printf ',%s' "${selections[@]/#/\"}" | sed 's/\(,"[^,]*\)/\1"/g')
  claims="$claims,\"selection\":[${list#,}]"
fi

header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{%s}' "$claims" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
