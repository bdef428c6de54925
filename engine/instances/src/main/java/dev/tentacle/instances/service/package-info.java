/**
 * Installing an instance as an OS service and controlling it: {@link dev.tentacle.instances.service.ServiceManager}
 * with a systemd implementation ({@link dev.tentacle.instances.service.SystemdServiceManager}) and a Windows one
 * ({@link dev.tentacle.instances.service.WindowsServiceManager}), chosen by
 * {@link dev.tentacle.instances.service.ServiceManagers}. Every external program runs through a
 * {@link dev.tentacle.instances.service.CommandRunner}, so tests replace {@code systemctl} and {@code sc.exe}.
 */
package dev.tentacle.instances.service;
