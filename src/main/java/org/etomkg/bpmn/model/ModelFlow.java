package org.etomkg.bpmn.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What one BPMN model file holds for the import: its activities in flow order (see {@link FlowOrder})
 * and a name for the end-to-end flow they make.
 */
public record ModelFlow(Path file, String name, List<ModelActivity> activities) {}
