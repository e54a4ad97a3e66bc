import Foundation
import Testing

@testable import Regua

/// The TextMate grammar for `.regua` files (`Documentation/Editors/vscode`) must keep up with the
/// language: these tests fail when an action, a field or a setting is added without it.
@Suite("The editor grammar")
struct GrammarTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Documentation/Editors/vscode")

  /// The grammar's named patterns: repository key to its `match` (or `begin`) regular expression.
  static func patterns() throws -> [String: String] {
    let data = try Data(contentsOf: folder.appendingPathComponent("syntaxes/regua.tmLanguage.json"))
    let grammar = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(grammar["scopeName"] as? String == "source.regua")
    let repository = try #require(grammar["repository"] as? [String: [String: Any]])
    return repository.compactMapValues { ($0["match"] ?? $0["begin"]) as? String }
  }

  static func matches(_ pattern: String, _ text: String) throws -> [String] {
    let regex = try NSRegularExpression(pattern: pattern)
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
  }

  @Test("every pattern is a valid regular expression, and the package names the grammar")
  func valid() throws {
    let patterns = try GrammarTests.patterns()
    #expect(patterns.count >= 10)
    for (name, pattern) in patterns {
      #expect(throws: Never.self, "\(name)") { _ = try NSRegularExpression(pattern: pattern) }
    }
    let package = try Data(contentsOf: GrammarTests.folder.appendingPathComponent("package.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: package) as? [String: Any])
    let contributes = try #require(manifest["contributes"] as? [String: Any])
    let grammars = try #require(contributes["grammars"] as? [[String: String]])
    #expect(grammars.first?["path"] == "./syntaxes/regua.tmLanguage.json")
  }

  @Test("every action, field and offset of the language is highlighted")
  func coverage() throws {
    let patterns = try GrammarTests.patterns()
    let action = try #require(patterns["action"])
    for kind in ActionKind.allCases {
      let words = kind.keywords.joined(separator: " ")
      #expect(try GrammarTests.matches(action, "  D+1 \(words) x") == [words], "\(words)")
    }
    let field = try #require(patterns["field"])
    for name in Field.allCases.map(\.rawValue) {
      #expect(try GrammarTests.matches(field, "when \(name) == 1") == [name], "\(name)")
    }
    let offset = try #require(patterns["offset"])
    #expect(
      try GrammarTests.matches(offset, "D-3 D0 D+14 I+7 P+1 as d+14-call") == ["D-3", "D0", "D+14", "I+7", "P+1"])
  }

  @Test("the bundled rule files' steps highlight their offsets and actions")
  func bundledRules() throws {
    let patterns = try GrammarTests.patterns()
    let offset = try #require(patterns["offset"])
    let action = try #require(patterns["action"])
    let rules = GrammarTests.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Rules")
    for name in ["b2b-standard.regua", "consumer.regua"] {
      let cadence = try Cadence(contentsOf: rules.appendingPathComponent(name))
      let text = try String(contentsOf: rules.appendingPathComponent(name), encoding: .utf8)
      #expect(try GrammarTests.matches(offset, text).count >= cadence.steps.count, "\(name)")
      #expect(try GrammarTests.matches(action, text).count >= cadence.steps.count, "\(name)")
    }
  }
}
