package dev.tentacle.installers.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.installers.PackagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeModulesTest {
    @Test
    void findsTheModulesAClassUsesAndAddsTheExtraOnes(@TempDir Path directory) throws IOException {
        Path source = Files.writeString(directory.resolve("UsesSql.java"),
                "public class UsesSql { java.sql.Connection connection; }");
        Path classes = Files.createDirectories(directory.resolve("classes"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString());
        assertThat(compiled).isZero();

        List<String> modules = RuntimeModules.of(List.of(classes), List.of("jdk.charsets", "java.sql"));

        // java.sql brings java.logging and java.xml with it; jdeps names the smallest set.
        assertThat(modules).containsExactly("java.base", "java.sql", "jdk.charsets");
    }

    @Test
    void readsTheListAfterJdepsWarnings() {
        String output = """
                Warning: split package: picocli file:///in/picocli.jar in/picocli.jar
                java.base,java.desktop,jdk.unsupported
                """;

        assertThat(RuntimeModules.parse(output)).containsExactly("java.base", "java.desktop", "jdk.unsupported");
    }

    @Test
    void refusesOutputThatIsNotAModuleList() {
        assertThatThrownBy(() -> RuntimeModules.parse("Error: tin/x.jar is a multi-release jar file\n"))
                .isInstanceOf(PackagingException.class).hasMessageContaining("jdeps did not print a module list");
        assertThatThrownBy(() -> RuntimeModules.parse("")).isInstanceOf(PackagingException.class);
    }

    @Test
    void aJdepsRunWithoutAModuleListShowsWhatJdepsSaid(@TempDir Path directory) {
        assertThatThrownBy(() -> RuntimeModules.of(List.of(directory.resolve("missing.jar")), List.of()))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("jdeps did not print a module list")
                .hasMessageContaining("Path does not exist").hasMessageContaining("missing.jar");
    }
}
