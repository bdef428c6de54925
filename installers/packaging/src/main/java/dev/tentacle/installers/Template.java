package dev.tentacle.installers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text file with {@code @NAME@} placeholders (capitals, digits and underscores), filled from a map. A placeholder
 * without a value is an error rather than text left in a script; {@code @@} stands for a literal {@code @}.
 */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z][A-Z0-9_]*)?@");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
    }

    /** A template from text, named for messages. */
    public static Template of(String name, String text) {
        return new Template(name, text);
    }

    /**
     * A template shipped with this tool, under {@code dev/tentacle/installers/}.
     *
     * @throws PackagingException when it is not there (a build of this tool that lost its resources)
     */
    public static Template resource(String path) {
        String resource = "/dev/tentacle/installers/" + path;
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PackagingException("The template " + resource + " is missing from the packaging tool's jar;"
                        + " rebuild installers/packaging.");
            }
            return new Template(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PackagingException("Cannot read the template " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * The text with every placeholder replaced.
     *
     * @throws PackagingException naming every placeholder that has no value
     */
    public String render(Map<String, String> values) {
        var missing = new TreeSet<String>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = key == null ? "@" : values.get(key);
            if (value == null) {
                missing.add(key);
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (!missing.isEmpty()) {
            throw new PackagingException("The template " + name + " uses " + missing + " but no value was given for"
                    + (missing.size() == 1 ? " it" : " them") + ".");
        }
        return out.toString();
    }
}
