# shellcheck shell=bash
# stack/lint.sh, sourced by ./setpoint: shellcheck over every shell file of the repository. It is
# the first step of `test`, so a finding fails the run before a service or Maven starts.

# The repository's shell files, relative to ROOT, one a line: named *.sh, or starting with a sh or
# bash shebang or a `# shellcheck shell=` directive. Git's list (tracked, or new and not ignored)
# keeps build output and downloads out; without git, every file outside .git, target/ and
# SETPOINT_HOME.
shell_files() {
  local f first
  while IFS= read -r -d '' f; do
    f=${f#"$ROOT"/}
    [[ -f $ROOT/$f ]] || continue   # deleted, not yet committed
    first=""
    IFS= read -r -n 128 first <"$ROOT/$f" 2>/dev/null || true
    if [[ $f == *.sh || $first =~ ^#!.*[/[:space:]](ba|da|k)?sh([[:space:]]|$) ||
      $first == '# shellcheck shell='* ]]; then
      printf '%s\n' "$f"
    fi
  done < <(
    if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
      git -C "$ROOT" ls-files -z --cached --others --exclude-standard
    else
      find "$ROOT" \( -name .git -o -name target -o -path "$SETPOINT_HOME" \) -prune -o -type f -print0
    fi
  )
}

# Run shellcheck -x on every shell file; any finding (error, warning, info or style) fails. -x follows
# the sourced files to the paths their `# shellcheck source=` directives give relative to ROOT, so
# a file sourced by another is checked knowing its caller's variables and functions.
lint_shell_files() {
  local t0 files=()
  ensure_shellcheck
  t0=$(now_us)
  mapfile -t files < <(shell_files)
  ((${#files[@]})) || die "shellcheck: no shell files found under $ROOT"
  if ! (cd "$ROOT" && shellcheck -x -- "${files[@]}"); then
    die "shellcheck found the problems above in the shell files; fix them (or disable that check on that line, saying why) and run the tests again"
  fi
  say "shellcheck: ${#files[@]} shell files clean ($(seconds_since "$t0") s)"
}
