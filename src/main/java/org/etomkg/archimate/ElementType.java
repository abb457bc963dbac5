package org.etomkg.archimate;

/** The ArchiMate 3.1 element types an export uses, named as the exchange format's {@code xsi:type}, with their top folder. */
public enum ElementType {
    BusinessFunction(Folder.BUSINESS), BusinessProcess(Folder.BUSINESS), BusinessActor(Folder.BUSINESS),
    BusinessRole(Folder.BUSINESS), BusinessObject(Folder.BUSINESS), ApplicationComponent(Folder.APPLICATION),
    ApplicationInterface(Folder.APPLICATION), Assessment(Folder.MOTIVATION), Grouping(Folder.OTHER);

    /** The top folders of an organisation, as ArchiMate tools lay them out. */
    enum Folder { BUSINESS("Business"), APPLICATION("Application"), MOTIVATION("Motivation"), OTHER("Other");
        final String label;
        Folder(String label) { this.label = label; }
    }

    final Folder folder;

    ElementType(Folder folder) { this.folder = folder; }
}
