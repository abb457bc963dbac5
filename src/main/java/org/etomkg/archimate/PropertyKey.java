package org.etomkg.archimate;

/** The properties an export attaches to elements and relationships, each a property definition of the model. */
public enum PropertyKey {
    IDENTIFIER("eTOM identifier"), IRI("IRI"), LEVEL("eTOM level"), RELEASE("eTOM release"), RACI("RACI"),
    GROUP_BASIS("Vertical group basis"), KPI_TARGET("KPI target"), KPI_UNIT("KPI unit"), KPI_DIRECTION("KPI direction"),
    FLOW_STEPS("Flow steps");

    final String label;

    PropertyKey(String label) { this.label = label; }

    String id() { return "propid-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
}
