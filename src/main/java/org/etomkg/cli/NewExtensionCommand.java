package org.etomkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.etomkg.extension.ExtensionScaffold;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code etom-kg new-extension DIR --release R --name N --namespace NS}: starts an extension ready for Protégé. */
@Command(name = "new-extension", description = "Start a CSP extension ready for Protégé: DIR gets the extension file "
    + "(its header an etom:Extension and an owl:Ontology importing the meta-model and release R), a catalog-v001.xml "
    + "resolving those imports offline to this checkout's ontology/, and a README of the steps. "
    + "Exit 2 when DIR already holds files, R is unknown or NS is not a namespace of your own.")
final class NewExtensionCommand implements Callable<Integer> {
    @Mixin Locations locations;
    @Parameters(paramLabel = "DIR", description = "A new or empty folder") Path dir;
    @Option(names = "--release", required = true, paramLabel = "VERSION", description = "The release it extends, such as 26.0") String release;
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The extension's name, such as \"Acme process model\"") String name;
    @Option(names = "--namespace", required = true, paramLabel = "IRI", description = "Your namespace: an absolute IRI ending in / or #, such as https://acme.example/etom/") String namespace;
    @Option(names = "--publisher", paramLabel = "NAME", description = "The CSP that publishes it") String publisher;

    @Override public Integer call() {
        List<Path> written = new ExtensionScaffold(locations.ontology())
            .write(dir, new ExtensionScaffold.Request(release, name, namespace, Optional.ofNullable(publisher)));
        for (Path p : written) System.out.println("wrote " + p);
        System.out.println("next: open " + written.get(0) + " in Protégé; after saving, ./etom-kg validate " + written.get(0));
        return 0;
    }
}
