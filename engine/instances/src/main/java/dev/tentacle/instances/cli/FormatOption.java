package dev.tentacle.instances.cli;

import picocli.CommandLine.Option;

/** The {@code --format} option of every command that prints data. */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            converter = FormatConverter.class,
            description = "Output format: text (default) or json.")
    OutputFormat format = OutputFormat.TEXT;

    public OutputFormat format() {
        return format;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "text", "plain" -> OutputFormat.TEXT;
                case "json" -> OutputFormat.JSON;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; use text or json");
            };
        }
    }
}
