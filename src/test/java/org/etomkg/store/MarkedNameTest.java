package org.etomkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.etomkg.suggest.TelecomSynonyms;
import org.junit.jupiter.api.Test;

/** The marked name of a search hit is safe HTML: the name escaped first, then the matched words marked. */
class MarkedNameTest {
    static final SearchAnalyzer INDEX = new SearchAnalyzer();
    static final SearchAnalyzer QUERY = new SearchAnalyzer(TelecomSynonyms.parse("fault, trouble\n"));

    @Test
    void markupInANameIsEscapedAndOnlyMatchedWordsAreMarked() {
        assertEquals("&lt;script&gt;alert(&quot;<mark>Billing</mark>&quot;)&lt;/script&gt; &amp; <mark>Bills</mark> &#39;x&#39;",
            MarkedName.mark("<script>alert(\"Billing\")</script> & Bills 'x'", "bill", INDEX, QUERY));
    }

    @Test
    void stemsSynonymsAndTheLastWordsStartAreMarked() {
        assertEquals("<mark>Handle</mark> Resource <mark>Trouble</mark> <mark>Reports</mark>",
            MarkedName.mark("Handle Resource Trouble Reports", "handling fault rep", INDEX, QUERY));
        assertEquals("Handle Resource Trouble Reports", MarkedName.mark("Handle Resource Trouble Reports", "order", INDEX, QUERY));
    }
}
