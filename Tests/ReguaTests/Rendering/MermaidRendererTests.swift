import Regua
import ReguaTesting
import Testing

@Suite("Mermaid rendering")
struct MermaidRendererTests {
  @Test("a timeline diagram: a title, sections around the due date, every step once, the settings")
  func structure() throws {
    let cadence = try #require(try loadRuleFile("b2b-standard.regua").cadences.first)
    let text = MermaidRenderer().render(TimelineLayout(cadence: cadence))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "timeline")
    #expect(lines[1] == "    title b2b-standard v3 — days from the due date")
    let sections = lines.filter { $0.hasPrefix("    section ") }
    #expect(
      sections == [
        "    section Before the due date", "    section Due date", "    section After the due date",
        "    section Settings",
      ])
    #expect(lines.contains("        D0 · due : sms due-today"))
    #expect(lines.contains("        D+14 : call — when balance #62;= 500.00"))
    // Every step is one event: one ` : ` per step in the periods before the settings, besides
    // the (assumed) issue date's.
    let settings = try #require(lines.firstIndex(of: "    section Settings"))
    let events = lines[..<settings].map { $0.components(separatedBy: " : ").count - 1 }.reduce(0, +)
    #expect(lines.contains("        D-30 : issued (assumed)"))
    #expect(events == cadence.steps.count + 1)
  }

  @Test("with an invoice, periods are real dates and events say what happened")
  func withInvoice() throws {
    let cadence = try #require(try loadRuleFile("b2b-standard.regua").cadences.first)
    let invoice = try loadSampleInvoice("b2b-invoice.json")
    let text = MermaidRenderer().render(try TimelineLayout(cadence: cadence, invoice: invoice))
    #expect(text.contains("        2026-03-24 · D+14 : call — when balance #62;= 500.00 — done 2026-03-24"))
    #expect(text.contains("2026-03-12 · D+2 : paid 250.00 BRL"))
    #expect(text.contains("skipped#58; paused"))
  }
}
