package org.etomkg.archimate;

import java.util.List;

/**
 * The folder tree of a model, as ArchiMate tools lay it out (Business, Application, Motivation,
 * Other, Relations, Views), with the process hierarchy mirrored under Business: a process with
 * sub-processes is a folder holding it and them.
 */
final class Organisation {
    private Organisation() {}

    static OrganisationFolder of(String release, ModelContent content, List<Diagram> diagrams) {
        OrganisationFolder root = new OrganisationFolder("");
        for (ElementType.Folder f : ElementType.Folder.values()) root.folder(f.label);
        OrganisationFolder framework = root.folder(ElementType.Folder.BUSINESS.label).folder("eTOM " + release);
        for (Element e : content.roots()) if (isProcess(e)) mirror(framework, e, content);
        for (Element e : content.elements()) {
            if (isProcess(e)) continue;
            OrganisationFolder top = root.folder(e.type().folder.label);
            OrganisationFolder in = switch (e.type()) {
                case BusinessActor, BusinessRole -> top.folder("Organisation");
                case BusinessObject -> top.folder("Information");
                case Grouping -> top.folder("Vertical groups");
                case ApplicationInterface -> top.folder("Open APIs");
                default -> top;
            };
            in.items.add(e.id());
        }
        OrganisationFolder relations = root.folder("Relations");
        for (Relationship r : content.relationships()) relations.items.add(r.id());
        OrganisationFolder views = root.folder("Views");
        for (Diagram d : diagrams) views.items.add(d.id);
        root.folders.removeIf(OrganisationFolder::isEmpty);
        return root;
    }

    private static boolean isProcess(Element e) {
        return e.type() == ElementType.BusinessFunction || e.type() == ElementType.BusinessProcess;
    }

    private static void mirror(OrganisationFolder in, Element e, ModelContent content) {
        List<Element> children = content.childrenOf(e);
        if (children.isEmpty()) {
            in.items.add(e.id());
            return;
        }
        String identifier = e.properties().get(PropertyKey.IDENTIFIER);
        OrganisationFolder own = in.folder((identifier != null ? identifier + " " : "") + e.name());
        own.items.add(e.id());
        for (Element c : children) mirror(own, c, content);
    }
}
