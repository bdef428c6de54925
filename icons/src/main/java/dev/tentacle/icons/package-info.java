/**
 * The products' icons as class-path resources ({@link dev.tentacle.icons.ProductIcon}), with nothing but the JDK
 * needed to find them. The build renders them from SVG with {@code dev.tentacle.icons.build.IconRenderer}, which
 * (with Batik) stays out of the jar.
 */
package dev.tentacle.icons;
