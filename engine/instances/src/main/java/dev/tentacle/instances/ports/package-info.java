/** Which process holds a TCP port on this machine, for errors that name what is in the way. */
package dev.tentacle.instances.ports;
