/**
 * The Windows service control protocol for {@code run --service}: {@link
 * dev.tentacle.instances.service.windows.ServiceControlHandler} is the state machine (plain Java, tested on any OS)
 * and {@link dev.tentacle.instances.service.windows.WindowsServiceDispatcher} connects it to {@code advapi32.dll}
 * through the Foreign Function and Memory API. See {@code docs/decisions/0005-os-services.md}.
 */
package dev.tentacle.instances.service.windows;
