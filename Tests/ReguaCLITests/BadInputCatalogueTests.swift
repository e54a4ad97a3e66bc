import Foundation
import Regua
import Testing

/// The catalogue of bad input, `Tests/BadInputCatalogue/`: malformed rule files and invoice
/// documents, each beside the exact standard error `regua` prints for it.
///
/// `Rules/NAME.regua` is checked with `regua check NAME.regua`; `Documents/NAME.json` is planned
/// with `regua plan … --invoice NAME.json --on 2026-03-24`; `Evaluations/NAME.json` with
/// `regua plan NAME.regua --invoice NAME.json --on 2026-03-24` (a valid document whose plan only
/// evaluation can refuse: a charge in another currency, a rate table's missing month, an
/// amount that overflows); each runs in the case's folder, so
/// the output names the file without a directory. `NAME.recipe` stands for an input too large to
/// keep in the repository: `head`, then `repeat` `count` times (`{n}` replaced by 0, 1, 2…),
/// then `tail`, written to a scratch folder as `NAME.regua` or `NAME.json` before the run.
///
/// The expectations are re-recorded, after a change of messages, with
/// `REGUA_RECORD_BAD_INPUT=1 swift test --filter BadInputCatalogueTests`; review the diff.
@Suite("The catalogue of bad input")
struct BadInputCatalogueTests {
  /// A malformed input and where its expectation lives.
  struct Case: Sendable, CustomTestStringConvertible {
    enum Kind: String, Sendable {
      case rules = "Rules"
      case documents = "Documents"
      case evaluations = "Evaluations"

      /// The extension of the inputs of this kind.
      var fileExtension: String { self == .rules ? "regua" : "json" }
    }

    let kind: Kind
    /// The case's name: its file's name without the extension.
    let name: String
    /// Whether the input is a recipe to expand.
    let isRecipe: Bool

    var folder: URL { BadInputCatalogueTests.root.appendingPathComponent(kind.rawValue) }
    var inputName: String { "\(name).\(kind.fileExtension)" }
    var fileName: String { isRecipe ? "\(name).recipe" : inputName }
    var expectedURL: URL { folder.appendingPathComponent("\(name).expected") }
    var testDescription: String { "\(kind.rawValue)/\(fileName)" }
  }

  /// An input described rather than stored: `head`, `repeat` × `count`, `tail`.
  struct Recipe: Decodable {
    var head: String
    var `repeat`: String
    var count: Int
    var tail: String

    var text: String {
      var text = head
      for index in 0..<count { text += self.repeat.replacingOccurrences(of: "{n}", with: String(index)) }
      return text + tail
    }
  }

  static let root = ReguaBinary.packageRoot.appendingPathComponent("Tests/BadInputCatalogue")

  /// Whether to write the expectations instead of comparing with them.
  static var isRecording: Bool { ProcessInfo.processInfo.environment["REGUA_RECORD_BAD_INPUT"] == "1" }

  /// Every case of a kind, sorted by name.
  static func cases(_ kind: Case.Kind) -> [Case] {
    let folder = root.appendingPathComponent(kind.rawValue)
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.sorted().compactMap { file in
      if file.hasSuffix(".\(kind.fileExtension)") {
        return Case(kind: kind, name: String(file.dropLast(kind.fileExtension.count + 1)), isRecipe: false)
      }
      if file.hasSuffix(".recipe") {
        return Case(kind: kind, name: String(file.dropLast(".recipe".count)), isRecipe: true)
      }
      return nil
    }
  }

  /// Runs `regua` on the case and returns what it printed.
  static func run(_ item: Case) throws -> ReguaBinary.Output {
    var directory = item.folder
    var scratch: URL?
    if item.isRecipe {
      let recipe = try JSONDecoder().decode(
        Recipe.self, from: Data(contentsOf: item.folder.appendingPathComponent(item.fileName)))
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regua-recipe-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(recipe.text.utf8).write(to: folder.appendingPathComponent(item.inputName))
      directory = folder
      scratch = folder
    }
    defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
    let arguments: [String]
    switch item.kind {
    case .rules:
      arguments = ["check", item.inputName]
    case .documents:
      let rules = ReguaBinary.packageRoot.appendingPathComponent("Rules/b2b-standard.regua").path
      arguments = ["plan", rules, "--invoice", item.inputName, "--on", "2026-03-24"]
    case .evaluations:
      arguments = ["plan", "\(item.name).regua", "--invoice", item.inputName, "--on", "2026-03-24"]
    }
    return try ReguaBinary.output(arguments, in: directory)
  }

  /// Checks one case against its expectation, or records it.
  static func verify(_ item: Case, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let output = try run(item)
    let stderr = String(decoding: output.stderr, as: UTF8.self)
    // Exit 1 exactly when an error was reported (a rule file with warnings only passes).
    let reportsError: Bool
    switch item.kind {
    case .rules:
      reportsError = stderr.split(separator: "\n").contains { $0.contains(": error: ") || $0.hasPrefix("error: ") }
    case .documents, .evaluations:
      reportsError = !output.stderr.isEmpty
    }
    #expect(output.status == (reportsError ? 1 : 0), "exit status \(output.status)", sourceLocation: sourceLocation)
    if isRecording {
      try output.stderr.write(to: item.expectedURL)
      return
    }
    guard let expected = try? Data(contentsOf: item.expectedURL) else {
      Issue.record(
        "\(item.testDescription) has no expectation: record it with REGUA_RECORD_BAD_INPUT=1",
        sourceLocation: sourceLocation)
      return
    }
    guard output.stderr != expected else { return }
    let difference = BadInputCatalogueTests.firstDifference(expected: expected, actual: output.stderr)
    Issue.record(
      "\(item.testDescription): standard error differs from \(item.name).expected\n\(difference)",
      sourceLocation: sourceLocation)
  }

  /// The first line that differs, both versions escaped so control characters show.
  static func firstDifference(expected: Data, actual: Data) -> String {
    let expectedLines = String(decoding: expected, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let wanted = index < expectedLines.count ? String(expectedLines[index]) : "(nothing)"
      let got = index < actualLines.count ? String(actualLines[index]) : "(nothing)"
      if wanted != got {
        return "line \(index + 1):\n  expected: \(SafeText.excerpt(wanted, limit: 300))\n  actual:   "
          + SafeText.excerpt(got, limit: 300)
      }
    }
    return "the bytes differ where the text does not (invalid UTF-8)"
  }

  @Test("every malformed rule file gets exactly its expected diagnostics", arguments: cases(.rules))
  func ruleFile(_ item: Case) throws {
    try BadInputCatalogueTests.verify(item)
  }

  @Test(
    "every invoice only evaluation can refuse gets exactly its expected error", arguments: cases(.evaluations))
  func evaluation(_ item: Case) throws {
    try BadInputCatalogueTests.verify(item)
  }

  @Test("every malformed invoice document gets exactly its expected error", arguments: cases(.documents))
  func document(_ item: Case) throws {
    try BadInputCatalogueTests.verify(item)
  }

  @Test("the catalogue holds at least 60 rule files and 30 documents, and no expectation without its input")
  func size() throws {
    let rules = BadInputCatalogueTests.cases(.rules)
    let documents = BadInputCatalogueTests.cases(.documents)
    #expect(rules.count >= 60)
    #expect(documents.count >= 30)
    #expect(BadInputCatalogueTests.cases(.evaluations).count >= 3)
    for kind in [Case.Kind.rules, .documents, .evaluations] {
      let folder = BadInputCatalogueTests.root.appendingPathComponent(kind.rawValue)
      let names = Set(BadInputCatalogueTests.cases(kind).map(\.name))
      for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".expected") {
        #expect(names.contains(String(file.dropLast(".expected".count))), "\(kind.rawValue)/\(file) has no input")
      }
    }
  }
}
