import Foundation
import Testing

@testable import Regua

/// The code registry is the one place codes come from: these tests keep it unique, documented
/// and free of codes nothing reports.
@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
  static var root: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  @Test("every code is spelled once, in lower-case words joined by `-`, with a summary")
  func spelling() {
    let codes = DiagnosticCode.all.map(\.rawValue)
    #expect(Set(codes).count == codes.count)
    for code in DiagnosticCode.all {
      #expect(code.rawValue.wholeMatch(of: /[a-z][a-z0-9]*(-[a-z0-9]+)+/) != nil, "\(code)")
      #expect(code.summary.first.map { $0.isUppercase || $0 == "`" } == true && code.summary.hasSuffix("."), "\(code)")
      #expect(DiagnosticCode(rawValue: code.rawValue) == code)
    }
    #expect(DiagnosticCode(rawValue: "no-such-code") == nil)
  }

  /// The page's table rows for the registry, in its order (the sections are the page's own).
  static var tableRows: [String] {
    DiagnosticCode.all.map { "| `\($0.rawValue)` | \($0.summary.replacing("|", with: "\\|")) |" }
  }

  @Test("Documentation/Diagnostics.md lists the registry, code and summary, in its order")
  func documented() throws {
    let url = Self.root.appendingPathComponent("Documentation/Diagnostics.md")
    var page = try String(contentsOf: url, encoding: .utf8)
    // `REGUA_RECORD_DIAGNOSTICS=1 swift test --filter DiagnosticCodeTests` appends the codes the
    // page lacks to its last table, for the author to move to their section and commit.
    if ProcessInfo.processInfo.environment["REGUA_RECORD_DIAGNOSTICS"] == "1" {
      let missing = Self.tableRows.filter { !page.contains($0) }
      if !missing.isEmpty {
        page += missing.joined(separator: "\n") + "\n"
        try page.write(to: url, atomically: true, encoding: .utf8)
      }
    }
    let rows = page.split(separator: "\n").compactMap { line -> (String, String)? in
      guard let match = line.wholeMatch(of: /\| `([a-z0-9-]+)` \| (.*) \|/) else { return nil }
      return (String(match.output.1), String(match.output.2).replacing("\\|", with: "|"))
    }
    #expect(rows.map(\.0) == DiagnosticCode.all.map(\.rawValue))
    #expect(rows.map(\.1) == DiagnosticCode.all.map(\.summary))
  }

  @Test("every warning the linter can silence is a registered code")
  func lintCodes() {
    for rule in Linter.rules {
      #expect(DiagnosticCode(rawValue: rule.code) != nil, "\(rule.code)")
    }
  }

  @Test("every registered code is reported somewhere in the library, by its registry name")
  func everyCodeIsUsed() throws {
    let folder = Self.root.appendingPathComponent("Sources/Regua")
    let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
    var text = ""
    for file in files where file.hasSuffix(".swift") && !file.hasSuffix("DiagnosticCode.swift") {
      text += try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }
    // The registry's Swift names are its codes in lower camel case.
    for code in DiagnosticCode.all {
      let parts = code.rawValue.split(separator: "-")
      let name =
        parts[0]
        + parts.dropFirst().map { $0 == "utf8" ? "UTF8" : $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
      #expect(text.contains(".\(name)"), "`\(code)` (`.\(name)`) is registered but nothing reports it")
    }
  }
}
