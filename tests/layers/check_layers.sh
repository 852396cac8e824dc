#!/usr/bin/env bash
# tests/layers/check_layers.sh — caunoi's layering, stated once and checked: which folders of
# src/ each folder may include. A folder that includes one it may not (a domain part reaching
# into api/, app/ into http/…), a new folder missing from the table, or a README whose layering
# table differs from this one fails `make test`. Run: check_layers.sh SOURCE_DIR
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}

# Lower layers first; a folder may include only folders listed for it (and itself).
order=(common text store changes tabular periods places sheets audit auth approval qa activities plans
       analytics reports demo api http app cli)
declare -A may=(
  [common]=""
  [text]=""
  [store]="common"
  [changes]="common store"
  [tabular]="common"
  [periods]="common"
  [places]="common store tabular text"
  [sheets]="common places tabular text"
  [audit]="common store tabular"
  [auth]="common places store audit"
  [approval]="common places store audit auth changes"
  [qa]="common store text audit changes"
  [activities]="common places sheets store tabular text audit changes"
  [plans]="common periods places sheets store tabular text audit changes"
  [analytics]="common periods places store activities plans"
  [reports]="common text periods places tabular analytics"
  [demo]="common places store tabular audit activities plans"
  [api]="common periods places store tabular audit auth approval qa activities plans analytics reports"
  [http]="common api"
  [app]="common places store audit auth approval qa activities plans analytics api changes"
  [cli]="common periods places store tabular audit auth approval qa activities analytics reports demo api http app"
)

fail=0
# Every folder has a line, and a folder may only name folders below it in `order`.
for d in "$root"/src/*/; do
  d=$(basename "$d")
  [[ -v may[$d] ]] || { echo "src/$d: not in the layering table of $0"; fail=1; }
done
declare -A rank=()
for i in "${!order[@]}"; do rank[${order[$i]}]=$i; done
for d in "${order[@]}"; do
  for x in ${may[$d]}; do
    (( rank[$x] < rank[$d] )) || { echo "table: $d may include $x, which is not below it"; fail=1; }
  done
done

# Every quoted include of a source file names an allowed folder.
while IFS=: read -r file line target; do
  d=${file#"$root"/src/}
  d=${d%%/*}
  [[ $target == "$d" ]] && continue
  [[ " ${may[$d]:-} " == *" $target "* ]] && continue
  echo "${file#"$root"/}:$line includes $target/, which src/$d may not"
  fail=1
done < <(grep -rnoE '^#include "[a-z_]+/' "$root"/src --include='*.h' --include='*.cpp' |
         sed -E 's/#include "([a-z_]+)\/$/\1/')

# README.md shows the same table, between its <!-- layers --> markers.
table() {
  echo '| folder | may include |'
  echo '| --- | --- |'
  for d in "${order[@]}"; do echo "| $d | ${may[$d]:-—} |"; done
}
readme=$(sed -n '/<!-- layers -->/,/<!-- \/layers -->/p' "$root/README.md" | sed '1d;$d')
if [[ "$readme" != "$(table)" ]]; then
  echo "README.md: the layering table differs from $0; it should read:"
  table
  fail=1
fi
exit $fail
