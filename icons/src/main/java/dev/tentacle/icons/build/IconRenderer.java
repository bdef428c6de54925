package dev.tentacle.icons.build;

import dev.tentacle.icons.ProductIcon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders every {@link ProductIcon} from its SVG source into the files the apps and installers use: a PNG for each
 * of {@link ProductIcon#PNG_SIZES}, an {@code .ico}, an {@code .icns} and a copy of the SVG. Maven runs it in
 * {@code process-classes} (see {@code icons/pom.xml}), writing into the classes folder so that the jar carries
 * them.
 *
 * <p>An icon may have a second source, {@code <fileName>.small.svg}, drawn for {@link #SMALL_SIZES} (on the 16 px
 * grid, with less detail); the other sizes render from {@code <fileName>.svg}.
 *
 * <p>Usage: {@code IconRenderer SVG_FOLDER OUTPUT_FOLDER}. It renders nothing when every output is newer than the
 * SVGs and the renderer itself, so that a build without changes here stays fast.
 */
public final class IconRenderer {
    /** The .ico entries: the PNG sizes up to the largest an .ico entry can be. */
    static final List<Integer> ICO_SIZES = ProductIcon.PNG_SIZES.stream()
            .filter(size -> size <= IcoWriter.MAX_SIZE).toList();

    /** The sizes a {@code .small.svg} is drawn for: where a detail is smaller than a pixel. */
    static final List<Integer> SMALL_SIZES = List.of(16, 24);
    static final String SMALL_SUFFIX = ".small.svg";

    private final Path svgFolder;
    private final Path outputFolder;
    private final List<ProductIcon> icons;

    public IconRenderer(Path svgFolder, Path outputFolder) {
        this(svgFolder, outputFolder, List.of(ProductIcon.values()));
    }

    /** Renders only some of the icons: for tests, which need not pay for all of them. */
    IconRenderer(Path svgFolder, Path outputFolder, List<ProductIcon> icons) {
        this.svgFolder = svgFolder;
        this.outputFolder = outputFolder;
        this.icons = List.copyOf(icons);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("Usage: IconRenderer SVG_FOLDER OUTPUT_FOLDER");
            System.exit(2);
        }
        long started = System.nanoTime();
        IconRenderer renderer = new IconRenderer(Path.of(args[0]), Path.of(args[1]));
        List<Path> written = renderer.renderIfChanged();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(written.isEmpty()
                ? "Icons are up to date in " + renderer.outputFolder
                : "Rendered " + renderer.icons.size() + " icons (" + written.size() + " files) into "
                        + renderer.outputFolder + " in " + millis + " ms");
    }

    /** Renders every icon unless its outputs are newer than its inputs; returns the files written. */
    public List<Path> renderIfChanged() throws IOException {
        checkSources();
        if (upToDate()) {
            return List.of();
        }
        return render();
    }

    /** Renders every icon, the icons in parallel. */
    public List<Path> render() throws IOException {
        checkSources();
        Files.createDirectories(outputFolder);
        Map<ProductIcon, List<Path>> written = new ConcurrentHashMap<>();
        try {
            icons.parallelStream().forEach(icon -> written.put(icon, renderOne(icon)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return icons.stream().flatMap(icon -> written.get(icon).stream()).toList();
    }

    private List<Path> renderOne(ProductIcon icon) {
        Path svg = source(icon);
        Path small = smallSource(icon);
        Set<Integer> sizes = new TreeSet<>(ProductIcon.PNG_SIZES);
        sizes.addAll(IcnsWriter.TYPES.values());
        Map<Integer, PngImage> pngs = sizes.stream().collect(Collectors.toMap(size -> size,
                size -> PngImage.encode(SvgRasterizer.render(
                        SMALL_SIZES.contains(size) && Files.isRegularFile(small) ? small : svg, size))));

        List<Path> written = new ArrayList<>();
        try {
            for (int size : ProductIcon.PNG_SIZES) {
                written.add(write(fileName(icon.pngResource(size)), pngs.get(size).bytes()));
            }
            written.add(write(fileName(icon.icoResource()),
                    IcoWriter.write(ICO_SIZES.stream().map(pngs::get).toList())));
            written.add(write(fileName(icon.icnsResource()), IcnsWriter.write(IcnsWriter.TYPES.entrySet().stream()
                    .map(type -> new IcnsWriter.Entry(type.getKey(), pngs.get(type.getValue()))).toList())));
            Path svgCopy = outputFolder.resolve(fileName(icon.svgResource()));
            Files.copy(svg, svgCopy, StandardCopyOption.REPLACE_EXISTING);
            written.add(svgCopy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private Path write(String fileName, byte[] bytes) throws IOException {
        return Files.write(outputFolder.resolve(fileName), bytes);
    }

    private Path source(ProductIcon icon) {
        return svgFolder.resolve(icon.fileName() + ".svg");
    }

    private Path smallSource(ProductIcon icon) {
        return svgFolder.resolve(icon.fileName() + SMALL_SUFFIX);
    }

    /** Every icon has its SVG, and every SVG is an icon: artwork nobody renders is a mistake, not a spare. */
    private void checkSources() throws IOException {
        List<String> missing = icons.stream().map(this::source)
                .filter(path -> !Files.isRegularFile(path)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing icon sources: " + missing);
        }
        Set<String> expected = Arrays.stream(ProductIcon.values())
                .flatMap(icon -> Stream.of(icon.fileName() + ".svg", icon.fileName() + SMALL_SUFFIX))
                .collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(svgFolder)) {
            List<String> unknown = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".svg") && !expected.contains(name)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("SVGs in " + svgFolder + " that no ProductIcon names: " + unknown
                        + "; add a constant to dev.tentacle.icons.ProductIcon or remove them");
            }
        }
    }

    private boolean upToDate() throws IOException {
        FileTime newestInput = renderersOwnClasses();
        for (ProductIcon icon : icons) {
            newestInput = later(newestInput, Files.getLastModifiedTime(source(icon)));
            if (Files.isRegularFile(smallSource(icon))) {
                newestInput = later(newestInput, Files.getLastModifiedTime(smallSource(icon)));
            }
        }
        for (Path output : outputs()) {
            if (!Files.exists(output) || Files.getLastModifiedTime(output).compareTo(newestInput) <= 0) {
                return false;
            }
        }
        return true;
    }

    private List<Path> outputs() {
        List<Path> outputs = new ArrayList<>();
        for (ProductIcon icon : icons) {
            ProductIcon.PNG_SIZES.forEach(size -> outputs.add(outputFolder.resolve(fileName(icon.pngResource(size)))));
            Stream.of(icon.icoResource(), icon.icnsResource(), icon.svgResource())
                    .forEach(resource -> outputs.add(outputFolder.resolve(fileName(resource))));
        }
        return outputs;
    }

    /** When this package's classes changed (say, a new size), everything renders again. */
    private static FileTime renderersOwnClasses() throws IOException {
        Path classes;
        try {
            classes = Path.of(IconRenderer.class.getResource(IconRenderer.class.getSimpleName() + ".class").toURI())
                    .getParent();
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return FileTime.fromMillis(Long.MAX_VALUE); // Not in a folder: never up to date.
        }
        FileTime newest = FileTime.fromMillis(0);
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.toList()) {
                newest = later(newest, Files.getLastModifiedTime(file));
            }
        }
        return later(newest, Files.getLastModifiedTime(classes.resolveSibling("ProductIcon.class")));
    }

    private static FileTime later(FileTime a, FileTime b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
