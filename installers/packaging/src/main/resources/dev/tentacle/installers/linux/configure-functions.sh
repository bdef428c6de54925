# --- shared by the configure scripts (installers/packaging, linux/configure-functions.sh) ---
script_name=${0##*/}
here=$(dirname "$(readlink -f -- "$0")")
dry_run=
interactive=
if [ -t 0 ] && [ -t 1 ]; then
  interactive=yes
fi

# Exit code 2: the script was called wrongly; nothing was changed.
fail_usage() {
  printf '%s\n' "$script_name: $1" "Run '$script_name --help' for the options." >&2
  exit 2
}

# Exit code 1: a step failed; the message says which and what to do.
fail() {
  printf '%s\n' "$script_name: $1" >&2
  exit 1
}

need_value() {
  if [ $# -lt 2 ] || [ -z "$2" ]; then
    fail_usage "the option $1 needs a value."
  fi
}

valid_port() {
  [[ $1 =~ ^[0-9]{1,5}$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 65535 ]
}

valid_thumbprint() {
  local hex=${1//[: ]/}
  [[ $hex =~ ^([0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})$ ]]
}

# As the registry's rule (InstanceName): letters, digits, spaces, '.', '_' and '-', not starting or ending with a
# space or '.'; the command line checks the rest (length, names Windows reserves).
valid_name() {
  [[ $1 =~ ^[A-Za-z0-9]([A-Za-z0-9\ ._-]*[A-Za-z0-9_-])?$ ]]
}

valid_absolute_path() {
  [[ $1 == /* ]]
}

# require VARIABLE OPTION QUESTION DEFAULT VALIDATOR PROBLEM
# A value given as an option is checked. A missing one is asked for on a terminal (again until it is valid), or
# else taken from DEFAULT; without a default it is an error.
require() {
  local variable=$1 option=$2 question=$3 default=$4 validator=$5 problem=$6 answer
  if [ -n "${!variable}" ]; then
    if [ -n "$validator" ] && ! "$validator" "${!variable}"; then
      fail_usage "$option ${!variable}: $problem"
    fi
    return 0
  fi
  if [ -z "$interactive" ]; then
    if [ -n "$default" ]; then
      printf -v "$variable" '%s' "$default"
      return 0
    fi
    fail_usage "$option is required: give it, or run the script on a terminal without --yes to be asked."
  fi
  while :; do
    read -r -p "$question${default:+ [$default]}: " answer || fail "no answer to \"$question\" (end of input)."
    answer=${answer:-$default}
    if [ -n "$answer" ] && { [ -z "$validator" ] || "$validator" "$answer"; }; then
      printf -v "$variable" '%s' "$answer"
      return 0
    fi
    printf '%s\n' "${problem:-An answer is needed.}" >&2
  done
}

# choose VARIABLE OPTION QUESTION DEFAULT CHOICE...: like require, for one of a few words.
choose() {
  local variable=$1 option=$2 question=$3 default=$4 choice
  shift 4
  local choices=("$@")
  in_choices() {
    local c
    for c in "${choices[@]}"; do [ "$c" = "$1" ] && return 0; done
    return 1
  }
  require "$variable" "$option" "$question (${choices[*]})" "$default" in_choices \
    "Choose one of: ${choices[*]}."
}

steps=()
# A command to run, kept quoted so that it is shown and run exactly as it will be.
add_step() {
  steps+=("$(printf '%q ' "$@")")
}

# Shows the commands, asks on a terminal, then runs them one by one, stopping at the first that fails. Every step
# may be run again, so the script can simply be run again after fixing the problem.
run_steps() {
  local step answer
  printf '%s\n' "These commands set it up:"
  for step in "${steps[@]}"; do
    printf '    %s\n' "$step"
  done
  if [ -n "$dry_run" ]; then
    printf '%s\n' "(--dry-run: nothing was run.)"
    return 0
  fi
  if [ -n "$interactive" ]; then
    read -r -p "Run them now? [Y/n] " answer || answer=n
    case $answer in
      [nN]*) printf '%s\n' "Nothing was changed."; exit 0 ;;
    esac
  fi
  for step in "${steps[@]}"; do
    printf '==> %s\n' "$step"
    if ! eval "$step"; then
      fail "this step failed: $step
The output above says why. The steps before it are done; fix the problem and run $script_name again (every step
can be repeated)."
    fi
  done
}

warn_unless_root() {
  if [ "$(id -u)" != 0 ] && [ -z "${OCTOPUS_INSTANCES_DIR:-}" ]; then
    printf '%s\n' "Note: you are not root, so the instance goes to your own registry (~/.config/octopus), not the" \
      "machine's (/etc/octopus), and installing the service will need root. Run with sudo for a machine-wide set-up." >&2
  fi
}
# --- end of the shared part ---
