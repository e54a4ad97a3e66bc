import Regua
import ReguaTesting
import Testing

/// The rendered output of the bundled rule files, kept under `Snapshots/`: a change to the
/// layout or the markup shows up as a diff to review. Re-record with
/// `REGUA_RECORD_RENDER=1 swift test --filter RenderSnapshotTests`.
@Suite("Rendering snapshots")
struct RenderSnapshotTests {
  static let cases: [(rules: String, invoice: String?, name: String)] = [
    ("b2b-standard.regua", nil, "b2b-standard"),
    ("b2b-standard.regua", "b2b-invoice.json", "b2b-standard+invoice"),
    ("consumer.regua", nil, "consumer"),
    ("consumer.regua", "consumer-invoice.json", "consumer+invoice"),
  ]

  static func layout(_ rules: String, _ invoice: String?) throws -> TimelineLayout {
    let cadence = try #require(try loadRuleFile(rules).cadences.first)
    guard let invoice else { return TimelineLayout(cadence: cadence) }
    return try TimelineLayout(cadence: cadence, invoice: try loadSampleInvoice(invoice))
  }

  @Test("SVG and Mermaid output of the bundled rule files match their snapshots", arguments: 0..<cases.count)
  func svgAndMermaid(index: Int) throws {
    let item = RenderSnapshotTests.cases[index]
    let layout = try RenderSnapshotTests.layout(item.rules, item.invoice)
    try expectSnapshot(SVGRenderer().render(layout), named: item.name + ".svg")
    try expectSnapshot(MermaidRenderer().render(layout), named: item.name + ".mmd")
  }

  @Test("the HTML page of a cadence with an invoice matches its snapshot")
  func html() throws {
    let layout = try RenderSnapshotTests.layout("consumer.regua", "consumer-invoice.json")
    try expectSnapshot(HTMLRenderer().render(layout), named: "consumer+invoice.html")
  }
}
