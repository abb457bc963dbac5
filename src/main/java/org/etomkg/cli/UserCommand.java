package org.etomkg.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.etomkg.server.Users;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etom-kg user add NAME --users FILE}: adds a user who may write, storing only a salted hash of the password. */
@Command(name = "user", description = "Manage the users who may write to a running server.", subcommands = UserCommand.Add.class)
final class UserCommand {

    @Command(name = "add", description = "Add (or replace) a user in a users file. The password is read from the terminal, or from stdin with --password-stdin.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--users", required = true, paramLabel = "FILE", description = "The users file (created when missing)") Path file;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input") boolean fromStdin;

        @Override public Integer call() throws IOException {
            String password;
            Console console = System.console();
            if (fromStdin || console == null) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null) throw new Failures.UserError("no password on standard input");
            } else {
                char[] typed = console.readPassword("Password for %s: ", name);
                char[] again = console.readPassword("Again: ");
                if (typed == null || !java.util.Arrays.equals(typed, again)) throw new Failures.UserError("the passwords differ");
                password = new String(typed);
            }
            Users.add(file, name, password);
            System.out.println("user " + name + " can now write; start the server with --users " + file);
            return 0;
        }
    }
}
