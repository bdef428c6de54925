/** File primitives shared by the instance packages: atomic owner-only writes and file locks. Not an API. */
package dev.tentacle.instances.internal;
