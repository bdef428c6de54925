/** The certificate each instance presents, kept in its home directory. */
package dev.tentacle.instances.certificates;
