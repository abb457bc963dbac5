package org.etomkg.archimate;

/**
 * What an export covers: a release, the levels of its processes (an extension pulls in, with their
 * ancestors, the reference processes it names at other levels), and whether ODA components and Open
 * APIs come too.
 */
public record ExportScope(String release, int minLevel, int maxLevel, boolean frameworks) {
    public ExportScope {
        if (minLevel < 1 || maxLevel < minLevel) throw new IllegalArgumentException("levels " + minLevel + "-" + maxLevel + " are not a range of levels from 1");
    }

    /** Parses a level range such as {@code 1-3} or {@code 2}. */
    public static ExportScope of(String release, String levels, boolean frameworks) {
        if (levels == null || !levels.matches("[1-9](-[1-9])?"))
            throw new IllegalArgumentException("'" + levels + "' is not a range of levels such as 1-3");
        String[] ends = levels.split("-");
        int min = Integer.parseInt(ends[0]);
        return new ExportScope(release, min, ends.length > 1 ? Integer.parseInt(ends[1]) : min, frameworks);
    }

    boolean covers(int level) { return level >= minLevel && level <= maxLevel; }
}
