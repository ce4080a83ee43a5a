#!/usr/bin/env bash
# SQL Server cannot run on CI's machine. Instead, the EF tool pinned in the tool
# manifest generates the idempotent SQL Server migration script, and this checks
# that it creates the tables and the unique indexes the service relies on.
# Extra arguments go to `dotnet ef` (e.g. --no-build --configuration Release).
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
script="$work/sqlserver-migrations.sql"

dotnet tool restore >/dev/null
if ! dotnet ef migrations script --idempotent \
    --context SqlServerChatDbContext --project src/Chat.Infrastructure \
    --output "$script" "$@" >"$work/ef.log" 2>&1; then
  cat "$work/ef.log"
  echo "FAIL: SQL Server migrations: dotnet ef could not generate the script"
  exit 1
fi

missing=()
for table in Users Sessions Messages SessionMembers; do
  grep -q "CREATE TABLE \[$table\]" "$script" || missing+=("table $table")
done
grep -q 'CREATE UNIQUE INDEX \[UX_Users_SignedInName\] ON \[Users\] (\[NormalizedUsername\]) WHERE .SignedOutAt. IS NULL' "$script" \
  || missing+=("unique index UX_Users_SignedInName (signed-in users only)")
grep -q 'CREATE UNIQUE INDEX \[UX_Sessions_Room\] ON \[Sessions\] (\[NormalizedRoom\])' "$script" \
  || missing+=("unique index UX_Sessions_Room")
grep -q 'CREATE UNIQUE INDEX \[UX_SessionMembers_OneSessionPerUser\] ON \[SessionMembers\] (\[UserId\]) WHERE .LeftAt. IS NULL' "$script" \
  || missing+=("unique index UX_SessionMembers_OneSessionPerUser (open stays only)")

if ((${#missing[@]})); then
  printf 'FAIL: SQL Server migrations: the idempotent script lacks %s\n' "$(IFS=';'; echo "${missing[*]}")"
  exit 1
fi
echo "PASS: SQL Server migrations: the idempotent script creates Users, Sessions, Messages, SessionMembers and the unique indexes UX_Users_SignedInName, UX_Sessions_Room, UX_SessionMembers_OneSessionPerUser"
