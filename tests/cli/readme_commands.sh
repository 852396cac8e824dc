#!/usr/bin/env bash
# tests/cli/readme_commands.sh BIN SOURCE_DIR — README's "Other commands", one by one, with
# README's option order; caunoi.db is a small demo database in a temporary folder.
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
# expect PATTERN CMD...: CMD exits 0 and its standard output contains PATTERN.
expect() {
  local pattern=$1; shift
  local out rc=0
  out=$("$@" 2>"$work/stderr") || rc=$?
  [ "$rc" = 0 ] || { cat "$work/stderr" >&2; fail "exit $rc from: $*"; }
  grep -qF -- "$pattern" <<<"$out" || { echo "$out" | head -20 >&2; fail "no '$pattern' from: $*"; }
}

expect "places" "$bin" --help
"$bin" demo --db caunoi.db --scale 0.02 --seed 7 2>/dev/null || fail "demo"
expect "nay thuộc Tỉnh Lào Cai" "$bin" places search "yen bai"
expect "nay thuộc Tỉnh Lào Cai" "$bin" places search "yen bai" --db caunoi.db
expect "10 tháng đầu năm 2021" "$bin" period 2022-01..2022-10

# The first administrator, password from standard input, options after the subcommand.
expect "Đã tạo tài khoản admin" "$bin" user add --db caunoi.db --username admin --role admin \
  --unit VN <<<"mat-khau-du-dai-123"
expect "admin" "$bin" user list --db caunoi.db
# A unit by its name, without diacritics: the province, not Phường Lào Cai.
expect "đơn vị 15" "$bin" user add --db caunoi.db --username canbo.laocai --role province_staff \
  --unit "lao cai" <<<"mat-khau-du-dai-456"

# An import of a file as staff write it; the second run of the same file adds nothing.
printf 'Ngày,Đơn vị,Loại hoạt động,Số cuộc,Số lượt người tham dự\n15/06/2026,Tỉnh Lào Cai,Hội nghị truyền thông,1,120\n' >hoat-dong.csv
expect "Đã nhập 1 hoạt động mới" "$bin" import activities hoat-dong.csv --db caunoi.db
expect "Đã nhập 0 hoạt động mới, bỏ qua 1" "$bin" import activities hoat-dong.csv --db caunoi.db
# Both writes from the shell are audited as cli:<system user>: the user, and the file that wrote.
audited=$(python3 -c 'import sqlite3,sys; print("\n".join(u+" "+a for u,a in sqlite3.connect(sys.argv[1]).execute(
  "SELECT username, action FROM audit_log WHERE username LIKE ? ORDER BY id", ("cli:%",))))' caunoi.db)
grep -q '^cli:[^ ]\+ user.create$' <<<"$audited" || fail "no cli: record of user add in: $audited"
[ "$(grep -c ' cli:import activities$' <<<"$audited")" = 1 ] ||
  fail "the import that wrote a row should leave one cli: record: $audited"
# A bad file: exit 3, the row and column named, nothing written.
printf 'Ngày,Đơn vị,Loại hoạt động,Số cuộc\n32/06/2026,Tỉnh Lào Cai,Hội nghị truyền thông,1\n' >sai.csv
set +e
out=$("$bin" import activities sai.csv --db caunoi.db 2>&1)
rc=$?
set -e
[ "$rc" = 3 ] || fail "bad file exit $rc, not 3"
grep -qF 'Dòng 2, cột "Ngày"' <<<"$out" || fail "bad file: no row and column in: $out"

expect "so với cùng kỳ" "$bin" report --db caunoi.db --unit VN --period 2022-01..2022-10 \
  --compare last-year
expect "Lào Cai" "$bin" report --db caunoi.db --unit "Lào Cai" --period 2022
expect "" "$bin" report --db caunoi.db --unit VN --period 2022-01..2022-10 --compare last-year \
  --data approved --format xlsx --out r.xlsx
[ -s r.xlsx ] || fail "report --format xlsx wrote no file"
expect "" "$bin" report --db caunoi.db --unit "Lào Cai" --period 2022 --format docx \
  --out bao-cao.docx
[ "$(head -c 2 bao-cao.docx)" = "PK" ] || fail "report --format docx wrote no .docx"
expect "hộ gia đình" "$bin" ask --kb "$src/data/qa/kb.jsonl" "dong bhyt ho gia dinh bao nhieu"
expect "Đã sao lưu" "$bin" backup --db caunoi.db --out backup.db
[ -s backup.db ] || fail "backup wrote no file"
echo "README commands: ok"
