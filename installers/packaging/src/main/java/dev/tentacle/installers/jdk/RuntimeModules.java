package dev.tentacle.installers.jdk;

import dev.tentacle.installers.PackagingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The JDK modules a product's runtime needs: what {@code jdeps --print-module-deps} finds in its jars, plus the
 * product's extra modules, which jdeps cannot see because nothing refers to them by name (charsets, the zip file
 * system and other service providers, diagnostic tools).
 */
public final class RuntimeModules {
    private static final Pattern MODULE_LIST = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*(,[a-z][a-z0-9]*"
            + "(\\.[a-z][a-z0-9]*)*)*");

    private RuntimeModules() {
    }

    /**
     * Runs jdeps on the jars and adds the extra modules.
     *
     * @param jars the product's runtime jars (the class path; none of them is a named module at run time)
     * @param extraModules modules to add
     * @return the module names, sorted
     * @throws PackagingException when jdeps fails or prints something that is not a module list
     */
    public static List<String> of(Collection<Path> jars, Collection<String> extraModules) {
        var arguments = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps", "--multi-release",
                String.valueOf(Runtime.version().feature())));
        jars.forEach(jar -> arguments.add(jar.toString()));
        String output = JdkTool.named("jdeps").runOrFail(arguments, "finding the JDK modules the product uses");
        var modules = new TreeSet<>(parse(output));
        modules.addAll(extraModules);
        return List.copyOf(modules);
    }

    /**
     * The module list in jdeps's output: its last non-empty line, such as {@code java.base,java.sql}; jdeps prints
     * warnings (split packages) before it.
     *
     * @throws PackagingException when the last line is not a list of module names
     */
    static Set<String> parse(String jdepsOutput) {
        List<String> lines = jdepsOutput.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String last = lines.isEmpty() ? "" : lines.getLast();
        if (!MODULE_LIST.matcher(last).matches()) {
            throw new PackagingException("jdeps did not print a module list; its output was:\n" + jdepsOutput.strip());
        }
        return new TreeSet<>(Arrays.asList(last.split(",")));
    }
}
