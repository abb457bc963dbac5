package org.etomkg.bpmn.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.etomkg.bpmn.BpmnInputException;

/**
 * Counts a model's activities by streaming its XML, before Camunda's model API builds the whole
 * document in memory: a model far too large to map is refused in a fraction of the time, and memory,
 * the full parse would take. Stops counting once past the limit.
 */
public final class ActivityCount {
    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** The BPMN 2.0 elements that are activities: every kind of task, sub-process and call activity. */
    private static final Set<String> ACTIVITIES = Set.of("task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask",
        "businessRuleTask", "scriptTask", "subProcess", "adHocSubProcess", "transaction", "callActivity");

    private ActivityCount() {}

    /**
     * The activities in {@code file}, counted up to {@code limit + 1}: a result above the limit means
     * "more than the limit". A file that is not well-formed XML is left for the full parse to report.
     */
    public static int upTo(Path file, int limit) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // No document type and no entities: the count must read nothing outside the file.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        int count = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                while (xml.hasNext() && count <= limit)
                    if (xml.next() == XMLStreamReader.START_ELEMENT && BPMN_NS.equals(xml.getNamespaceURI()) && ACTIVITIES.contains(xml.getLocalName()))
                        count++;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            return count;   // broken XML: the full parse names the line and the element
        } catch (IOException e) {
            throw new BpmnInputException(file, null, "cannot read the file: " + e.getMessage(), e);
        }
        return count;
    }
}
