package org.etomkg.check;

/** How much a failed check matters, as in ROBOT's report: an ERROR fails the check command. */
public enum Severity { ERROR, WARN, INFO }
