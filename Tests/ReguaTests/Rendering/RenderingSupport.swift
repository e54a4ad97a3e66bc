import Foundation
import Regua
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Compiles rule-file text and returns its only cadence.
func renderingCadence(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Cadence {
  let file = RuleCompiler.compile(SourceFile(path: "test.regua", text: text))
  #expect(file.isValid, "\(file.diagnostics)", sourceLocation: sourceLocation)
  return try #require(file.cadences.first, sourceLocation: sourceLocation)
}

/// A document parsed with Foundation's `XMLParser`: every element with its attributes, and the
/// text content.
struct ParsedXML {
  struct Element {
    var name: String
    var attributes: [String: String]
    /// The words of the `class` attribute.
    var classes: [String] { attributes["class"]?.split(separator: " ").map(String.init) ?? [] }
  }

  var elements: [Element]
  var text: String

  /// Parses `text`, failing the test when it is not well-formed XML.
  init(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let collector = Collector()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = collector
    let parsed = parser.parse()
    #expect(
      parsed, "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)",
      sourceLocation: sourceLocation)
    try #require(parsed, sourceLocation: sourceLocation)
    elements = collector.elements
    self.text = collector.text
  }

  /// The elements whose class includes `name`.
  func elements(ofClass name: String) -> [Element] {
    elements.filter { $0.classes.contains(name) }
  }

  private final class Collector: NSObject, XMLParserDelegate {
    var elements: [Element] = []
    var text = ""

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
      attributes attributeDict: [String: String] = [:]
    ) {
      elements.append(Element(name: elementName, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      text += string
    }
  }
}

/// Compares rendered output with `Snapshots/<name>`, or records it there when
/// `REGUA_RECORD_RENDER=1` is set (`REGUA_RECORD_RENDER=1 swift test --filter Rendering`; review
/// the diff before committing).
func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    .appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["REGUA_RECORD_RENDER"] == "1" {
    try text.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record("no snapshot \(name): record it with REGUA_RECORD_RENDER=1", sourceLocation: sourceLocation)
    return
  }
  guard text != expected else { return }
  let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let line =
    zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    ?? min(actualLines.count, expectedLines.count)
  let shown = { (lines: [Substring]) in line < lines.count ? String(lines[line]) : "(end)" }
  Issue.record(
    """
    \(name) differs from its snapshot at line \(line + 1) (record with REGUA_RECORD_RENDER=1):
      expected: \(shown(expectedLines))
      actual:   \(shown(actualLines))
    """, sourceLocation: sourceLocation)
}
