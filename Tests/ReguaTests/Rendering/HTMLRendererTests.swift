import Regua
import ReguaTesting
import Testing

@Suite("HTML rendering")
struct HTMLRendererTests {
  @Test("one self-contained page: the SVG, the steps as a table, the settings, nothing loaded")
  func structure() throws {
    let cadence = try #require(try loadRuleFile("b2b-standard.regua").cadences.first)
    let invoice = try loadSampleInvoice("b2b-invoice.json")
    let html = HTMLRenderer().render(try TimelineLayout(cadence: cadence, invoice: invoice))
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    let page = try ParsedXML(html)
    #expect(page.elements.filter { $0.name == "svg" }.count == 1)
    #expect(page.elements.filter { $0.name == "g" && $0.classes.contains("step") }.count == cadence.steps.count)
    let rows = page.elements.filter { $0.name == "tr" && $0.classes.contains("step") }
    #expect(rows.compactMap { $0.attributes["data-step"] }.sorted() == cadence.steps.map(\.id).sorted())
    #expect(page.elements.contains { $0.name == "caption" })
    #expect(page.elements.filter { $0.name == "th" && $0.attributes["scope"] == "col" }.count == 7 + 2)
    #expect(page.elements.contains { $0.name == "dl" })
    #expect(page.elements.filter { $0.name == "tr" && $0.classes.contains("payment") }.count == 1)
    // No script, no external resource: the only URL is the SVG namespace.
    #expect(!page.elements.contains { ["script", "link", "img", "iframe", "object"].contains($0.name) })
    #expect(html.components(separatedBy: "http").count == 2)
    #expect(html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
  }
}
