package org.etomkg.bpmn.model;

import java.util.List;

/**
 * One activity of a BPMN model (a task of any kind, a sub-process or a call activity), as the
 * import needs it.
 *
 * @param id           the activity's BPMN id
 * @param name         its name as the model gives it (the leading identifier, if any, still in it)
 * @param documentation its documentation text, or empty
 * @param statedProcess the identifier of the process the model states the activity is ({@code etom:process}), or null
 * @param statedParent the eTOM or extension identifier the model states as its parent, or null
 * @param container    the id of the sub-process it sits in, or null at the top of a process
 * @param lane         the name of the innermost lane it sits in, or null
 * @param pool         the name of the pool (participant) whose process holds it, or null
 * @param consumes     names of the data objects and stores it reads
 * @param produces     names of the data objects and stores it writes
 */
public record ModelActivity(String id, String name, String documentation, String statedProcess, String statedParent, String container,
                            String lane, String pool, List<String> consumes, List<String> produces) {}
