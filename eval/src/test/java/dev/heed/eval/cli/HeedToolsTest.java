package dev.heed.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.streams.cli.HeedCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The launcher's command line lists and reaches every command as a picocli subcommand. */
class HeedToolsTest {

    @Test
    void shouldListEveryCommandInTheLaunchersHelp() {
        String help = run(HeedTools::execute, "--help");
        for (String command :
                new String[] {
                    "run", "send", "tail", "demo", "train", "eval", "bench", "export", "help"
                }) {
            assertThat(help).containsPattern("(?m)^  " + command + " ");
        }
    }

    @Test
    void shouldListTheSubcommandsOfEveryGroup() {
        assertThat(run(HeedTools::execute, "train", "--help"))
                .containsPattern("(?m)^  forecast ")
                .containsPattern("(?m)^  speech ");
        assertThat(run(HeedTools::execute, "eval", "--help"))
                .containsPattern("(?m)^  forecast ")
                .containsPattern("(?m)^  nab ")
                .containsPattern("(?m)^  speech ");
        assertThat(run(HeedTools::execute, "bench", "--help"))
                .containsPattern("(?m)^  sensors ")
                .containsPattern("(?m)^  audio ");
        assertThat(run(HeedTools::execute, "export", "--help")).containsPattern("(?m)^  onnx ");
    }

    @Test
    void shouldReachTheSpeechCommandsAsSubcommands() {
        assertThat(run(HeedTools::execute, "train", "speech", "--help"))
                .contains("Usage: heed train speech");
        assertThat(run(HeedTools::execute, "eval", "speech", "--help"))
                .contains("Usage: heed eval speech");
    }

    @Test
    void shouldOfferOnlyTheRuntimeCommandsInTheRuntimeJar() {
        String help = run(HeedCli::execute, "--help");
        assertThat(help).containsPattern("(?m)^  run ").containsPattern("(?m)^  tail ");
        assertThat(help).doesNotContainPattern("(?m)^  (demo|train|eval|bench|export) ");
    }

    @Test
    void shouldFormatEveryHelpTextOfEveryCommand() {
        List<String> broken = new ArrayList<>();
        collectUnformattable(HeedCli.commandLine(HeedTools.commands()), broken);
        assertThat(broken).as("help texts picocli cannot format (escape % as %%)").isEmpty();
    }

    /**
     * Picocli formats every description with String.format and, where that fails, prints a warning
     * and shows it raw; the specs hold the formatted text, so the annotations are read.
     */
    private static void collectUnformattable(CommandLine cli, List<String> broken) {
        CommandSpec spec = cli.getCommandSpec();
        List<String> texts = new ArrayList<>();
        Object user = spec.userObject();
        AnnotatedElement command = user instanceof Method m ? m : user.getClass();
        if (command.getAnnotation(Command.class) != null) {
            texts.addAll(List.of(command.getAnnotation(Command.class).description()));
        }
        for (ArgSpec arg : spec.args()) {
            if (arg.userObject() instanceof AnnotatedElement e) {
                Option option = e.getAnnotation(Option.class);
                Parameters params = e.getAnnotation(Parameters.class);
                texts.addAll(List.of(option != null ? option.description() : new String[0]));
                texts.addAll(List.of(params != null ? params.description() : new String[0]));
            }
        }
        for (String text : texts) {
            try {
                String.format(Locale.ROOT, text);
            } catch (IllegalFormatException e) {
                broken.add(spec.qualifiedName() + ": " + text);
            }
        }
        cli.getSubcommands().values().forEach(sub -> collectUnformattable(sub, broken));
    }

    private static String run(Function<String[], Integer> cli, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(cli.apply(args)).as("exit code of %s", String.join(" ", args)).isZero();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
