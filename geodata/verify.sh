#!/usr/bin/env bash
# Verify a geodata directory against geodata/manifest.json (size + SHA-256 per file).
#
# Usage: geodata/verify.sh [DIR]
#   DIR defaults to $RISKMAP_GEODATA, else ../shared/geodata relative to the repository root.
#
# Prints one line per manifest entry: OK, MISSING or MISMATCH (plus EXTRA for files
# not in the manifest, informational only).
# Exit status: 0 all files OK; 1 any file MISSING or MISMATCH; 2 usage error.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"
manifest="$script_dir/manifest.json"

usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then usage; exit 0; fi
if [[ $# -gt 1 ]]; then usage >&2; exit 2; fi

dir="${1:-${RISKMAP_GEODATA:-$repo_root/../shared/geodata}}"
if [[ ! -d "$dir" ]]; then
  echo "verify.sh: directory not found: $dir" >&2
  exit 2
fi
dir="$(cd "$dir" && pwd)"
[[ -f "$manifest" ]] || { echo "verify.sh: manifest not found: $manifest" >&2; exit 2; }
command -v sha256sum >/dev/null || { echo "verify.sh: sha256sum is required" >&2; exit 2; }
command -v python3 >/dev/null || { echo "verify.sh: python3 is required" >&2; exit 2; }

# path<TAB>size<TAB>sha256, one line per file.
entries="$(python3 -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    for e in json.load(f)["files"]:
        print("{}\t{}\t{}".format(e["path"], e["size"], e["sha256"]))
' "$manifest")"

echo "Checking $dir against ${manifest#"$repo_root"/}"
ok=0; missing=0; mismatch=0
declare -A known=()
while IFS=$'\t' read -r path size sha; do
  [[ -n "$path" ]] || continue
  known["$path"]=1
  file="$dir/$path"
  if [[ ! -f "$file" ]]; then
    printf 'MISSING   %s\n' "$path"; missing=$((missing + 1)); continue
  fi
  actual_size="$(wc -c < "$file" | tr -d ' ')"
  if [[ "$actual_size" != "$size" ]]; then
    printf 'MISMATCH  %s (size %s, expected %s)\n' "$path" "$actual_size" "$size"; mismatch=$((mismatch + 1)); continue
  fi
  actual_sha="$(sha256sum "$file" | awk '{print $1}')"
  if [[ "$actual_sha" != "$sha" ]]; then
    printf 'MISMATCH  %s (sha256 %s, expected %s)\n' "$path" "$actual_sha" "$sha"; mismatch=$((mismatch + 1)); continue
  fi
  printf 'OK        %s\n' "$path"; ok=$((ok + 1))
done <<< "$entries"

while IFS= read -r -d '' file; do
  rel="${file#"$dir"/}"
  [[ -n "${known[$rel]:-}" ]] || printf 'EXTRA     %s (not in manifest)\n' "$rel"
done < <(find "$dir" -type f -print0 | sort -z)

echo "$ok OK, $missing missing, $mismatch mismatched"
if (( missing > 0 || mismatch > 0 )); then
  exit 1
fi
