package dev.tentacle.icons;

import java.net.URL;
import java.util.List;
import java.util.Objects;

/**
 * The products' icons, as resources on the class path: PNGs in {@link #PNG_SIZES}, a Windows {@code .ico}, a macOS
 * {@code .icns} and the SVG they were rendered from. Only the JDK is needed to use them: a JavaFX window does
 * {@code stage.getIcons().addAll(icon.pngs().stream().map(url -> new Image(url.toExternalForm())).toList())}, an
 * installer copies the {@code .ico}/{@code .icns}/PNG it needs out of the jar.
 *
 * <p>The build renders them from {@code icons/src/main/svg/<fileName>.svg} (see {@code docs/icons.md}).
 */
public enum ProductIcon {
    /** The agent: a tentacle curling up from the bottom of a teal tile. */
    TENTACLE("tentacle", "Tentacle"),
    /** The server: a stack of three server units on an indigo tile. */
    OCTOPUS_SERVER("octopus-server", "Octopus Server"),
    /** The Tentacle's mark with the managers' badge (a gear). */
    TENTACLE_MANAGER("tentacle-manager", "Tentacle Manager"),
    /** The Octopus Server's mark with the managers' badge (a gear). */
    OCTOPUS_SERVER_MANAGER("octopus-server-manager", "Octopus Server Manager");

    /** The sizes, in pixels, each icon is rendered to as a PNG; smallest first. */
    public static final List<Integer> PNG_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    /** The class-path folder the rendered icons are in. */
    public static final String RESOURCE_FOLDER = "/dev/tentacle/icons/";

    private final String fileName;
    private final String displayName;

    ProductIcon(String fileName, String displayName) {
        this.fileName = fileName;
        this.displayName = displayName;
    }

    /** The base name of its files, e.g. {@code tentacle-manager}: the SVG source and every rendered file. */
    public String fileName() {
        return fileName;
    }

    /** The product's name as people read it, e.g. "Tentacle Manager". */
    public String displayName() {
        return displayName;
    }

    /**
     * The class-path resource of the PNG of one of {@link #PNG_SIZES}, e.g.
     * {@code /dev/tentacle/icons/tentacle-32.png}.
     */
    public String pngResource(int size) {
        if (!PNG_SIZES.contains(size)) {
            throw new IllegalArgumentException(displayName + " has no " + size + " px PNG; the sizes are " + PNG_SIZES);
        }
        return RESOURCE_FOLDER + fileName + "-" + size + ".png";
    }

    /** The PNG of one of {@link #PNG_SIZES}. */
    public URL png(int size) {
        return find(pngResource(size));
    }

    /** Every PNG, smallest first: what a window's icon list wants, so each platform picks the size it shows. */
    public List<URL> pngs() {
        return PNG_SIZES.stream().map(this::png).toList();
    }

    /** The class-path resource of the Windows icon (PNG entries 16 to 256 px). */
    public String icoResource() {
        return RESOURCE_FOLDER + fileName + ".ico";
    }

    public URL ico() {
        return find(icoResource());
    }

    /** The class-path resource of the macOS icon (PNG entries 16 to 1024 px, including the Retina ones). */
    public String icnsResource() {
        return RESOURCE_FOLDER + fileName + ".icns";
    }

    public URL icns() {
        return find(icnsResource());
    }

    /** The class-path resource of the SVG source, for desktops that take a scalable icon. */
    public String svgResource() {
        return RESOURCE_FOLDER + fileName + ".svg";
    }

    public URL svg() {
        return find(svgResource());
    }

    private static URL find(String resource) {
        URL url = ProductIcon.class.getResource(resource);
        // Only a build that skipped rendering (or a class path without the icons jar) gets here.
        return Objects.requireNonNull(url, () -> "The icon " + resource + " is not on the class path: build the icons"
                + " module with Maven, which renders it from icons/src/main/svg (see docs/icons.md)");
    }
}
