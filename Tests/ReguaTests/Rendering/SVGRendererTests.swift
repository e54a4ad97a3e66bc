import ReguaTesting
import Testing

@testable import Regua

@Suite("SVG rendering")
struct SVGRendererTests {
  @Test("the SVG is well-formed XML with one mark per step and one due-date marker")
  func structure() throws {
    for name in ["b2b-standard.regua", "consumer.regua"] {
      let cadence = try #require(try loadRuleFile(name).cadences.first)
      let svg = try ParsedXML(SVGRenderer().render(TimelineLayout(cadence: cadence)))
      #expect(svg.elements.first?.name == "svg")
      let steps = svg.elements(ofClass: "step")
      #expect(steps.count == cadence.steps.count)
      #expect(steps.compactMap { $0.attributes["data-step"] } == cadence.steps.map(\.id))
      #expect(svg.elements(ofClass: "due").count == 1)
      #expect(svg.elements(ofClass: "mark").count == cadence.steps.count)
      #expect(svg.elements(ofClass: "lane").count == TimelineLayout(cadence: cadence).lanes.count)
    }
  }

  @Test("drawn for an invoice, every step shows its outcome and the payments are marked")
  func withInvoice() throws {
    let cadence = try #require(try loadRuleFile("b2b-standard.regua").cadences.first)
    let invoice = try loadSampleInvoice("b2b-invoice.json")
    let svg = try ParsedXML(SVGRenderer().render(try TimelineLayout(cadence: cadence, invoice: invoice)))
    let steps = svg.elements(ofClass: "step")
    #expect(steps.count == cadence.steps.count)
    #expect(steps.allSatisfy { $0.attributes["data-outcome"] != nil && $0.attributes["data-date"] != nil })
    #expect(svg.elements(ofClass: "payment").count == 1)
    #expect(svg.elements(ofClass: "promise").count == 1)
    #expect(svg.text.contains("skipped: paused"))
    #expect(svg.text.contains("due 2026-03-10"))
  }

  @Test("the output is the same every time")
  func deterministic() throws {
    let cadence = try #require(try loadRuleFile("b2b-standard.regua").cadences.first)
    let invoice = try loadSampleInvoice("b2b-invoice.json")
    let first = SVGRenderer().render(try TimelineLayout(cadence: cadence, invoice: invoice))
    #expect(first == SVGRenderer().render(try TimelineLayout(cadence: cadence, invoice: invoice)))
  }

  @Test("coordinates are written with one decimal at most, the same way every time")
  func numbers() {
    #expect([0, 12, 12.46, -3.24, .nan].map(SVGWriter.number) == ["0", "12", "12.5", "-3.2", "0"])
  }
}
