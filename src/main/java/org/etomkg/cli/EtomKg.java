package org.etomkg.cli;

import org.etomkg.progress.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code etom-kg} command line: one class per command, each a thin shell over an operation. */
@Command(name = "etom-kg", mixinStandardHelpOptions = true, version = "etom-kg 0.1.0",
    description = "TM Forum's Business Process Framework (eTOM) as a knowledge graph.",
    subcommands = {ServeCommand.class, LoadCommand.class, ImportCommand.class, SparqlCommand.class,
        QueryCommand.class, CheckCommand.class, ValidateCommand.class, UserCommand.class, DiffCommand.class, MigrateCommand.class, NewExtensionCommand.class, FormatCommand.class, ExportCommand.class, SuggestCommand.class})
public final class EtomKg implements Runnable {

    public static void main(String[] args) {
        // The launcher knows whether stderr is a terminal (Java 17 cannot tell stderr apart); only then is progress shown.
        if (Boolean.getBoolean("etomkg.progress")) Progress.showOn(System.err);
        System.exit(commandLine().execute(args));
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "No progress lines on stderr")
    void quiet(boolean quiet) {
        if (quiet) Progress.quiet();
    }

    /** The command line with the error handling every command shares; tests run it in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EtomKg());
        withHelp(cl);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("etom-kg: " + Failures.message(e));
            return Failures.exitCode(e);
        });
        // An Error passes the handler above; the one input can cause (a value nested or repeated past the
        // stack, as in a SHACL regex over an identifier of thousands of parts) is said in words, not a trace.
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            try {
                return run.execute(parsed);
            } catch (StackOverflowError e) {
                cl.getErr().println("etom-kg: the input holds something nested or repeated too deeply to process "
                    + "(such as an identifier of thousands of parts); shorten it");
                return 2;
            }
        });
        return cl;
    }

    /** Every command answers {@code --help} (and {@code --version}), as the top one does. */
    private static void withHelp(CommandLine command) {
        command.getCommandSpec().mixinStandardHelpOptions(true);
        command.getSubcommands().values().forEach(EtomKg::withHelp);
    }

    @Override public void run() {
        CommandLine.usage(this, System.out);
    }
}
