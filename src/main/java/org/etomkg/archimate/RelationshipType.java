package org.etomkg.archimate;

/** The ArchiMate 3.1 relationship types an export uses, named as the exchange format's {@code xsi:type}. */
public enum RelationshipType { Composition, Aggregation, Assignment, Serving, Access, Triggering, Specialization, Association }
