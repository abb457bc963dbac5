package org.etomkg.bpmn;

import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.DataInputAssociation;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataOutputAssociation;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.Property;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.etomkg.bpmn.model.BpmnFile;

/** BPMN models the tests write with Camunda's model API, as a modelling tool would save them. */
final class BpmnModels {
    private BpmnModels() {}

    /**
     * Order handling: a task named with its parent's identifier, an exclusive gateway (accepted or
     * rejected), a task stating its parent by attribute, a parallel split into two branches, a
     * sub-process with two tasks inside, a loop back from a check, and an end.
     */
    static BpmnModelInstance orderHandling() {
        BpmnModelInstance m = Bpmn.createProcess("Process_Orders").name("Order handling")
            .startEvent("Start")
            .userTask("Capture").name("1.3.3.10 Capture the order")
            .exclusiveGateway("Accepted")
                .condition("yes", "${ok}")
                .userTask("Check").name("Check the order is complete")
                .parallelGateway("Split")
                    .serviceTask("Reserve").name("1.5.5.8 Reserve the equipment")
                    .parallelGateway("Join")
                .moveToNode("Split")
                    .serviceTask("Ship").name("1.5.5.10 Ship the router")
                    .connectTo("Join")
                .moveToNode("Join")
                .subProcess("Provision").name("1.4.5 Provision the service").embeddedSubProcess()
                    .startEvent("ProvisionStart")
                    .serviceTask("Configure").name("Configure the service")
                    .serviceTask("Activate").name("Activate the service")
                    .endEvent("ProvisionEnd")
                    .subProcessDone()
                .serviceTask("Test").name("1.4.5.5 Test the line")
                .exclusiveGateway("Passed")
                    .condition("no", "${!passed}")
                    .connectTo("Provision")
                .moveToNode("Passed")
                    .condition("yes", "${passed}")
                    .endEvent("Done")
            .moveToNode("Accepted")
                .condition("no", "${!ok}")
                .sendTask("Reject").name("1.3.3.14 Reject the order")
                .endEvent("Rejected")
            .done();
        m.getModelElementById("Check").setAttributeValueNs(BpmnFile.ETOM_NS, "parent", "1.3.3.10.3");
        return m;
    }

    /** Two lanes, a data object one task writes and the next reads. */
    static BpmnModelInstance lanesAndData() {
        BpmnModelInstance m = Bpmn.createProcess("Process_Faults").name("Fault handling")
            .startEvent("Start")
            .userTask("Log").name("1.3.7.1 Log the customer's fault")
            .serviceTask("Diagnose").name("1.5.8.2 Diagnose the access line")
            .endEvent("End")
            .done();
        Process process = m.getModelElementById("Process_Faults");
        LaneSet lanes = m.newInstance(LaneSet.class);
        lanes.setId("Lanes");
        process.addChildElement(lanes);
        lane(m, lanes, "Lane_Care", "Customer Care", "Start", "Log");
        lane(m, lanes, "Lane_Network", "Network Operations", "Diagnose", "End");

        DataObject ticket = m.newInstance(DataObject.class);
        ticket.setId("Ticket");
        process.addChildElement(ticket);
        DataObjectReference ref = m.newInstance(DataObjectReference.class);
        ref.setId("TicketRef");
        ref.setName("Trouble ticket");
        ref.setDataObject(ticket);
        process.addChildElement(ref);
        Activity log = m.getModelElementById("Log"), diagnose = m.getModelElementById("Diagnose");
        DataOutputAssociation out = m.newInstance(DataOutputAssociation.class);
        out.setId("LogWrites");
        log.getDataOutputAssociations().add(out);
        out.setTarget(ref);
        Property placeholder = m.newInstance(Property.class);
        placeholder.setId("DiagnoseInput");
        diagnose.getProperties().add(placeholder);
        DataInputAssociation in = m.newInstance(DataInputAssociation.class);
        in.setId("DiagnoseReads");
        diagnose.getDataInputAssociations().add(in);
        in.getSources().add(ref);
        in.setTarget(placeholder);
        return m;
    }

    private static void lane(BpmnModelInstance m, LaneSet lanes, String id, String name, String... nodes) {
        Lane lane = m.newInstance(Lane.class);
        lane.setId(id);
        lane.setName(name);
        lanes.getLanes().add(lane);
        for (String n : nodes) lane.getFlowNodeRefs().add((FlowNode) m.getModelElementById(n));
    }

    /** A customer's pool and the CSP's, a message flow from the customer's request to the CSP's first task. */
    static BpmnModelInstance twoPools() {
        BpmnModelInstance m = Bpmn.createProcess("Process_Customer").name("Customer")
            .startEvent("CustomerStart").sendTask("Request").name("1.3.3.10.1 Request a move of the line").endEvent("CustomerEnd").done();
        Definitions defs = m.getDefinitions();
        // The CSP's process, built in the same definitions (the fluent builder makes one process per model).
        Process second = m.newInstance(Process.class);
        second.setId("Process_Csp");
        second.setName("Provider");
        defs.addChildElement(second);
        var start = m.newInstance(StartEvent.class);
        start.setId("CspStart");
        second.addChildElement(start);
        var schedule = m.newInstance(UserTask.class);
        schedule.setId("Schedule");
        schedule.setName("1.4.5.3 Schedule the move");
        second.addChildElement(schedule);
        var move = m.newInstance(ServiceTask.class);
        move.setId("Move");
        move.setName("1.4.5.4 Move the line");
        second.addChildElement(move);
        sequence(m, second, "F1", start, schedule);
        sequence(m, second, "F2", schedule, move);

        Collaboration collaboration = m.newInstance(Collaboration.class);
        collaboration.setId("Collaboration");
        collaboration.setName("Line move");
        defs.addChildElement(collaboration);
        participant(m, collaboration, "Pool_Customer", "Customer", m.getModelElementById("Process_Customer"));
        participant(m, collaboration, "Pool_Csp", "Fjordlys Telecom", second);
        MessageFlow message = m.newInstance(MessageFlow.class);
        message.setId("RequestMessage");
        collaboration.getMessageFlows().add(message);
        message.setSource(m.getModelElementById("Request"));
        message.setTarget(schedule);
        return m;
    }

    private static void sequence(BpmnModelInstance m, Process p, String id, FlowNode from, FlowNode to) {
        var f = m.newInstance(SequenceFlow.class);
        f.setId(id);
        p.addChildElement(f);
        f.setSource(from);
        f.setTarget(to);
        from.getOutgoing().add(f);
        to.getIncoming().add(f);
    }

    private static void participant(BpmnModelInstance m, Collaboration c, String id, String name, Process process) {
        Participant p = m.newInstance(Participant.class);
        p.setId(id);
        p.setName(name);
        p.setProcess(process);
        c.getParticipants().add(p);
    }

    static Path write(BpmnModelInstance m, Path file) {
        Bpmn.writeModelToFile(file.toFile(), m);
        return file;
    }

    /** Activity ids in a list, for readable assertions. */
    static List<String> ids(List<org.etomkg.bpmn.model.ModelActivity> activities) {
        return activities.stream().map(org.etomkg.bpmn.model.ModelActivity::id).toList();
    }
}
