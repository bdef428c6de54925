#!/bin/bash
# configure-tentacle.sh: sets up a Tentacle instance on this machine and installs its service, asking for what is
# not given, like Octopus Tentacle's script of the same name. Installed by the tentacle package in /opt/tentacle/bin;
# it runs the tentacle command beside it, shows every command before running it, and can be run again.
set -uo pipefail

@CONFIGURE_FUNCTIONS@

usage() {
  cat <<USAGE
Usage: $script_name [options]

Sets up a Tentacle instance and installs its service, asking on a terminal for anything not given.

  --instance NAME                 the instance (default: Tentacle)
  --home DIR                      its home directory, an absolute path (default: in the registry)
  --mode listening|polling        listening: the Octopus Server connects to this Tentacle;
                                  polling: this Tentacle connects to the server
  --port PORT                     listening: the port to listen on (default: 10933)
  --trust THUMBPRINT              listening: the thumbprint of the Octopus Server that may connect
  --server-comms-address ADDRESS  polling: the server's host name or https://HOST:PORT/
  --server-comms-port PORT        polling: the server's polling port (default: 10943)
  --server-thumbprint THUMBPRINT  polling: the Octopus Server's thumbprint
  --no-service                    do not install the service (run it with: tentacle run --instance NAME)
  --yes                           ask nothing: take the defaults, fail if something required is missing
  --dry-run                       show the commands, run nothing
  -h, --help                      this text

Exit codes: 0 done, 1 a step failed (the message says which), 2 wrong options (nothing was changed).
USAGE
}

instance= home= mode= port= trust= server_address= server_port= server_thumbprint= service=yes
while [ $# -gt 0 ]; do
  case $1 in
    --instance) need_value "$@"; instance=$2; shift 2 ;;
    --home) need_value "$@"; home=$2; shift 2 ;;
    --mode) need_value "$@"; mode=$2; shift 2 ;;
    --port) need_value "$@"; port=$2; shift 2 ;;
    --trust) need_value "$@"; trust=$2; shift 2 ;;
    --server-comms-address) need_value "$@"; server_address=$2; shift 2 ;;
    --server-comms-port) need_value "$@"; server_port=$2; shift 2 ;;
    --server-thumbprint) need_value "$@"; server_thumbprint=$2; shift 2 ;;
    --no-service) service=; shift ;;
    --yes) interactive=; shift ;;
    --dry-run) dry_run=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    *) fail_usage "unknown option '$1'." ;;
  esac
done

tentacle=$here/tentacle
[ -x "$tentacle" ] || fail "$tentacle is missing: reinstall the tentacle package."
warn_unless_root

require instance --instance "Instance name" Tentacle valid_name \
  "An instance name has letters, digits, spaces, '.', '_' and '-', and starts with a letter or digit."
if [ -n "$home" ] && ! valid_absolute_path "$home"; then
  fail_usage "--home $home: the home directory must be an absolute path, such as /var/lib/tentacle."
fi
choose mode --mode "Communication style" listening listening polling

add_step "$tentacle" create-instance --instance "$instance" ${home:+--home "$home"}
add_step "$tentacle" new-certificate --instance "$instance" --if-blank
if [ "$mode" = listening ]; then
  require port --port "Listening port" 10933 valid_port "The port must be a number from 1 to 65535."
  require trust --trust "Thumbprint of the Octopus Server that may connect" "" valid_thumbprint \
    "A thumbprint is 40 (SHA-1) or 64 (SHA-256) hex digits; spaces and colons are allowed."
  [ -z "$server_address$server_port$server_thumbprint" ] \
    || fail_usage "--server-comms-address, --server-comms-port and --server-thumbprint are for --mode polling."
  add_step "$tentacle" configure --instance "$instance" --port "$port" --noListen false --trust "$trust"
else
  require server_address --server-comms-address "Octopus Server address (host name or https://HOST:PORT/)" "" "" \
    "The server's address is needed."
  require server_port --server-comms-port "Octopus Server polling port" 10943 valid_port \
    "The port must be a number from 1 to 65535."
  require server_thumbprint --server-thumbprint "Octopus Server thumbprint" "" valid_thumbprint \
    "A thumbprint is 40 (SHA-1) or 64 (SHA-256) hex digits; spaces and colons are allowed."
  [ -z "$port$trust" ] || fail_usage "--port and --trust are for --mode listening."
  add_step "$tentacle" configure --instance "$instance" --noListen true
  add_step "$tentacle" poll-server --instance "$instance" --server-comms-address "$server_address" \
    --server-comms-port "$server_port" --thumbprint "$server_thumbprint"
fi
if [ -n "$service" ]; then
  add_step "$tentacle" service --instance "$instance" --install
fi
add_step "$tentacle" show-thumbprint --instance "$instance"

run_steps
[ -n "$dry_run" ] && exit 0
printf '%s\n' "" "The Tentacle instance '$instance' is set up."
if [ "$mode" = listening ]; then
  printf '%s\n' "Register it on the Octopus Server as a listening Tentacle at https://$(hostname -f 2>/dev/null || hostname):$port/" \
    "with the thumbprint shown above."
else
  printf '%s\n' "Register it on the Octopus Server as a polling Tentacle with the subscription id (poll://.../) and the" \
    "thumbprint shown above."
fi
if [ -z "$service" ]; then
  printf '%s\n' "Start it with: tentacle run --instance $instance   (or install the service: sudo tentacle service --instance $instance --install)"
fi
