import Foundation
import Testing

/// The library's folders are layers, and the layers form a DAG: each folder may use the folders
/// its edges name, and no others, so the language never depends on the engine, the engine never
/// sees syntax, and nothing depends on the tools built on the engine. One module cannot enforce
/// that, so this test does: it tokenizes the sources, finds what each folder declares, and
/// reports every use of it from a folder whose edges do not allow it (``LayeringChecker`` says
/// what it can and cannot see).
@Suite("Layering")
struct LayeringTests {
  /// The rows of the layering, top first: a folder may use folders of the rows above it, and a
  /// sibling on its own row when its edges say so. Data flows one way: text → syntax →
  /// `Cadence`, JSON → `Invoice`, then (`Cadence`, `Invoice`, date) → plans → reports.
  static let rows: [[String]] = [
    ["Text", "Model"],
    ["Vocabulary"],
    ["Diagnostics"],
    ["Language"],
    ["Calendar", "Charges"],
    ["Compiler", "Builder"],
    ["Engine"],
    ["PolicyTests", "Lint", "RuleFiles", "Formatting"],
    ["Interchange", "Portfolio", "Reports", "Rendering"],
  ]

  /// The folders of `Sources/Regua` and the folders each may use: these edges and no others
  /// (what a folder may use is not inherited from the folders it uses). A subfolder belongs to
  /// its top folder. An edge to a folder above that the code comes to need can be added; the
  /// comments say which ones the architecture rules out.
  static let edges: [String: Set<String>] = [
    "Text": [],
    // A sibling edge: the model's messages quote values safely and suggest names.
    "Model": ["Text"],
    "Vocabulary": ["Text", "Model"],
    // Diagnostics word the limits of `Bounds` (Model) once, for the parser and the checker.
    "Diagnostics": ["Text", "Model"],
    // The syntax knows no validator, calendar or engine.
    "Language": ["Text", "Model", "Vocabulary", "Diagnostics"],
    // Environment pieces, pure: no syntax, no diagnostics.
    "Calendar": ["Text", "Model"],
    "Charges": ["Text", "Model", "Vocabulary"],
    // The checker knows the built-in calendars' names, and will build send windows.
    // It reads a charge step's words into the typed `Charge` (Charges), and builds the rate
    // tables rule files declare (``RateScope``) as it builds their calendars.
    "Compiler": ["Text", "Model", "Vocabulary", "Diagnostics", "Language", "Calendar", "Charges"],
    // The builder makes a `Cadence` in code, through the compiler's one validator (a sibling
    // edge), and never sees syntax; the compiler does not know the builder.
    // The builder reports its problems with the registry's codes, as the checker does.
    // It takes the calendar's own `Holiday` for a `holiday` line, and Charges' `Rate` and
    // `ChargeCap` for typed charge actions and `cap` lines.
    "Builder": ["Text", "Model", "Vocabulary", "Diagnostics", "Calendar", "Charges", "Compiler"],
    // The engine never sees syntax (no Language) nor reports diagnostics. Simulation is part of it.
    "Engine": ["Text", "Model", "Vocabulary", "Calendar", "Charges", "Compiler"],
    // A test block may expect an amount owed (Charges' `AmountsOwed`).
    "PolicyTests": ["Text", "Model", "Vocabulary", "Diagnostics", "Language", "Charges", "Compiler", "Engine"],
    // A holiday line is checked against the built-in calendar it adds to. The charge rules read a
    // step's typed `Charge` (Charges): a fee's rate and cap, a discount's last day.
    "Lint": ["Text", "Model", "Vocabulary", "Diagnostics", "Language", "Calendar", "Charges", "Compiler", "Engine"],
    // Sibling edges: a rule file is compiled with its lint warnings and its policy tests. It
    // carries the calendars it declares (Calendar), and its tests run in the environment those
    // make (Engine's `Environment`). It carries the rate tables it declares too (Charges).
    "RuleFiles": [
      "Text", "Model", "Diagnostics", "Language", "Calendar", "Charges", "Compiler", "Engine", "PolicyTests", "Lint",
    ],
    // Sibling edges: the formatter parses through `RuleCompiler` and prints policy tests.
    "Formatting": ["Text", "Model", "Vocabulary", "Diagnostics", "Language", "PolicyTests", "RuleFiles"],
    // The JSON side never sees the rule language's syntax (no Language); its error columns are
    // counted by Diagnostics' `LineColumns`, as a rule file's are.
    // An explanation's amounts derivation (Charges' `AmountsDerivation`) is written out too.
    "Interchange": ["Text", "Model", "Diagnostics", "Charges", "Compiler", "Engine"],
    // Sibling edge: a portfolio reads invoices and writes plans through Interchange.
    "Portfolio": ["Model", "Engine", "Interchange"],
    // `explain` writes out the amounts derivation (Charges' `AmountsDerivation`).
    "Reports": ["Text", "Model", "Charges", "Compiler", "Engine"],
    "Rendering": ["Text", "Model", "Vocabulary", "Compiler", "Engine"],
  ]

  /// Uses of one name across an edge the layering does not allow, kept until the name moves, by
  /// the folder that uses it. Each must still be found, so that the entry goes when the name has
  /// moved.
  static let strays: [String: Set<String>] = [
    // A text helper declared in Simulation/TimelineEntry.swift, which the formatter uses to
    // compare timeline lines. It belongs in Text/String+Blanks.swift; it stays until Simulation
    // has moved into Engine/, so as not to edit files that move.
    "Formatting": ["String.foldingWhitespace"]
  ]

  /// Folders that belong to another folder's layer wherever they sit. Simulation is part of the
  /// engine; this entry serves until it moves to `Engine/Simulation`, where the rule that a
  /// subfolder belongs to its top folder takes over.
  static let partOf = ["Simulation": "Engine"]

  static let sourcesURL = packageRoot.appendingPathComponent("Sources/Regua")

  /// The layer of a file, from its path under `Sources/Regua`; `nil` for files outside folders.
  static func layer(of path: String) -> String? {
    let components = path.split(separator: "/")
    guard components.count > 1, let top = components.first.map(String.init) else { return nil }
    return partOf[top] ?? top
  }

  /// Every Swift file of the library, documentation catalogues aside.
  static func librarySources() throws -> [LayeringSource] {
    guard let enumerator = FileManager.default.enumerator(atPath: sourcesURL.path) else { return [] }
    var sources: [LayeringSource] = []
    while let path = enumerator.nextObject() as? String {
      guard path.hasSuffix(".swift"), !path.split(separator: "/").contains(where: { $0.hasSuffix(".docc") }) else {
        continue
      }
      let text = try String(contentsOf: sourcesURL.appendingPathComponent(path), encoding: .utf8)
      sources.append(LayeringSource(path: path, layer: layer(of: path) ?? "", text: text))
    }
    return sources.sorted { $0.path < $1.path }
  }

  /// A report a developer can act on: the uses, grouped by the edge they need.
  static func report(_ violations: [LayeringViolation]) -> String {
    let byEdge = Dictionary(grouping: violations) { "\($0.layer) → \($0.declaration.layer)" }
    var lines = [
      "\(violations.count) uses cross a folder edge the layering does not allow. Move the declaration to a "
        + "folder both may use, or, if the edge is right, add it to `LayeringTests.edges` with a comment."
    ]
    for edge in byEdge.keys.sorted() {
      lines.append("\(edge), not allowed:")
      lines += byEdge[edge, default: []].map { "  \($0)" }
    }
    return lines.joined(separator: "\n")
  }

  @Test("each folder of the library uses only the folders its edges allow")
  func foldersUseOnlyAllowedFolders() throws {
    let sources = try LayeringTests.librarySources()
    #expect(sources.count > 100, "the test found no sources in \(LayeringTests.sourcesURL.path)")
    let unknown = Set(sources.map(\.layer)).subtracting(LayeringTests.edges.keys).sorted()
    #expect(unknown.isEmpty, "folders of Sources/Regua with no place in `LayeringTests.edges`: \(unknown)")
    let all = LayeringChecker(edges: LayeringTests.edges).violations(in: sources)
    let violations = all.filter { LayeringTests.strays[$0.layer]?.contains($0.declaration.qualifiedName) != true }
    if !violations.isEmpty { Issue.record("\(LayeringTests.report(violations))") }
    for (folder, names) in LayeringTests.strays {
      for name in names.sorted()
      where !all.contains(where: { $0.layer == folder && $0.declaration.qualifiedName == name }) {
        Issue.record("\(folder) no longer uses the stray `\(name)`: remove it from `LayeringTests.strays`")
      }
    }
  }

  @Test("the allowed edges form a DAG that follows the rows of the architecture")
  func edgesFormADAG() {
    let checker = LayeringChecker(edges: LayeringTests.edges)
    #expect(checker.foldersOnCycles.isEmpty, "folders on a cycle of edges: \(checker.foldersOnCycles)")
    let row = Dictionary(
      uniqueKeysWithValues: LayeringTests.rows.enumerated().flatMap { index, folders in folders.map { ($0, index) } })
    #expect(Set(row.keys) == Set(LayeringTests.edges.keys), "`rows` and `edges` name different folders")
    for (folder, uses) in LayeringTests.edges {
      for used in uses.sorted() {
        #expect((row[used] ?? .max) <= (row[folder] ?? .min), "\(folder) may use \(used), which is on a lower row")
      }
    }
  }
}
