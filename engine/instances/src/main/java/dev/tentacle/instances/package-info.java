/** Named instances: where their configuration lives, what it holds, and their OS services. */
package dev.tentacle.instances;
