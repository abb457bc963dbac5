package org.etomkg.remote;

import org.etomkg.store.remote.RemoteLoad;
import org.etomkg.store.remote.RemoteStore;

/** The suite on a second Fuseki, its own process with its own TDB2 store: every answer as on the embedded store. */
class FusekiSuiteTest extends RemoteStoreSuite {
    @Override RemoteStore loadedStore() { return LoadedFuseki.shared().open(); }

    @Override RemoteLoad.Result firstLoad() { return LoadedFuseki.shared().firstLoad; }
}
