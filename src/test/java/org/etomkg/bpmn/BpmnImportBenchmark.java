package org.etomkg.bpmn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.etomkg.extension.ExtensionValidator;
import org.etomkg.extension.OntologyFolder;
import org.etomkg.suggest.ParentSuggestions;
import org.etomkg.suggest.ProcessWords;
import org.etomkg.suggest.TelecomSynonyms;

/**
 * Prints how long {@code import bpmn} takes for models of 1,000 and 100,000 activities in one
 * process (a sequence across five lanes): reading and checking the model, drafting the extension
 * (half the activities state no parent, so they take a suggestion), and validating the draft; a model
 * over the limit ({@link BpmnImport#MAX_ACTIVITIES}), how long it takes to refuse it.
 * Usage: bench/bpmn-import.sh [SIZES]   (default 1000,100000)
 */
public final class BpmnImportBenchmark {
    private static final String[] VERBS = { "Capture", "Check", "Reserve", "Activate", "Configure", "Test", "Bill", "Ship", "Schedule", "Close" };
    private static final String[] NOUNS = { "order", "customer", "port", "router", "service", "line", "account", "payment", "fault", "ticket" };

    public static void main(String[] args) throws Exception {
        String[] sizes = (args.length > 0 ? args[0] : "1000,100000").split(",");
        long t0 = System.nanoTime();
        OntologyFolder ontology = new OntologyFolder(Path.of("ontology"));
        // As import bpmn ranks parents: with the shipped telecom synonyms and process words.
        BpmnImport importer = new BpmnImport(ontology.release("25.5"), new ParentSuggestions(ontology.release("25.5"),
            TelecomSynonyms.inFolder(Path.of("ontology")), ProcessWords.inFolder(Path.of("ontology"))));
        System.out.printf("release 25.5 loaded and its suggestion index built (shipped synonyms and process words): %.2f s%n", (System.nanoTime() - t0) / 1e9);
        ExtensionValidator validator = new ExtensionValidator(Path.of("shapes"), ontology);
        for (String size : sizes) {
            int n = Integer.parseInt(size.strip());
            Path model = write(n);
            if (n > BpmnImport.MAX_ACTIVITIES) {   // what import bpmn does with it: refuse it from a streaming count
                long start = System.nanoTime();
                try {
                    BpmnImport.refuseMoreThan(List.of(model), BpmnImport.MAX_ACTIVITIES);
                    System.out.printf("%,d activities: not refused!%n", n);
                } catch (BpmnInputException e) {
                    System.out.printf("%,d activities (%,d KiB): refused in %.3f s (limit %,d, --max-activities)%n", n, Files.size(model) / 1024,
                        (System.nanoTime() - start) / 1e9, BpmnImport.MAX_ACTIVITIES);
                }
                Files.delete(model);
                continue;
            }
            long start = System.nanoTime();
            BpmnImport.Result r = importer.read(List.of(model), new BpmnImport.Request("25.5", "bench", "https://bench.example/etom/", "Bench"));
            double read = (System.nanoTime() - start) / 1e9;
            long v = System.nanoTime();
            var report = validator.validate(r.graph(), Optional.empty());
            double validate = (System.nanoTime() - v) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("%,d activities (%,d KiB): import %.2f s (%,d processes, %d to review), validation %.2f s (%d findings), heap used %,d MiB%n",
                n, Files.size(model) / 1024, read, r.processes(), r.review().size(), validate, report.findings().size(),
                (rt.totalMemory() - rt.freeMemory()) >> 20);
            Files.delete(model);
        }
    }

    /** A sequence of n tasks in five lanes; every other task names its parent first, the rest take a suggestion. */
    private static Path write(int n) throws Exception {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " targetNamespace=\"https://bench.example/bpmn\">\n<process id=\"P\" name=\"Bench\">\n<laneSet id=\"Lanes\">\n");
        for (int l = 0; l < 5; l++) {
            b.append("<lane id=\"Lane").append(l).append("\" name=\"Team ").append(l).append("\">\n");
            for (int i = l; i < n; i += 5) b.append("<flowNodeRef>T").append(i).append("</flowNodeRef>\n");
            b.append("</lane>\n");
        }
        b.append("</laneSet>\n<startEvent id=\"S\"/>\n");
        String prev = "S";
        for (int i = 0; i < n; i++) {
            String name = (i % 2 == 0 ? "1.3.3.10 " : "") + VERBS[i % VERBS.length] + " the " + NOUNS[(i / VERBS.length) % NOUNS.length] + " " + i;
            b.append("<task id=\"T").append(i).append("\" name=\"").append(name).append("\"/>\n");
            b.append("<sequenceFlow id=\"F").append(i).append("\" sourceRef=\"").append(prev).append("\" targetRef=\"T").append(i).append("\"/>\n");
            prev = "T" + i;
        }
        b.append("</process>\n</definitions>\n");
        Path file = Files.createTempFile("bench", ".bpmn");
        Files.writeString(file, b);
        return file;
    }
}
