#!/bin/bash
# configure-octopus-server.sh: sets up an Octopus Server instance on this machine and installs its service, asking
# for what is not given. Installed by the octopus-server package in /opt/octopus-server/bin; it runs the
# octopus-server command beside it, shows every command before running it, and can be run again.
set -uo pipefail

@CONFIGURE_FUNCTIONS@

usage() {
  cat <<USAGE
Usage: $script_name [options]

Sets up an Octopus Server instance and installs its service, asking on a terminal for anything not given.

  --instance NAME        the instance (default: OctopusServer)
  --home DIR             its home directory, an absolute path (default: in the registry)
  --web-port PORT        the HTTPS API's port (default: 8443)
  --comms-port PORT      the port polling Tentacles connect to (default: 10943)
  --storage TEXT         the database: default (embedded H2 in the home), h2:DIR, jdbc:h2:URL or
                         jdbc:postgresql://HOST:PORT/DATABASE (default: default)
  --api-key-name NAME    also create an API key with this name, for tentacle register-with (printed once)
  --no-service           do not install the service (run it with: octopus-server run --instance NAME)
  --yes                  ask nothing: take the defaults, fail if something required is missing
  --dry-run              show the commands, run nothing
  -h, --help             this text

Exit codes: 0 done, 1 a step failed (the message says which), 2 wrong options (nothing was changed).
USAGE
}

valid_storage() {
  [[ $1 == default || $1 == h2:* || $1 == jdbc:h2:* || $1 == jdbc:postgresql://* ]]
}

instance= home= web_port= comms_port= storage= api_key_name= service=yes
while [ $# -gt 0 ]; do
  case $1 in
    --instance) need_value "$@"; instance=$2; shift 2 ;;
    --home) need_value "$@"; home=$2; shift 2 ;;
    --web-port) need_value "$@"; web_port=$2; shift 2 ;;
    --comms-port) need_value "$@"; comms_port=$2; shift 2 ;;
    --storage) need_value "$@"; storage=$2; shift 2 ;;
    --api-key-name) need_value "$@"; api_key_name=$2; shift 2 ;;
    --no-service) service=; shift ;;
    --yes) interactive=; shift ;;
    --dry-run) dry_run=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    *) fail_usage "unknown option '$1'." ;;
  esac
done

server=$here/octopus-server
[ -x "$server" ] || fail "$server is missing: reinstall the octopus-server package."
warn_unless_root

require instance --instance "Instance name" OctopusServer valid_name \
  "An instance name has letters, digits, spaces, '.', '_' and '-', and starts with a letter or digit."
if [ -n "$home" ] && ! valid_absolute_path "$home"; then
  fail_usage "--home $home: the home directory must be an absolute path, such as /var/lib/octopus-server."
fi
require web_port --web-port "HTTPS API port" 8443 valid_port "The port must be a number from 1 to 65535."
require comms_port --comms-port "Polling port for Tentacles" 10943 valid_port \
  "The port must be a number from 1 to 65535."
[ "$web_port" != "$comms_port" ] || fail_usage "--web-port and --comms-port must differ; both are $web_port."
require storage --storage "Database (default, h2:DIR, jdbc:h2:URL or jdbc:postgresql://HOST:PORT/DATABASE)" default \
  valid_storage "The database is default, h2:DIR, jdbc:h2:URL or jdbc:postgresql://HOST:PORT/DATABASE."

add_step "$server" create-instance --instance "$instance" ${home:+--home "$home"}
add_step "$server" new-certificate --instance "$instance" --if-blank
add_step "$server" configure --instance "$instance" --webPort "$web_port" --commsListenPort "$comms_port" \
  --storageConnectionString "$storage"
if [ -n "$api_key_name" ]; then
  add_step "$server" create-api-key --instance "$instance" --name "$api_key_name"
fi
if [ -n "$service" ]; then
  add_step "$server" service --instance "$instance" --install
fi
add_step "$server" show-thumbprint --instance "$instance"

run_steps
[ -n "$dry_run" ] && exit 0
printf '%s\n' "" "The Octopus Server instance '$instance' is set up. Tentacles trust it by the thumbprint shown above."
if [ -z "$service" ]; then
  printf '%s\n' "Start it with: octopus-server run --instance $instance   (or install the service: sudo octopus-server service --instance $instance --install)"
fi
