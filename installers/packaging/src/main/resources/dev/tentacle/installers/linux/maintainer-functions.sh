# --- shared by the @PACKAGE@ package's maintainer scripts (installers/packaging, linux/maintainer-functions.sh) ---
package=@PACKAGE@
title="@TITLE@"
install_dir=@INSTALL_DIR@
cli=@CLI_NAME@
unit_prefix=@UNIT_PREFIX@
registry_kind=@REGISTRY_KIND@
# dpkg --root (with --force-script-chrootless) runs the scripts outside the target root and says where it is in
# DPKG_ROOT; every path below is under it. Services of another root are never started or stopped.
root=${DPKG_ROOT:-}

systemd_running() {
  [ -z "$root" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1
}

# True when the unit file starts this package's launcher: the services `@CLI_NAME@ service --install` (or the
# desktop app) wrote, named PREFIX<instance>.service, with ExecStart=<launcher> run --instance NAME.
is_package_unit() {
  grep -Eq "^ExecStart=\"?($install_dir/bin/$cli|/usr/bin/$cli)\"? " "$1"
}

# Stops, disables and deletes the services this package's instances run; instances and their files stay.
remove_package_services() {
  removed=
  for unit_file in "$root"/etc/systemd/system/"$unit_prefix"*.service; do
    [ -f "$unit_file" ] || continue
    is_package_unit "$unit_file" || continue
    unit=${unit_file##*/}
    if systemd_running; then
      systemctl stop "$unit" || printf '%s\n' "Could not stop the service $unit; removing it anyway." >&2
      systemctl disable "$unit" >/dev/null 2>&1 || true
    fi
    rm -f "$unit_file" "$root"/etc/systemd/system/*.wants/"$unit"
    printf '%s\n' "Removed the service $unit (its $title instance and files are kept)."
    removed=yes
  done
  if [ -n "$removed" ] && systemd_running; then
    systemctl daemon-reload || true
  fi
}

# After an upgrade: restarts the running services of this package's instances, so that they run the new version.
restart_package_services() {
  systemd_running || return 0
  for unit_file in /etc/systemd/system/"$unit_prefix"*.service; do
    [ -f "$unit_file" ] || continue
    is_package_unit "$unit_file" || continue
    unit=${unit_file##*/}
    systemctl try-restart "$unit" || printf '%s\n' "Could not restart the service $unit: run" \
      "'sudo systemctl restart $unit' and see 'journalctl -u $unit'." >&2
  done
}

# Deletes the machine-wide registry of this product's instances, /etc/octopus/KIND: every instance's configuration,
# and the homes (certificates, logs, work, database) of instances created in their default place. Instances whose
# files are elsewhere are named and left.
purge_instances() {
  registry=$root/etc/octopus/$registry_kind
  [ -d "$registry" ] || return 0
  elsewhere=
  if [ -f "$registry/instances.json" ]; then
    elsewhere=$(grep -o '"configFile" *: *"[^"]*"' "$registry/instances.json" | sed 's/^.*: *"//; s/"$//' \
      | while IFS= read -r file; do
          case $file in
            "/etc/octopus/$registry_kind/"* | "$registry/"*) ;;
            *) printf '%s\n' "$file" ;;
          esac
        done)
  fi
  rm -rf "$registry"
  rmdir "$root/etc/octopus" 2>/dev/null || true
  printf '%s\n' "Deleted the $title instances in /etc/octopus/$registry_kind (configuration, certificates, logs)."
  if [ -n "$elsewhere" ]; then
    printf '%s\n' "These instances' configuration files are outside it and were left; delete them and their home" \
      "directories yourself if you no longer need them:" "$elsewhere"
  fi
}

installed_hint() {
  printf '%s\n' "$title is installed in $install_dir, and the $cli command is on the PATH." \
    "To set up an instance and install its service, run:" \
    "    sudo $install_dir/bin/@CONFIGURE_SCRIPT@" \
    "or open the @GUI_TITLE@ from the desktop menu, or go step by step with: $cli help"
}
# --- end of the shared part ---
