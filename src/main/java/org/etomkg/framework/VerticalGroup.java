package org.etomkg.framework;

/** A vertical group of the eTOM map, such as Assurance, as the meta-model declares it. */
public record VerticalGroup(String iri, String label) {
    /** Source spellings differ only in case ("strategy Management"), so match without it. */
    public boolean answersTo(String sourceLabel) {
        return sourceLabel.trim().equalsIgnoreCase(label);
    }
}
