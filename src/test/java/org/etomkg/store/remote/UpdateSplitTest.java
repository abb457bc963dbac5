package org.etomkg.store.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;
import org.junit.jupiter.api.Test;

/** A change too large for one request of a store that limits them goes in parts, in order, and nothing is lost. */
class UpdateSplitTest {
    static List<Update> dropThenInsert(int quads) {
        QuadDataAcc data = new QuadDataAcc();
        for (int i = 0; i < quads; i++)
            data.addQuad(Quad.create(NodeFactory.createURI("g:x"), NodeFactory.createURI("s:" + i), NodeFactory.createURI("p:p"), NodeFactory.createURI("o:o")));
        return List.of(new UpdateDrop(Target.create(NodeFactory.createURI("g:x")), true), new UpdateDataInsert(data));
    }

    @Test
    void withoutALimitEverythingIsOneRequest() {
        List<UpdateRequest> one = RemoteDatasetGraph.split(dropThenInsert(2_500), 0);
        assertEquals(1, one.size());
        assertEquals(2, one.get(0).getOperations().size());
    }

    @Test
    void withALimitTheInsertsGoInPartsInOrder() {
        List<UpdateRequest> parts = RemoteDatasetGraph.split(dropThenInsert(2_500), 1_000);
        assertEquals(3, parts.size());
        assertEquals(UpdateDrop.class, parts.get(0).getOperations().get(0).getClass(), "the drop goes first");
        List<Quad> sent = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (UpdateRequest r : parts) {
            int n = 0;
            for (Update u : r.getOperations())
                if (u instanceof UpdateDataInsert i) { sent.addAll(i.getQuads()); n += i.getQuads().size(); }
            sizes.add(n);
        }
        assertEquals(List.of(1_000, 1_000, 500), sizes);
        assertEquals(((UpdateDataInsert) dropThenInsert(2_500).get(1)).getQuads(), sent);
    }
}
