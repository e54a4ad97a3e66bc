import Regua
import ReguaTesting
import Testing

/// Names from untrusted tenants must display as written and never change a document's structure.
@Suite("Rendering hostile text")
struct HostileTextTests {
  static let hostile = "</text><script>alert(1)</script> & \"q\" 'a' \u{202E}evil\u{202C} #x; %% : ; [b] {c}"

  static func cadence() throws -> Cadence {
    let long = String(repeating: "<&>", count: 2_000)
    let condition = try #require(
      RuleCompiler.compile(
        SourceFile(
          path: "c.regua",
          text: "cadence \"c\"\n  D+1 email x when customer.segment == \"<b>&amp;</b> \\\"\"\n")
      ).cadences.first?.steps.first?.when)
    return Cadence(
      name: hostile, version: 1,
      steps: [
        Step(offset: .due(1), action: Action(.email, arguments: [hostile, "a&b"]), when: condition),
        Step(offset: .due(1), action: Action(.notify, arguments: ["<push>", hostile]), unless: condition),
        Step(id: "d+2-fee", offset: .due(2), action: Action(.fee, arguments: [long])),
        Step(offset: .issue(3), action: Action(.task, arguments: ["line\nFORGED", "\u{1B}[2J"])),
      ], stopConditions: [condition], pauseConditions: [condition])
  }

  @Test("SVG: still well-formed, one mark per step, the text shown as written")
  func svg() throws {
    let cadence = try HostileTextTests.cadence()
    let output = SVGRenderer().render(TimelineLayout(cadence: cadence))
    let svg = try ParsedXML(output)
    #expect(svg.elements(ofClass: "step").count == 4)
    #expect(!svg.elements.contains { $0.name == "script" })
    #expect(svg.text.contains("</text><script>alert(1)</script> & \"q\" 'a'"))
    #expect(svg.text.contains("\\u{202E}evil"))
    #expect(!output.unicodeScalars.contains { SafeText.isBidirectionalControl($0) })
    #expect(svg.text.contains("line\\nFORGED"))
    #expect(svg.elements(ofClass: "lane").compactMap { $0.attributes["data-lane"] }.contains("<push>"))
  }

  @Test("HTML: still well-formed, with no script element and no raw markup from the input")
  func html() throws {
    let cadence = try HostileTextTests.cadence()
    let invoice = try Invoice.make("<INV & \"1\">", due: "2026-03-10")
    let output = HTMLRenderer().render(try TimelineLayout(cadence: cadence, invoice: invoice))
    let page = try ParsedXML(output)
    #expect(!page.elements.contains { $0.name == "script" || $0.name == "b" })
    #expect(!output.contains("<script"))
    #expect(page.text.contains("<INV & \"1\">"))
    #expect(output.count < 200_000, "a 6,000-character argument is cut in the drawing")
  }

  @Test("Mermaid: every label keeps to characters with no meaning in the diagram's syntax")
  func mermaid() throws {
    let output = MermaidRenderer().render(TimelineLayout(cadence: try HostileTextTests.cadence()))
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    for line in lines.dropFirst() {
      let labels = line.components(separatedBy: " : ")
      for label in labels {
        // Without its entity codes (`#58;`), a label holds none of the syntax's characters.
        let bare = label.replacing(/#[0-9]+;/, with: "")
        #expect(!bare.contains { ":;#%<>\"'{}[]&`\\|".contains($0) }, "\(label)")
      }
    }
    #expect(output.contains("#60;/text#62;#60;script#62;alert(1)#60;/script#62; #38; #34;q#34;"))
    #expect(!output.unicodeScalars.contains { SafeText.isUnsafe($0) && $0 != "\n" })
  }

  @Test(
    "markup escaping",
    arguments: [
      ("<a href='x'>&amp;</a>", "&lt;a href=&#39;x&#39;&gt;&amp;amp;&lt;/a&gt;"),
      ("plain", "plain"),
      ("\u{202E}x\u{FFFE}", "\\u{202E}x\\u{FFFE}"),
    ])
  func xml(input: String, expected: String) {
    #expect(Markup.xml(input) == expected)
  }

  @Test(
    "Mermaid escaping",
    arguments: [
      ("when a >= 5: b; #c %%", "when a #62;= 5#58; b#59; #35;c #37;#37;"),
      ("ação (2x)", "ação (2x)"),
    ])
  func mermaidEscaping(input: String, expected: String) {
    #expect(Markup.mermaid(input) == expected)
  }
}
