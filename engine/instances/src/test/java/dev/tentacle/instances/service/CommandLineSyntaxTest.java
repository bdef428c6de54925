package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineSyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain                         | plain
            ``                            | ""
            two words                     | "two words"
            C:\\Program Files\\Tentacle   | "C:\\Program Files\\Tentacle"
            C:\\Program Files\\           | "C:\\Program Files\\\\"
            C:\\no-space\\                | C:\\no-space\\
            say "hi"                      | "say \\"hi\\""
            a\\"b                         | "a\\\\\\"b"
            OctopusDeploy Tentacle: Web01 | "OctopusDeploy Tentacle: Web01"
            restart/5000/restart/5000     | restart/5000/restart/5000
            """)
    void windowsQuotingFollowsTheCRuntimeRules(String argument, String expected) {
        assertThat(CommandLineSyntax.WINDOWS.quote(argument)).isEqualTo(expected);
    }

    @Test
    void windowsQuotingRoundTripsThroughTheCRuntimeParser() {
        Random random = new Random(20260504L);
        String alphabet = "ab \t\"\\\\\\é:";
        for (int round = 0; round < 2000; round++) {
            List<String> arguments = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int a = 0; a < count; a++) {
                StringBuilder argument = new StringBuilder();
                int length = random.nextInt(8);
                for (int c = 0; c < length; c++) {
                    argument.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                arguments.add(argument.toString());
            }

            String line = CommandLineSyntax.WINDOWS.join(arguments);

            assertThat(WindowsArgv.parseArguments(line)).as("round %d: %s", round, line).isEqualTo(arguments);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain                      | plain
            ``                         | ''
            My Instance                | 'My Instance'
            it's                       | 'it'\\''s'
            tentacle-My\\x20I.service  | 'tentacle-My\\x20I.service'
            /opt/tentacle/bin/tentacle | /opt/tentacle/bin/tentacle
            $HOME                      | '$HOME'
            """)
    void posixQuotingUsesSingleQuotesWhenNeeded(String argument, String expected) {
        assertThat(CommandLineSyntax.POSIX.quote(argument)).isEqualTo(expected);
    }

    @Test
    void posixQuotingRoundTripsThroughARealShell() throws IOException, InterruptedException {
        List<String> arguments = List.of("plain", "", "My Instance", "it's", "$HOME", "a\\b", "\"q\"", "*", "é;|&");
        String script = "for a in " + CommandLineSyntax.POSIX.join(arguments) + "; do printf '%s\\n' \"[$a]\"; done";

        Process process = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isZero();
        assertThat(output.lines().toList()).containsExactlyElementsOf(arguments.stream().map(a -> "[" + a + "]").toList());
    }
}
