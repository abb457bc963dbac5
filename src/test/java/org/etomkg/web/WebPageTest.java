package org.etomkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web page as a process architect uses it, in headless Chromium against a real server on a
 * store built from the shipped ontology: the map, clicking through to a process, switching
 * release, the extension overlay, keyboard use, export, and validating a good and a bad file.
 * Expected values come from the store itself, not from the page's own queries.
 */
class WebPageTest {
    static final String ETOM = "https://w3id.org/etom-kg/ontology#";
    static final Path EXAMPLE = Path.of("examples/nordlicht-telecom.ttl").toAbsolutePath();
    /** The example's process that loses its definition, so the stored extension has one warning. */
    static final String UNDEFINED = "https://nordlicht-telecom.example/etom/2.5.8.2.1";

    /** A script answering how many pieces of text it checked, or those below 4.5:1 against what lies behind them. */
    static final String CONTRAST = String.join("\n",
        "const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);",
        "const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });",
        "  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };",
        "const behind = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; const a = rgb(c)[3];",
        "  if (c && !(a === 0)) return c; } return 'rgb(255, 255, 255)'; };",
        "const bad = []; let checked = 0;",
        "for (const e of document.querySelectorAll('body *:not(svg *):not(script):not(style)')) {",
        "  if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;",
        "  if (!e.getClientRects().length) continue;",
        "  const fg = getComputedStyle(e).color, bg = behind(e);",
        "  const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);",
        "  const ratio = (l1 + 0.05) / (l2 + 0.05); checked++;",
        "  if (ratio < 4.5) bad.push(e.tagName + ' \"' + e.textContent.trim().slice(0, 40) + '\" ' + fg + ' on ' + bg + ': ' + ratio.toFixed(2));",
        "}",
        // The map's SVG text: against the last shape drawn before it that lies under its middle.
        "const map = document.getElementById('etom-map');",
        "if (map) {",
        "  const shapes = [...map.querySelectorAll('rect')].map(r => [r, r.getBoundingClientRect(), getComputedStyle(r).fill]).filter(s => s[2] !== 'none');",
        "  for (const t of map.querySelectorAll('text')) {",
        "    const b = t.getBoundingClientRect(); if (!b.width) continue;",
        "    const x = b.x + b.width / 2, y = b.y + b.height / 2;",
        "    let bg = behind(map);",
        "    for (const [r, rb, fill] of shapes) if (r.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING",
        "      && x >= rb.left && x <= rb.right && y >= rb.top && y <= rb.bottom) bg = fill;",
        "    const fg = getComputedStyle(t).fill;",
        "    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);",
        "    const ratio = (l1 + 0.05) / (l2 + 0.05); checked++;",
        "    if (ratio < 4.5) bad.push('svg text \"' + t.textContent.trim().slice(0, 40) + '\" ' + fg + ' on ' + bg + ': ' + ratio.toFixed(2));",
        "  }",
        "}",
        "return bad.length ? bad : checked;");

    @TempDir static Path tmp;
    static WebServer server;
    static Browser browser;
    static Path withWarning;

    @BeforeAll
    static void start() throws Exception {
        server = WebServer.start(tmp);
        browser = Browser.start(server.baseUrl());
        Model m = RDFDataMgr.loadModel(EXAMPLE.toString());
        m.removeAll(m.createResource(UNDEFINED), ResourceFactory.createProperty("http://www.w3.org/2004/02/skos/core#definition"), null);
        withWarning = tmp.resolve("nordlicht-with-a-warning.ttl");
        try (var out = Files.newOutputStream(withWarning)) { RDFDataMgr.write(out, m, Lang.TURTLE); }
        HttpResponse<String> put = put("/api/extensions/nordlicht", withWarning);
        assertEquals(201, put.statusCode(), put.body());
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.close();
        } finally {
            if (server != null) server.close();
        }
    }

    @Test
    void theMapShowsEveryLevel2ProcessOfTheLatestReleaseAndSwitchesRelease() {
        browser.open("/");
        browser.waitFor("#etom-map a.process");
        assertEquals("eTOM map, release 26.0", browser.text("h1"));
        assertEquals(level2("26.0"), boxes(), "every level-2 process of 26.0 is on the map");
        System.out.println("map of 26.0 drawn in " + browser.waitFor("#etom-map").getAttribute("data-render-ms") + " ms (from the route to the drawn chart)");
        browser.screenshot("map-26.0");
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals(5, browser.all("p.downloads a[href^='/download/release/26.0.']").size(), "the map links the release's downloads and its ArchiMate export");
        assertTrue(browser.text("#main").lines().noneMatch(l -> l.strip().equals("null")), "no stray text on the map page");

        new Select(browser.waitFor("#release")).selectByValue("25.5");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/map?release=25.5") && browser.text("h1").endsWith("25.5"));
        browser.waitFor("#etom-map a.process");
        assertEquals(level2("25.5"), boxes(), "every level-2 process of 25.5 is on the map");
        // A process in several adjacent vertical groups is one box spanning them: 1.3.3 sits in three in 25.5.
        assertEquals(groupsOf("25.5", "1.3.3"), browser.all("#etom-map a.process[data-identifier='1.3.3']").stream()
            .flatMap(a -> Stream.of(a.getAttribute("data-groups").split("\\|"))).collect(Collectors.toCollection(TreeSet::new)));
        browser.screenshot("map-25.5");

        for (String release : List.of("23.0.1", "23.5", "24.0", "24.5", "25.0")) {
            browser.open("/map?release=" + release);
            browser.waitUntil(d -> browser.text("h1").endsWith(release));
            browser.waitFor("#etom-map a.process");
            assertEquals(level2(release), boxes(), "every level-2 process of " + release + " is on the map");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void aClickOnTheMapOpensTheProcessPageWithItsChildrenHistoryAndComponents() {
        browser.open("/map?release=26.0");
        browser.waitFor("#etom-map a.process[data-identifier='1.4.5']").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/process/26.0/1.4.5"));
        assertEquals("1.4.5 Service Activation Management", browser.text("#process-title"));
        String crumbs = browser.text(".breadcrumbs");
        assertTrue(crumbs.contains("1.4") && crumbs.contains("Service Activation Management"), crumbs);
        // Children open level by level, down to the lowest.
        WebElement first = browser.waitFor("#children-tree > li[data-identifier='1.4.5.1'] > details > summary");
        assertFalse(browser.all("li[data-identifier='1.4.5.1.1']").get(0).isDisplayed());
        first.findElement(By.xpath("..")).findElement(By.tagName("summary")).sendKeys(Keys.SPACE);
        browser.waitUntil(d -> browser.all("li[data-identifier='1.4.5.1.1']").get(0).isDisplayed());
        assertEquals(descendants("26.0", "1.4.5"), browser.all("#children-tree li[data-identifier]").stream()
            .map(li -> li.getAttribute("data-identifier")).collect(Collectors.toCollection(TreeSet::new)));
        // Its history: one row per release that has it.
        assertEquals(7, browser.all("#history-table tbody tr").size());
        assertFalse(browser.all("#components-table tbody tr").isEmpty(), "1.4.5 is served by ODA components");
        browser.screenshot("process-26.0-1.4.5");
        assertEquals(List.of(), browser.consoleErrors());
        // Its SID entities, from the component specifications' diagrams (stated for 24.0).
        browser.open("/process/24.0/1.2.7");
        assertTrue(browser.text("#sid").contains("Product Offering Specification ABE"), browser.text("#sid"));
    }

    @Test
    void aProcessPageFollowsTheProcessToAnotherReleaseAndListsExtensionProcesses() {
        browser.open("/process/26.0/1.12.9");
        browser.text("#process-title");
        new Select(browser.waitFor("#release")).selectByValue("25.0");
        // Selling was 1.1.9 before 25.5: the switch follows the crosswalk, not the identifier.
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/process/25.0/1.1.9"));
        assertTrue(browser.text("#process-title").contains("Selling"));

        browser.open("/process/25.5/1.3.3");
        WebElement table = browser.waitFor("#extensions-table");
        String text = browser.text("#extensions-table");
        assertTrue(text.contains("2.3.3.10.1") && text.contains("Capture Web Shop Order"), text);
        assertTrue(text.contains("Head of Sales"), "the accountable role: " + text);
        assertTrue(text.contains("Web order capture time"), "the KPI: " + text);
        browser.screenshot("process-25.5-1.3.3-with-extension");
        // An extension process has a page too: its owners, KPIs and the reference process above it.
        table.findElement(By.linkText("2.3.3.10.1.1")).click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/process/25.5/2.3.3.10.1.1"));
        String facts = browser.text("#extension-process");
        assertTrue(facts.contains("Validate Web Shop Basket") || browser.text("#process-title").contains("Validate Web Shop Basket"));
        assertTrue(facts.contains("1.3.3.10 Manage Customer Order Placement"), facts);
        assertTrue(facts.contains("2.3.3.10.1 Capture Web Shop Order"), facts);
        assertTrue(browser.text(".breadcrumbs").contains("1.3.3 Customer Order Processing Management"), browser.text(".breadcrumbs"));
        browser.screenshot("process-25.5-2.3.3.10.1.1-extension");
    }

    @Test
    void theMapLeadsToTheReleaseItsDomainsAndItsVerticalGroups() {
        browser.open("/map?release=25.5");
        assertEquals(browser.baseUrl() + "/download/release/25.5.archimate.xml", browser.waitFor("#archimate-release").getAttribute("href"));
        browser.waitFor("#release-page").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/releases/25.5"));
        assertEquals("eTOM release 25.5", browser.text("h1"));
        // Its counts, its domains and groups, its flags and what changed since 25.0, as the store has them.
        assertTrue(browser.text("#main p").startsWith(elements("25.5") + " process elements"), browser.text("#main p"));
        assertEquals(8, browser.all("#domain-list li").size(), browser.text("#domain-list"));
        assertEquals(7, browser.all("#group-list li").size(), browser.text("#group-list"));
        assertTrue(browser.text("#change-counts").contains("By identifier:"), browser.text("#change-counts"));
        assertFalse(browser.all("#flag-list details").isEmpty(), "25.5 has flagged elements");
        assertEquals(List.of("ttl", "jsonld", "nt", "csv", "archimate.xml"), browser.all(".downloads a").stream()
            .map(a -> a.getAttribute("href").replaceAll(".*/25\\.5\\.", "")).toList());

        // A domain: its level-2 processes once each, with every vertical group they sit in.
        browser.waitFor("#domain-list a[href='/releases/25.5/domains/1.5']").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/releases/25.5/domains/1.5"));
        assertEquals("1.5 Resource", browser.text("h1"));
        assertEquals(level2In("25.5", "1.5"), browser.all("#process-table tbody tr").size());
        String row = browser.all("#process-table tbody tr").stream().map(WebElement::getText)
            .filter(t -> t.startsWith("1.5.7 ")).findFirst().orElseThrow();
        for (String g : groupsOf("25.5", "1.5.7")) assertTrue(row.contains(g), row + " lacks " + g);

        // A vertical group: the map's column, from the map's heading.
        browser.open("/map?release=25.5");
        browser.waitFor("#etom-map a.process");
        int assurance = boxesIn("Assurance");
        browser.js().executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))",
            browser.waitFor("#etom-map a.col-link[href='/releases/25.5/groups/assurance']"));
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/releases/25.5/groups/assurance"));
        assertEquals("Assurance", browser.text("h1"));
        assertEquals(assurance, browser.all("#process-table tbody tr").size());
        assertEquals(List.of(), browser.consoleErrors());

        // The process page links back to all three and offers its description as data.
        browser.open("/process/25.5/1.5.7");
        assertEquals("/releases/25.5/domains/1.5", browser.waitFor("#main .facts a[href*='/domains/']").getAttribute("href")
            .replace(browser.baseUrl(), ""));
        assertEquals(groupsOf("25.5", "1.5.7").size(), browser.all("#vertical-groups a").size());
        assertEquals(List.of("ttl", "jsonld", "rdf", "nt"), browser.all("#export-menu a").stream()
            .map(a -> a.getAttribute("data-format")).toList());
        browser.waitFor("#export-menu summary").click();
        assertTrue(browser.all("#export-menu a").get(0).isDisplayed());

        browser.open("/releases/25.5/domains/9.9");
        assertEquals("No domain 9.9 in release 25.5", browser.text("h1"));
    }

    @Test
    void aFlowIsDrawnFromItsExportedBpmnWithEveryStepAndReachedFromItsStepsPages() {
        browser.open("/process/25.5/1.3.3.15");
        browser.waitFor("#flow-list a").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/extensions/nordlicht/flows/Order-to-Payment"));
        WebElement diagram = browser.waitFor("#flow-diagram[data-drawn]");
        assertEquals("0", diagram.getAttribute("data-warnings"), "bpmn-js imports the exported model without a warning");
        int steps = Integer.parseInt(one("SELECT (COUNT(?s) AS ?n) WHERE { GRAPH <https://w3id.org/etom-kg/graph/extension/nordlicht> {"
            + " ?f <http://www.w3.org/2000/01/rdf-schema#label> ?l ; <" + ETOM + "step> ?s . FILTER (STR(?l) = 'Order-to-Payment') } }"));
        assertEquals(steps, browser.all("#flow-diagram .djs-element.djs-shape[data-element-id^='Step_']").size(), "every step drawn");
        assertEquals(steps, browser.all("#flow-steps tbody tr").size());
        assertTrue(browser.all("#flow-diagram .djs-element[data-element-id^='Lane_']").size() >= 2, "a lane per accountable unit");
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("flow-order-to-payment");
    }

    @Test
    void theOverlayMarksTheBoxesAnExtensionSitsBeneathWithTheirStatus() {
        browser.open("/map?release=25.5&extension=nordlicht");
        browser.waitFor("#overlay-summary");
        Set<String> marked = browser.all("#etom-map a.process[data-status]").stream()
            .map(a -> a.getAttribute("data-identifier")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(level2Above("25.5"), marked, "the level-2 processes the example's processes sit beneath");
        // 2.5.8.2.1 lost its definition: a warning, on the box of 1.5.8 only.
        Set<String> warned = browser.all("#etom-map a.process[data-status='warn']").stream()
            .map(a -> a.getAttribute("data-identifier")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("1.5.8"), warned);
        assertTrue(browser.text("#overlay-summary").contains("conforms, 1 warning"), browser.text("#overlay-summary"));
        browser.js().executeScript("document.querySelector('#etom-map a[data-status]').scrollIntoView({block: 'center'})");
        browser.screenshot("map-25.5-overlay-nordlicht");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theKeyboardMovesAcrossTheMapAndOpensAProcess() {
        browser.open("/map?release=26.0");
        WebElement start = browser.waitFor("#etom-map a.process[data-identifier='1.4.5']");
        browser.js().executeScript("arguments[0].focus()", start);
        new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
        String right = browser.waitUntil(d -> (String) browser.js().executeScript("return document.activeElement.dataset.identifier"));
        assertEquals("1.4.6", right, "right of Service Activation (Fulfillment) is Service Problem Management (Assurance)");
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/process/26.0/1.4.6"));
    }

    @Test
    void theMapExportsAsSvgAndPng() throws Exception {
        browser.open("/map?release=26.0");
        browser.waitFor("#etom-map a.process");
        Object svg = browser.js().executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
            + "import('/static/export.js').then(m => done(m.svgText(document.getElementById('etom-map'))));");
        String text = (String) svg;
        assertTrue(text.startsWith("<?xml") && text.contains("<svg") && text.contains("Service Activation Management"), text.substring(0, 200));
        Files.writeString(Files.createDirectories(Path.of(screenshots())).resolve("map-26.0.svg"), text);
        Object png = browser.js().executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
            + "import('/static/export.js').then(m => m.pngBlob(document.getElementById('etom-map')))"
            + ".then(b => b.arrayBuffer()).then(a => { let s = ''; for (const x of new Uint8Array(a)) s += String.fromCharCode(x); done(btoa(s)); })"
            + ".catch(e => done('error: ' + e.message));");
        byte[] bytes = Base64.getDecoder().decode((String) png);
        assertEquals("\u0089PNG", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1));
        assertTrue(bytes.length > 50_000, "a full map, not an empty canvas: " + bytes.length + " bytes");
        Files.write(Path.of(screenshots()).resolve("map-26.0-export.png"), bytes);
    }

    @Test
    void validatingAGoodFileLetsASignedInUserSaveIt() throws Exception {
        browser.open("/validate");
        browser.waitFor("#extension-file").sendKeys(EXAMPLE.toString());
        assertEquals("true", browser.waitFor("#report-summary").getAttribute("data-conforms"));
        assertTrue(browser.text("#report-summary").contains("0 warnings"));
        // Not stored until a signed-in user says so.
        assertFalse(stored().contains("\"nordlicht-telecom\""));
        browser.waitFor("#signin-user").sendKeys(server.user());
        browser.waitFor("#signin-password").sendKeys("wrong password");
        browser.waitFor("#signin-button").click();
        browser.waitUntil(d -> browser.text("#signin-message").contains("Wrong user name or password"));
        WebElement password = browser.waitFor("#signin-password");
        password.clear();
        password.sendKeys(server.password());
        browser.waitFor("#signin-button").click();
        assertEquals("nordlicht-telecom", browser.waitFor("#save-name").getAttribute("value"));
        browser.waitFor("#save-button").click();
        browser.waitUntil(d -> browser.text("#save-result").startsWith("Saved as nordlicht-telecom"));
        assertTrue(stored().contains("\"nordlicht-telecom\""), stored());
        browser.screenshot("validate-saved");
        // The wrong password's 401 is the one failed request the console may show.
        assertEquals(List.of(), browser.consoleErrors().stream().filter(m -> !(m.contains("/api/session") && m.contains("401"))).toList());
        assertEquals(204, delete("/api/extensions/nordlicht-telecom").statusCode());
    }

    @Test
    void anArchitectMapsABpmnModelChangesASuggestedParentAndSavesTheDraft() throws Exception {
        String decompose = "tr[data-activity='fjordlys-order-to-activation.bpmn#Task_Decompose']";
        browser.open("/mapping");
        new Select(browser.waitFor("#mapping-release")).selectByValue("25.5");
        browser.waitFor("#bpmn-file").sendKeys(Path.of("examples/bpmn/fjordlys-order-to-activation.bpmn").toAbsolutePath().toString());
        browser.waitUntil(d -> browser.all("#mapping-table tbody tr").size() == 10);
        assertEquals(4, browser.all("#mapping-table tr[data-source='suggested']").size(), "four parents to review");
        assertEquals("fjordlys-order-to-activation", browser.waitFor("#mapping-name").getAttribute("value"));
        browser.waitFor("#report-summary");
        String validations = browser.waitFor("#mapping-result").getAttribute("data-validations");
        Object contrast = browser.js().executeScript(CONTRAST);
        assertTrue(contrast instanceof Number n && n.intValue() >= 40, "/mapping: " + contrast);

        // The architect takes the second suggestion: the row says so, and the draft is validated again.
        Select choice = new Select(browser.waitFor(decompose + " select.parent-choice"));
        String second = choice.getOptions().get(1).getAttribute("value");
        choice.selectByIndex(1);
        browser.waitUntil(d -> !validations.equals(browser.waitFor("#mapping-result").getAttribute("data-validations")));
        assertEquals("chosen", browser.waitFor(decompose).getAttribute("data-source"));
        assertTrue(browser.text(decompose + " td.parent").startsWith(second + " "), browser.text(decompose + " td.parent"));
        assertEquals(3, browser.all("#mapping-table tr[data-source='suggested']").size());
        assertEquals("true", browser.waitFor("#report-summary").getAttribute("data-conforms"), browser.text("#report-summary"));
        assertEquals("parent-choice", browser.driver().switchTo().activeElement().getAttribute("class"), "focus stays on the row changed");
        browser.screenshot("mapping");

        // Any process, searched for as you type.
        String port = "tr[data-activity='fjordlys-order-to-activation.bpmn#Task_Port']";
        browser.waitFor(port + " input.parent-search").sendKeys("number portab");
        browser.waitFor(port + " .parent-found button").click();
        browser.waitUntil(d -> "chosen".equals(browser.waitFor(port).getAttribute("data-source")));
        assertEquals(2, browser.all("#mapping-table tr[data-source='suggested']").size());

        assertFalse(stored().contains("\"fjordlys-order-to-activation\""));
        browser.waitFor("#signin-user").sendKeys(server.user());
        browser.waitFor("#signin-password").sendKeys(server.password());
        browser.waitFor("#signin-button").click();
        browser.waitFor("#save-button").click();
        browser.waitUntil(d -> browser.text("#save-result").startsWith("Saved as fjordlys-order-to-activation"));
        assertTrue(stored().contains("\"fjordlys-order-to-activation\""), stored());
        assertTrue(fetch("/api/extensions/fjordlys-order-to-activation").contains(second.replaceFirst("^1", "2")), "stored under the chosen parent");

        // Later, the stored draft opens again: the two parents still to review are marked, and one more is chosen.
        browser.open("/mapping?extension=fjordlys-order-to-activation");
        browser.waitUntil(d -> browser.all("#mapping-table tbody tr").size() == 10);
        assertEquals(2, browser.all("#mapping-table tr[data-source='suggested']").size());
        assertTrue(browser.text(decompose + " td.parent").startsWith(second + " "), "the parent chosen before: " + browser.text(decompose + " td.parent"));
        assertEquals("25.5", new Select(browser.waitFor("#mapping-release")).getFirstSelectedOption().getAttribute("value"));
        browser.waitFor("#report-summary");
        String reopened = browser.waitFor("#mapping-result").getAttribute("data-validations");
        String activate = "tr[data-activity='fjordlys-order-to-activation.bpmn#Task_Activate']";
        new Select(browser.waitFor(activate + " select.parent-choice")).selectByIndex(1);
        browser.waitUntil(d -> !reopened.equals(browser.waitFor("#mapping-result").getAttribute("data-validations")));
        assertEquals("chosen", browser.waitFor(activate).getAttribute("data-source"));
        assertEquals(1, browser.all("#mapping-table tr[data-source='suggested']").size());
        assertEquals("true", browser.waitFor("#report-summary").getAttribute("data-conforms"), browser.text("#mapping-result"));
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals(204, delete("/api/extensions/fjordlys-order-to-activation").statusCode());
    }

    @Test
    void aFileDroppedOnThePageIsValidated() {
        browser.open("/validate");
        browser.waitFor("#dropzone");
        // What a drop from the desktop delivers: a DataTransfer holding a File (here the stored extension, with its warning).
        browser.js().executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
            + "fetch('/api/extensions/nordlicht').then(r => r.text()).then(text => {"
            + "  const data = new DataTransfer();"
            + "  data.items.add(new File([text], 'dropped.ttl', { type: 'text/turtle' }));"
            + "  document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));"
            + "  done();"
            + "});");
        assertEquals("true", browser.waitFor("#report-summary").getAttribute("data-conforms"));
        assertTrue(browser.text("#report-summary").contains("dropped.ttl"));
        WebElement warning = browser.waitFor("#report .finding[data-severity='Warning']");
        assertEquals("R05-Definition", warning.getAttribute("data-rule"));
        assertTrue(warning.getText().contains("2.5.8.2.1") && warning.getText().contains("Fix:"), warning.getText());
    }

    @Test
    void validatingABadFileShowsTheFindingsByProcessWithTheirFixAndCannotBeSaved() {
        Path bad = Path.of("examples/invalid/r03-numbering-invalid.ttl").toAbsolutePath();
        browser.open("/validate");
        browser.waitFor("#extension-file").sendKeys(bad.toString());
        assertEquals("false", browser.waitFor("#report-summary").getAttribute("data-conforms"));
        List<WebElement> findings = browser.all("#report .finding[data-severity='Violation']");
        assertFalse(findings.isEmpty());
        for (WebElement f : findings) {
            assertEquals("R03-Numbering", f.getAttribute("data-rule"));
            assertTrue(f.getText().contains("Fix:"), f.getText());
        }
        assertFalse(browser.all("#report .report-process h3").isEmpty(), "grouped by process");
        assertTrue(browser.text("#save").contains("Fix the violations first"));
        assertTrue(browser.all("#save-button").isEmpty());
        browser.screenshot("validate-invalid");

        // A file that is not RDF at all: the error names the file and the line.
        browser.open("/validate");
        browser.waitFor("#extension-file").sendKeys(Path.of("README.md").toAbsolutePath().toString());
        assertTrue(browser.text("#validate-result").contains("not a file etom-kg reads"));
    }

    @Test
    void theSparqlEditorOffersTheNamedQueriesAsExamplesAndRunsThem() throws Exception {
        browser.open("/sparql");
        browser.waitFor("#examples button.example[data-name='multi-group-processes']").click();
        browser.waitUntil(d -> browser.text("#yasgui .tabsList .tab.active").contains("multi-group-processes")
            || browser.text("#yasgui .tabsList .tab.active").contains("vertical group"));
        browser.waitFor("#yasgui .tabPanel.active .yasqe_queryButton").click();
        browser.waitUntil(d -> browser.text("#sparql-status").matches("\\d+ rows? in .*"));
        int rows = Integer.parseInt(browser.text("#sparql-status").replaceFirst(" .*", ""));
        // The same query through the named-query API, with its defaults.
        String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/api/queries/multi-group-processes")))
            .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertEquals(csv.strip().split("\r?\n").length - 1, rows);
        assertFalse(browser.all("#yasgui .tabPanel.active .yasr table.dataTable tbody tr").isEmpty());
        browser.screenshot("sparql-editor");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void searchAnswersAsYouTypeBestFirst() {
        browser.open("/search");
        WebElement input = browser.waitFor("#search-input");
        input.sendKeys("service activ");
        browser.waitUntil(d -> !browser.all("#search-results li").isEmpty());
        List<String> found = browser.all("#search-results li").stream().map(li -> li.getAttribute("data-identifier")).toList();
        assertEquals("1.4.5", found.get(0), "Service Activation Management first: " + found);
        browser.waitUntil(d -> d.getCurrentUrl().contains("q=service+activ"));
        // The arrow key goes from the box to the first result; Enter opens it.
        input.sendKeys(Keys.ARROW_DOWN);
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/process/26.0/1.4.5"));
        // From the header's box on any page.
        browser.open("/map");
        WebElement quick = browser.waitFor("#quick-q");
        quick.sendKeys("fibre break", Keys.ENTER);
        browser.waitUntil(d -> d.getCurrentUrl().contains("/search?q=fibre+break"));
        browser.waitFor("#search-status");
        // The stored extension extends 25.5: its own processes are found there, and open their page.
        new Select(browser.waitFor("#release")).selectByValue("25.5");
        WebElement own = browser.waitFor("#search-results li[data-identifier^='2.'] a");
        browser.screenshot("search");
        own.click();
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/process/25\\.5/2\\.[0-9.]+"));
        browser.waitFor("#extension-process");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aSearchHitShowsItsPathWithTheMatchedWordsMarked() {
        browser.open("/search?q=billing&release=26.0");
        WebElement hit = browser.waitFor("#search-results li[data-identifier='1.6.15']");
        assertEquals(List.of("Bill", "Invoice"), hit.findElements(By.cssSelector("a mark")).stream().map(WebElement::getText).toList(),
            "billing meets Bill by its stem and Invoice by the synonym file");
        String path = hit.findElement(By.cssSelector(".hit-path")).getText();
        assertTrue(path.endsWith("Business Partner Domain"), "where the hit sits, its ancestors' names: " + path);
        WebElement deep = browser.waitFor("#search-results li[data-identifier='1.6.15.4.9'] .hit-path");
        assertTrue(deep.getText().endsWith("Business Partner Domain › BP Bill/Invoice Management › Specific BP Revenue Handling"), deep.getText());
        assertTrue(browser.all("#search-results li[data-identifier='1.3.9']").size() == 1, "Customer Bill Invoice Management");
        // A name is text, never markup, however the service marks it.
        assertEquals(0, browser.all("#search-results a script, #search-results a b").size());
        browser.screenshot("search-marked");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theReleaseHasAnAlphabeticalIndexOfItsProcesses() {
        browser.open("/releases/26.0");
        browser.waitFor("#release-index").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/releases/26.0/index"));
        browser.waitFor("#letter-C");
        List<String> names = browser.all("#letter-C li a").stream().map(a -> a.getText().replaceFirst("^[0-9.]+ ", "")).toList();
        assertTrue(names.contains("Customer Bill Invoice Management"), names.toString());
        List<String> sorted = names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        assertEquals(sorted, names, "A to Z within a letter");
        assertEquals(processes("26.0"), browser.all("ul.process-index li").size(), "every process once");
        browser.screenshot("index");
        browser.waitFor("nav.letters a[href='#letter-R']").click();
        browser.waitUntil(d -> "#letter-R".equals("#" + browser.js().executeScript("return document.activeElement.closest('section')?.id")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theTreeOpensTheHierarchyLevelByLevelFromTheKeyboard() {
        browser.open("/map?release=26.0");
        browser.waitFor("#tree-page").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/releases/26.0/tree"));
        browser.waitFor("#process-tree [role=treeitem]");
        assertEquals(8, browser.all("#process-tree > [role=treeitem]").size(), "the eight domains");
        assertEquals(0, browser.all("#process-tree [role=group]").size(), "nothing beneath is asked for before it is opened");
        WebElement first = browser.waitFor("#process-tree > [role=treeitem]");
        assertEquals("0", first.getAttribute("tabindex"), "one item in the Tab order");
        first.click();
        // Down to the Customer domain (1.3), open it, step into its first child, open that too.
        Actions keys = new Actions(browser.driver());
        while (!"1.3".equals(focused())) keys.sendKeys(Keys.ARROW_DOWN).perform();
        keys.sendKeys(Keys.ARROW_RIGHT).perform();
        browser.waitFor("[data-identifier='1.3'] > [role=group] > [role=treeitem]");
        assertEquals("true", browser.waitFor("[data-identifier='1.3']").getAttribute("aria-expanded"));
        keys.sendKeys(Keys.ARROW_RIGHT).perform();
        browser.waitUntil(d -> focused().startsWith("1.3."));
        String child = focused();
        assertEquals("2", browser.waitFor("[data-identifier='" + child + "']").getAttribute("aria-level"));
        keys.sendKeys(Keys.ARROW_LEFT).perform();
        browser.waitUntil(d -> "1.3".equals(focused()));
        keys.sendKeys(Keys.ARROW_LEFT).perform();
        browser.waitUntil(d -> "false".equals(browser.waitFor("[data-identifier='1.3']").getAttribute("aria-expanded")));
        browser.screenshot("tree");
        // Enter opens the process page.
        keys.sendKeys(Keys.ENTER).perform();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/process/26.0/1.3"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static String focused() {
        return (String) browser.js().executeScript("return document.activeElement?.dataset?.identifier ?? ''");
    }

    /**
     * WCAG's contrast ratio of every piece of text on the app's pages, the map's SVG text among them,
     * against what lies behind it, at least 4.5:1, in the light theme and in the dark one.
     */
    @Test
    void textOnEveryPageHasReadableContrastInBothThemes() {
        String check = CONTRAST;
        try {
            for (String theme : List.of("light", "dark")) {
                browser.emulate("", theme);
                for (String page : List.of("/map?release=25.5&extension=nordlicht", "/process/25.5/1.3.3", "/releases/25.5", "/search?q=order", "/validate?extension=nordlicht",
                        "/releases/25.5/index", "/releases/25.5/tree")) {
                    browser.open(page);
                    browser.waitUntil(d -> browser.all("#main h1").size() > 0 && !browser.all("#main .view > :not(.muted)").isEmpty());
                    browser.waitUntil(d -> !page.startsWith("/map") || !browser.all("#overlay-summary").isEmpty());
                    browser.waitUntil(d -> !page.startsWith("/validate") || !browser.all("#report-summary").isEmpty());
                    assertEquals(theme.equals("dark"), browser.js().executeScript("return matchMedia('(prefers-color-scheme: dark)').matches"));
                    Object result = browser.js().executeScript(check);
                    int least = page.startsWith("/map") ? 300 : 15;   // the map's boxes, headings and badges are checked too
                    assertTrue(result instanceof Number n && n.intValue() >= least, theme + " " + page + ": " + result);
                    if (page.startsWith("/map")) browser.screenshot("map-25.5-overlay-" + theme);
                }
            }
        } finally {
            browser.emulate("", "");
        }
    }

    /** At 1280 and 1440 px the whole map shows without scrolling sideways; narrower, it scrolls with the domain names in view. */
    @Test
    void theMapFitsTheWindowFrom1280PxAndKeepsTheDomainsInViewWhenNarrower() {
        try {
            for (int width : List.of(1280, 1440)) {
                browser.viewport(width, 900);
                browser.open("/map?release=25.5");
                browser.waitFor("#etom-map a.process");
                assertEquals(width, ((Number) browser.js().executeScript("return window.innerWidth")).intValue());
                Object overflow = browser.js().executeScript(
                    "const w = document.documentElement.clientWidth, wrap = document.querySelector('.map-wrap');"
                    + "const out = [...document.querySelectorAll('#etom-map a.process rect.box')].map(r => r.getBoundingClientRect())"
                    + "  .filter(b => b.left < 0 || b.right > w).length;"
                    + "return [document.documentElement.scrollWidth - w, wrap.scrollWidth - wrap.clientWidth, out];");
                assertEquals(List.of(0L, 0L, 0L), overflow, width + " px: page overflow, map overflow, boxes outside the viewport");
                browser.screenshot("map-25.5-" + width);
            }
            browser.viewport(800, 900);
            browser.open("/map?release=25.5");
            browser.waitFor("#etom-map a.process");
            Object scrolled = browser.js().executeScript(
                "const wrap = document.querySelector('.map-wrap'); wrap.scrollLeft = wrap.scrollWidth;"
                + "wrap.dispatchEvent(new Event('scroll'));"
                + "const left = wrap.getBoundingClientRect().left;"
                + "return [wrap.scrollLeft > 0, [...document.querySelectorAll('#etom-map .row-label')].every(t => t.getBoundingClientRect().left >= left)];");
            assertEquals(List.of(true, true), scrolled, "scrolled sideways, every domain name still in view");
            browser.screenshot("map-25.5-800-scrolled");
        } finally {
            browser.viewport(1600, 1000);
        }
    }

    /**
     * A process in adjacent vertical groups is one box spanning them; in groups apart, a box in each,
     * marked as one process. Enterprise sits apart below the chart. Checked for every process of 25.5.
     */
    @Test
    void aProcessInAdjacentGroupsIsOneBoxAndEnterpriseSitsApart() {
        browser.open("/map?release=25.5");
        browser.waitFor("#etom-map a.process");
        List<String> columns = List.of("Strategy Management", "Capability Management", "Business Value Development",
            "Operations Readiness & Support", "Fulfillment", "Assurance", "Billing");
        Map<String, Set<Integer>> columnsOf = new TreeMap<>();
        Set<String> enterprise = strings("SELECT ?id WHERE { ?s <" + ETOM + "version> ?v . FILTER (STR(?v) = '25.5')"
            + " ?e <http://www.w3.org/2004/02/skos/core#inScheme> ?s ; <" + ETOM + "level> 2 ; <" + ETOM + "domain> <" + ETOM + "EnterpriseDomain> ;"
            + " <http://www.w3.org/2004/02/skos/core#notation> ?id }");
        for (String id : strings("SELECT ?id WHERE { ?s <" + ETOM + "version> ?v . FILTER (STR(?v) = '25.5')"
                + " ?e <http://www.w3.org/2004/02/skos/core#inScheme> ?s ; <" + ETOM + "level> 2 ; <http://www.w3.org/2004/02/skos/core#notation> ?id }"))
            columnsOf.put(id, groupsOf("25.5", id).stream().map(columns::indexOf).collect(Collectors.toCollection(TreeSet::new)));
        int spanning = 0, twins = 0;
        for (var e : columnsOf.entrySet()) {
            int runs = 0, last = -2;
            for (int c : e.getValue()) { if (c != last + 1) runs++; last = c; }
            int expected = enterprise.contains(e.getKey()) ? 1 : Math.max(runs, 1);
            List<WebElement> drawn = browser.all("#etom-map a.process[data-identifier='" + e.getKey() + "']");
            assertEquals(expected, drawn.size(), e.getKey() + " in columns " + e.getValue());
            if (!enterprise.contains(e.getKey()) && e.getValue().size() > runs) spanning++;
            if (expected > 1) {
                twins++;
                assertTrue(drawn.stream().allMatch(a -> a.getAttribute("class").contains("twin")), e.getKey() + " is marked as drawn twice");
                browser.js().executeScript("arguments[0].focus()", drawn.get(0));
                assertTrue(drawn.get(1).getAttribute("class").contains("lit"), "focusing one box of " + e.getKey() + " lights the other");
            }
        }
        assertTrue(spanning >= 5 && twins >= 1, "25.5 has processes spanning groups (" + spanning + ") and in groups apart (" + twins + ")");
        // 1.3.4 sits in Fulfillment, Assurance and Billing: one box as wide as the three headings.
        Object edges = browser.js().executeScript(
            "const box = document.querySelector(\"#etom-map a[data-identifier='1.3.4'] rect.box\").getBoundingClientRect();"
            + "const heads = [...document.querySelectorAll('#etom-map rect.col-head')].map(r => r.getBoundingClientRect());"
            + "return [Math.abs(box.left - heads[4].left) < 2, Math.abs(box.right - heads[6].right) < 8];");
        assertEquals(List.of(true, true), edges);
        assertEquals(groupsOf("25.5", "1.3.4"), Set.of(browser.waitFor("#etom-map a[data-identifier='1.3.4']").getAttribute("data-groups").split("\\|")));
        // Enterprise: under its own heading, below every operational box.
        Object apart = browser.js().executeScript(
            "const ent = new Set(arguments[0]); const boxes = [...document.querySelectorAll('#etom-map a.process')];"
            + "const bottom = Math.max(...boxes.filter(a => !ent.has(a.dataset.identifier)).map(a => a.getBoundingClientRect().bottom));"
            + "const heading = document.querySelector('#etom-map .apart-heading');"
            + "return [heading.textContent, heading.getBoundingClientRect().top > bottom,"
            + "  boxes.filter(a => ent.has(a.dataset.identifier)).every(a => a.getBoundingClientRect().top > heading.getBoundingClientRect().bottom)];",
            List.copyOf(enterprise));
        assertEquals(List.of("Enterprise", true, true), apart);
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** Printed, the map fills one landscape page, A4 or A3, without the page's navigation. */
    @Test
    void theMapPrintsOnOneLandscapePageWithoutNavigation() throws Exception {
        browser.open("/map?release=25.5");
        browser.waitFor("#etom-map a.process");
        for (double[] paper : List.of(new double[] {29.7, 21.0}, new double[] {42.0, 29.7})) {
            String pdf = new String(browser.printToPdf(paper[0], paper[1]), StandardCharsets.ISO_8859_1);
            long pages = java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(pdf).results().count();
            assertEquals(1, pages, paper[0] + " x " + paper[1] + " cm landscape");
            if (paper[0] < 30) Files.write(Path.of(screenshots()).resolve("map-25.5-A4.pdf"), pdf.getBytes(StandardCharsets.ISO_8859_1));
        }
        assertEquals(1, browser.all("#etom-map-print").size(), "printing drew the map for the page's shape");
        try {
            // Print media in a window the size of an A4 landscape page's printable area at 96 dpi (8 mm margins).
            browser.emulate("print", "");
            browser.viewport(1123 - 2 * 30, 794 - 2 * 30);
            browser.waitFor("#etom-map-print");   // drawn as the page turns to print
            Object printed = browser.js().executeScript(
                "window.scrollTo(0, 0); const b = document.getElementById('etom-map-print').getBoundingClientRect();"
                + "return [getComputedStyle(document.querySelector('header.top')).display, getComputedStyle(document.querySelector('.toolbar')).display,"
                + "  b.width > 600, b.left >= 0 && b.right <= 1123 - 2 * 30, b.top >= 0 && b.bottom <= 794 - 2 * 30];");
            assertEquals(List.of("none", "none", true, true, true), printed, "print media: no navigation, the chart inside A4 landscape at 96 dpi");
            browser.screenshot("map-25.5-print");
        } finally {
            browser.emulate("", "");
            browser.viewport(1600, 1000);
        }
    }

    /** The main routes, each with what shows it fully drawn. */
    static final Map<String, String> PAGES = new LinkedHashMap<>();
    static {
        PAGES.put("/map?release=25.5&extension=nordlicht", "#overlay-summary");
        PAGES.put("/process/25.5/1.3.3", "#history-table");
        PAGES.put("/releases/25.5", "#group-list");
        PAGES.put("/releases/25.5/domains/1.3", "#process-table");
        PAGES.put("/releases/25.5/groups/fulfillment", "#process-table");
        PAGES.put("/search?q=order", "#search-results li");
        PAGES.put("/validate?extension=nordlicht", "#report-summary");
        PAGES.put("/mapping", "#bpmn-dropzone");
        PAGES.put("/extensions/nordlicht/flows/Order-to-Payment", "#flow-steps");
        PAGES.put("/sparql?example=multi-group-processes", "#examples li");   // a tab with a long name
    }

    /** On a phone (390 by 844): no page wider than the screen, a one-line header whose menu opens the navigation, tables as cards. */
    @Test
    void everyPageFitsAPhoneWithAOneLineHeaderAndTablesAsCards() {
        browser.phone(390, 844);
        try {
            for (var page : PAGES.entrySet()) {
                browser.open(page.getKey());
                browser.waitFor(page.getValue());
                if (page.getKey().startsWith("/sparql")) browser.waitUntil(d -> browser.text("#yasgui .tabsList .tab.active").contains("vertical group"));
                long wide = number("return document.documentElement.scrollWidth"), screen = number("return document.documentElement.clientWidth");
                assertEquals(390, screen);
                assertTrue(wide <= screen, page.getKey() + " is " + wide + " px wide on a " + screen + " px screen");
                long header = number("return Math.round(document.querySelector('header.top').getBoundingClientRect().height)");
                assertTrue(header <= 64, page.getKey() + ": the header is " + header + " px high");
                if (page.getKey().startsWith("/map?")) {
                    browser.waitFor("#etom-map a.process");
                    assertTrue(number("return document.querySelector('.map-wrap').scrollWidth") > screen, "the map scrolls inside its own box");
                }
            }
            // The validate page's file input sits inside its drop zone.
            browser.open("/validate");
            browser.waitFor("#extension-file");
            assertEquals(0L, number("const z = document.getElementById('dropzone').getBoundingClientRect(), f = document.getElementById('extension-file').getBoundingClientRect();"
                + " return (f.left < z.left || f.right > z.right) ? 1 : 0"), "the file input is inside the drop zone");

            // A table is a card per row, each value under its column's heading.
            browser.open("/process/25.5/1.3.3");
            WebElement card = browser.waitFor("#history-table tbody tr");
            assertEquals("block", card.getCssValue("display"));
            assertTrue(card.getRect().getWidth() <= 390 - 16, "the card fits the screen: " + card.getRect().getWidth());
            assertEquals("\"Release\"", browser.js().executeScript(
                "return getComputedStyle(document.querySelector('#history-table tbody td'), '::before').content"));
            assertFalse(browser.all("#history-table thead th").get(0).isDisplayed(), "the headings are on the cards, not above them");
            browser.screenshot("phone-process");

            // The navigation folds behind the menu button; it opens, leads on, and closes.
            WebElement menu = browser.waitFor("header.top .menu-button");
            WebElement validate = browser.all("header.top nav a[href='/validate']").get(0);
            assertFalse(validate.isDisplayed());
            menu.click();
            assertEquals("true", menu.getAttribute("aria-expanded"));
            browser.waitUntil(d -> validate.isDisplayed());
            Object contrast = browser.js().executeScript(CONTRAST);
            assertTrue(contrast instanceof Number n && n.intValue() >= 15, "the open menu: " + contrast);
            browser.screenshot("phone-menu");
            validate.click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/validate"));
            assertEquals("false", menu.getAttribute("aria-expanded"));
            assertFalse(validate.isDisplayed());
        } finally {
            browser.desktop();
        }
    }

    /** A release or stored extension that does not exist: a 404 that says so, lists what there is and offers search; the same inside the app. */
    @Test
    void aReleaseOrExtensionThatDoesNotExistGetsA404PageThatOffersSearch() throws Exception {
        for (String path : List.of("/releases/99.0", "/releases/99.0/domains/1.1", "/releases/99.0/groups/fulfillment",
                "/extensions/no-such-extension/flows/Order-to-Payment"))
            assertEquals(404, get(path).statusCode(), path);
        for (String path : List.of("/releases/25.5", "/releases/25.5/domains/1.3", "/extensions/nordlicht/flows/Order-to-Payment"))
            assertEquals(200, get(path).statusCode(), path);

        browser.open("/releases/99.0");
        assertEquals("No release 99.0 in this store", browser.text("h1"));
        assertEquals(1, browser.all("a[href='/releases/25.5']").size(), "it lists the releases there are");
        browser.open("/extensions/no-such-extension/flows/Order-to-Payment");
        assertEquals("No extension “no-such-extension” is stored", browser.text("h1"));
        assertEquals(1, browser.all("a[href='/map?extension=nordlicht']").size(), "it lists the stored extensions");
        browser.screenshot("404-extension");
        browser.waitFor("#missing-q").sendKeys("order", Keys.ENTER);
        browser.waitUntil(d -> d.getCurrentUrl().contains("/search?q=order"));
        browser.waitFor("#search-results li");

        // Followed from inside the app (no reload), each missing thing gets its view, with search.
        Map<String, String> missing = Map.of(
            "/releases/99.0", "No release 99.0 in this store",
            "/releases/25.5/domains/9.9", "No domain 9.9 in release 25.5",
            "/extensions/no-such-extension/flows/Order-to-Payment", "No extension “no-such-extension” is stored",
            "/process/26.0/9.9", "No process 9.9 in release 26.0",
            "/process/99.0/1.1", "No release 99.0 in this store",
            "/no/such/page", "Not found");
        for (var m : missing.entrySet()) {
            browser.js().executeScript("history.pushState(null, '', arguments[0]); dispatchEvent(new PopStateEvent('popstate'))", m.getKey());
            browser.waitUntil(d -> !browser.all("#not-found").isEmpty() && m.getValue().equals(browser.text("#not-found")));
            assertTrue(browser.waitFor("#missing-search button").isDisplayed(), m.getKey());
        }
        // A missing process's search is filled with its identifier.
        browser.js().executeScript("history.pushState(null, '', '/process/26.0/9.9'); dispatchEvent(new PopStateEvent('popstate'))");
        browser.waitUntil(d -> "No process 9.9 in release 26.0".equals(browser.text("#not-found")));
        assertEquals("9.9", browser.waitFor("#missing-q").getAttribute("value"));
        browser.waitFor("#missing-q").sendKeys(Keys.ENTER);
        browser.waitUntil(d -> d.getCurrentUrl().contains("/search?q=9.9"));
    }

    /** YASR's table shows plain values (its simple view on), the row number in a column of its own, the headings whole; a phone gets the editor first. */
    @Test
    void theSparqlResultsArePlainValuesWithTheRowNumberApart() throws Exception {
        browser.open("/sparql");
        browser.waitFor("#yasgui .tabPanel.active .yasqe_queryButton").click();
        browser.waitUntil(d -> browser.text("#sparql-status").matches("\\d+ rows? in .*"));
        String text = (String) browser.js().executeScript("return window.etomSparql.yasgui.getTab().getYasqe().getValue()");
        List<String> expected = firstRow(text);
        String row = "#yasgui .tabPanel.active .yasr table.dataTable tbody tr:first-child td";
        assertEquals(expected, browser.all(row).stream().map(WebElement::getText).toList(), "row number, then the values as they are");
        assertEquals(List.of(), browser.js().executeScript("return [...document.querySelectorAll('#yasgui .tabPanel.active .yasr thead th .dt-column-title')]"
            + ".filter(t => t.scrollWidth > t.clientWidth).map(t => t.textContent)"), "no heading is clipped");
        assertTrue(number("const [a, b] = document.querySelectorAll('" + row + "'); const r = n => { const x = document.createRange();"
            + " x.selectNodeContents(document.createTreeWalker(n, NodeFilter.SHOW_TEXT).nextNode()); return x.getBoundingClientRect(); };"
            + " return Math.round(r(b).left - r(a).right)") >= 8, "the row number stands apart from the first value");
        WebElement simple = browser.driver().findElement(By.xpath("//div[contains(@class,'tabPanel') and contains(@class,'active')]//label[span[.='Simple view']]/input"));
        assertTrue(simple.isSelected(), "Simple view is on");
        simple.click();
        browser.waitUntil(d -> browser.all(row).stream().anyMatch(td -> td.getText().contains("^^")));
        browser.driver().findElement(By.xpath("//div[contains(@class,'tabPanel') and contains(@class,'active')]//label[span[.='Simple view']]/input")).click();
        browser.waitUntil(d -> browser.all(row).stream().map(WebElement::getText).toList().equals(expected));

        browser.phone(390, 844);
        try {
            browser.open("/sparql");
            browser.waitFor("#examples li");
            assertTrue(number("return document.getElementById('yasgui').getBoundingClientRect().top < document.querySelector('.examples-panel').getBoundingClientRect().top ? 1 : 0") == 1,
                "the editor comes before the named queries");
            browser.screenshot("phone-sparql");
        } finally {
            browser.desktop();
        }
    }

    private static long number(String script) {
        return ((Number) browser.js().executeScript(script)).longValue();
    }

    /** "1" and the lexical forms of the query's first answer, as the store gives it. */
    private static List<String> firstRow(String sparql) {
        var dsg = server.store().datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(sparql).build()) {
                var rs = qe.execSelect();
                QuerySolution first = rs.next();
                List<String> out = new java.util.ArrayList<>(List.of("1"));
                for (String v : rs.getResultVars()) out.add(first.contains(v) ? (first.get(v).isLiteral() ? first.getLiteral(v).getLexicalForm() : first.get(v).toString()) : "");
                return out;
            }
        });
    }

    // ---- what the store says, asked without the page ----

    private static int boxes() {
        return (int) browser.all("#etom-map a.process").stream().map(a -> a.getAttribute("data-identifier")).distinct().count();
    }

    private static int processes(String release) {
        return Integer.parseInt(one("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?s <" + ETOM + "version> ?v . FILTER (STR(?v) = '" + release + "')"
            + " ?e <http://www.w3.org/2004/02/skos/core#inScheme> ?s ; a <" + ETOM + "ProcessElement> }"));
    }

    private static int level2(String release) {
        return Integer.parseInt(one("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?s <" + ETOM + "version> ?v . FILTER (STR(?v) = '" + release + "')"
            + " ?e <http://www.w3.org/2004/02/skos/core#inScheme> ?s ; <" + ETOM + "level> 2 }"));
    }

    private static String elements(String release) {
        return one("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?s <" + ETOM + "version> ?v . FILTER (STR(?v) = '" + release + "')"
            + " ?e a <" + ETOM + "ProcessElement> ; <http://www.w3.org/2004/02/skos/core#inScheme> ?s }");
    }

    private static int level2In(String release, String domain) {
        return Integer.parseInt(one("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?s <" + ETOM + "version> ?v . FILTER (STR(?v) = '" + release + "')"
            + " ?d <" + ETOM + "identifierPrefix> '" + domain + "' ."
            + " ?e <http://www.w3.org/2004/02/skos/core#inScheme> ?s ; <" + ETOM + "level> 2 ; <" + ETOM + "domain> ?d }"));
    }

    /** The map's boxes in one vertical group's column, drawn on the page just left. */
    private static int boxesIn(String group) {
        return (int) browser.all("#etom-map a.process").stream().filter(a -> List.of(a.getAttribute("data-groups").split("\\|")).contains(group))
            .map(a -> a.getAttribute("data-identifier")).distinct().count();
    }

    private static Set<String> groupsOf(String release, String id) {
        return strings("SELECT ?g WHERE { ?s <" + ETOM + "version> ?v . FILTER (STR(?v) = '" + release + "')"
            + " ?e <http://www.w3.org/2004/02/skos/core#inScheme> ?s ; <http://www.w3.org/2004/02/skos/core#notation> '" + id + "' ;"
            + " <" + ETOM + "verticalGroup>/<http://www.w3.org/2000/01/rdf-schema#label> ?l . BIND (STR(?l) AS ?g) }");
    }

    private static Set<String> descendants(String release, String id) {
        return strings("SELECT ?g WHERE { ?s <" + ETOM + "version> ?v . FILTER (STR(?v) = '" + release + "')"
            + " ?top <http://www.w3.org/2004/02/skos/core#inScheme> ?s ; <http://www.w3.org/2004/02/skos/core#notation> '" + id + "' ."
            + " ?e <" + ETOM + "parent>+ ?top ; <http://www.w3.org/2004/02/skos/core#notation> ?g }");
    }

    /** The level-2 reference processes above the stored example's own processes (parents chained in the example file). */
    private static Set<String> level2Above(String release) {
        return strings("SELECT ?g WHERE { GRAPH <https://w3id.org/etom-kg/graph/extension/nordlicht> { ?x a <" + ETOM + "ExtensionProcess> }"
            + " ?x <" + ETOM + "parent>+ ?p . ?p <" + ETOM + "level> 2 ; <http://www.w3.org/2004/02/skos/core#notation> ?g }");
    }

    private static String one(String sparql) {
        return strings(sparql).iterator().next();
    }

    private static Set<String> strings(String sparql) {
        var dsg = server.store().datasetGraph();
        return Txn.calculateRead(dsg, () -> {
            Set<String> out = new TreeSet<>();
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(sparql).build()) {
                qe.execSelect().forEachRemaining((QuerySolution s) -> {
                    var node = s.get(s.varNames().next());
                    out.add(node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString());
                });
            }
            return out;
        });
    }

    private static String screenshots() {
        return browser.screenshot("last").getParent().toString();
    }

    private static String stored() throws Exception {
        return fetch("/api/extensions");
    }

    private static String fetch(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> put(String path, Path file) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Content-Type", "text/turtle").header("Authorization", basic())
            .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> delete(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Authorization", basic()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((WebServer.USER + ":" + WebServer.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
