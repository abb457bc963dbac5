package org.etomkg.suggest;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.etomkg.extension.OntologyFolder;
import org.etomkg.suggest.meaning.SentenceEmbedding;

/**
 * Writes src/main/resources/suggest/process-vectors.bin: the sentence vectors of every process text of every
 * release in ontology/, so that no JVM has to run the model over them. Run by bench/suggest-vectors.sh after
 * ontology/suggest/process-words.txt or a release changes (ShippedVectorsTest says when).
 */
public final class ShippedVectorsWriter {
    public static void main(String[] args) throws Exception {
        Path ontology = Path.of("ontology"), out = Path.of(args.length > 0 ? args[0] : "src/main/resources/suggest/process-vectors.bin");
        SentenceEmbedding model = SentenceEmbedding.fresh().orElseThrow(() -> new IllegalStateException("the sentence model cannot run here"));
        OntologyFolder folder = new OntologyFolder(ontology);
        long t = System.nanoTime();
        for (String release : folder.releases()) {
            var engine = new ParentSuggestions(folder.release(release), TelecomSynonyms.inFolder(ontology), ProcessWords.inFolder(ontology));
            model.embedKept(engine.meaningTexts());
            System.out.printf("%s: %d processes, %d vectors so far%n", release, engine.meaningTexts().size(), model.keptCount());
        }
        Files.createDirectories(out.getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.writeKept(o);
        }
        System.out.printf("wrote %d vectors to %s (%d bytes) in %.1f s%n", model.keptCount(), out, Files.size(out), (System.nanoTime() - t) / 1e9);
    }
}
