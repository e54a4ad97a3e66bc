import Foundation
import Testing

@testable import Regua

/// The limits of `Bounds` for rule files: each holds at its value and gives one clear error one
/// past it, naming the limit and quoting no more than a short excerpt.
@Suite("Limits of rule files")
struct RuleFileBoundsTests {
  /// `count` step lines with distinct ids.
  static func steps(_ count: Int) -> String {
    (0..<count).map { "  D+\($0 % 3000) call as s\($0)\n" }.joined()
  }

  /// The messages and lines of a file's diagnostics.
  static func problems(_ file: RuleFile) -> [String] {
    file.diagnostics.map { "\($0.range.start.line): \($0.message)" }
  }

  @Test("a cadence may have as many steps as the limit, and one more is one error at that step")
  func stepsPerCadence() throws {
    let full = "cadence \"big\"\n" + RuleFileBoundsTests.steps(Bounds.stepsPerCadence)
    let file = compile(full)
    #expect(file.diagnostics.isEmpty)
    #expect(try #require(file.cadences.first).steps.count == Bounds.stepsPerCadence)
    let over = compile(full + "  D+1 email as one-more\n  D+2 email as two-more\n")
    #expect(
      RuleFileBoundsTests.problems(over) == ["\(Bounds.stepsPerCadence + 2): the cadence has more than 20000 steps"])
    // The count is per cadence.
    let two = compile(full + "cadence \"other\"\n  D+1 email\n")
    #expect(two.diagnostics.isEmpty && two.cadences.count == 2)
  }

  @Test("a cadence may have as many limits as the limit, and one more is one error at that line")
  func limitsPerCadence() throws {
    let limits = (0..<Bounds.limitsPerCadence).map { "  limit any \(1 + $0 % 5) per \(1 + $0 % 30) days\n" }
    let full = "cadence \"l\"\n  D+1 call\n" + limits.joined()
    #expect(compile(full).diagnostics.isEmpty)
    let over = compile(full + "  limit call 1 per 7 days\n  limit call 2 per 7 days\n")
    #expect(
      RuleFileBoundsTests.problems(over) == [
        "\(Bounds.limitsPerCadence + 3): the cadence has more than 1000 `limit` lines"
      ])
    #expect(over.diagnostics.first?.help == "keep one limit per channel and window")
  }

  @Test("a file may have as many tests as the limit; past it one error, and the rest are not read")
  func testsPerFile() {
    let test = "test \"t\"\n  invoice 100.00 BRL due 2026-03-10\n  on D+1 expect call\n"
    let full = "cadence \"c\"\n  D+1 call\n" + String(repeating: test, count: Bounds.testsPerFile)
    let file = RuleCompiler.parse(SourceFile(path: "t.regua", text: full))
    #expect(file.diagnostics.isEmpty)
    #expect(file.syntax.tests.count == Bounds.testsPerFile)
    // Tests past the limit are skipped, broken bodies and all.
    let over = full + test + "test \"u\"\n  bogus line\n"
    let parsed = RuleCompiler.parse(SourceFile(path: "t.regua", text: over))
    #expect(
      parsed.diagnostics.map { "\($0.range.start.line): \($0.message)" } == [
        "\(3 + 3 * Bounds.testsPerFile): the file has more than 1000 tests"
      ])
  }

  @Test("the tests of a file may have as many lines as the limit, timeline entries included")
  func testLinesPerFile() {
    let header = "test \"long\"\n  invoice 100.00 BRL due 2026-03-10\n"
    let lines = (0..<(Bounds.testLinesPerFile - 1)).map { "  on D+\($0 % 200) expect nothing\n" }.joined()
    let full = header + lines
    #expect(RuleCompiler.parse(SourceFile(path: "t.regua", text: full)).diagnostics.isEmpty)
    // One line more, then a timeline whose entries would be read as lines too.
    let over = full + "  on D+1 expect call\n  timeline\n    2026-03-11  D+1  call\n  bogus\n"
    let parsed = RuleCompiler.parse(SourceFile(path: "t.regua", text: over))
    #expect(
      parsed.diagnostics.map { "\($0.range.start.line): \($0.message)" } == [
        "\(Bounds.testLinesPerFile + 2): the tests of the file have more than 20000 lines"
      ])
    #expect(parsed.syntax.tests.first?.hasErrors == true)
    // A timeline's entries count as lines.
    let timeline =
      header + (0..<(Bounds.testLinesPerFile - 2)).map { _ in "  on D+1 expect nothing\n" }.joined()
      + "  timeline\n    2026-03-11  D+1  call\n"
    let counted = RuleCompiler.parse(SourceFile(path: "t.regua", text: timeline))
    #expect(counted.diagnostics.map(\.code) == ["too-many-test-lines"])
  }

  /// Every kind of name, as a rule file writes it with `NAME` in place of the name.
  static let names: [(template: String, kind: String)] = [
    ("cadence \"NAME\"\n  D+1 call", "the cadence's name"),
    ("cadence \"c\"\n  timezone \"NAME\"", "the time zone"),
    ("cadence \"c\"\n  calendar \"NAME\"", "the calendar"),
    ("cadence \"c\"\n  D+1 call as NAME", "the step id"),
    ("cadence \"c\"\n  D+1 notify NAME", "the channel"),
    ("cadence \"c\"\n  D+1 call\n  limit NAME 1 per 7 days", "the channel"),
    ("cadence \"c\"\n  D+1 call when tagged \"NAME\"", "the tag"),
    ("cadence \"c\"\n  D+1 call when customer.segment == \"NAME\"", "the string"),
    ("cadence \"c\"\n  D+1 call when NAME", "the name"),
    ("test \"NAME\"\n  invoice 1.00 BRL due 2026-03-10\n  on D+1 expect call", "the test's name"),
    ("test \"t\"\n  cadence \"NAME\"", "the cadence's name"),
    ("test \"t\"\n  customer segment \"NAME\"", "the segment"),
    ("test \"t\"\n  customer id \"NAME\"", "the customer id"),
    ("test \"t\"\n  tagged \"NAME\"", "the tag"),
    ("test \"t\"\n  history NAME on D+1", "the step id"),
    ("test \"t\"\n  history d+1-call on D+1 channel NAME", "the channel"),
    ("test \"t\"\n  invoice 1.00 BRL due 2026-03-10 id \"NAME\"", "the invoice id"),
    ("test \"t\"\n  on D+1 expect skipped NAME", "the step id"),
  ]

  @Test("names, ids, tags, channels and time zones are at most 256 bytes", arguments: names)
  func nameLengths(template: String, kind: String) throws {
    let fits = String(repeating: "a", count: Bounds.nameBytes)
    let parsed = RuleCompiler.parse(
      SourceFile(path: "n.regua", text: template.replacingOccurrences(of: "NAME", with: fits)))
    #expect(!parsed.diagnostics.contains { $0.code == "name-too-long" })
    // In quotes, a name may hold anything; bare, only the letters of a word.
    let quoted = template.contains("\"NAME\"")
    let long = quoted ? "x<[2J" + String(repeating: "é", count: 2000) : String(repeating: "x", count: 4000)
    let text = template.replacingOccurrences(of: "NAME", with: long)
    let diagnostics = RuleCompiler.parse(SourceFile(path: "n.regua", text: text)).diagnostics
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostics.count == 1)
    #expect(diagnostic.code == "name-too-long")
    // Named, quoted short and escaped: 24 characters, then the length in bytes.
    let excerpt =
      quoted
      ? "x<[2J" + String(repeating: "é", count: 19) + "… (4005 bytes)"
      : String(repeating: "x", count: 24) + "… (4000 bytes)"
    #expect(diagnostic.message == "\(kind) `\(excerpt)` is longer than 256 bytes")
  }

  @Test("1,030 bad 4,000-character time zones are 1,030 quick errors, with no suggestion work")
  func longTimeZones() {
    // 1,030 cadences with a bad 4,000-character time zone: one error each, with no "did you
    // mean" work (the issue measured 328 s).
    let zone = "America/" + String(repeating: "x", count: 3992)
    let text = (0..<1030).map { "cadence \"c\($0)\"\n  timezone \"\(zone)\"\n" }.joined()
    var file: RuleFile?
    let seconds = ScalingTests.cpuTime { file = compile(text) }
    #expect(file?.diagnostics.count == 1030)
    #expect(file?.diagnostics.allSatisfy { $0.code == "name-too-long" } == true)
    // Against a file of the same size whose zones are fine (the long text in a comment): the
    // errors cost no more than reading, in any build (debug, release, under a sanitizer).
    let comment = "# " + String(repeating: "x", count: 3992)
    let fine = (0..<1030).map { "cadence \"c\($0)\"\n  timezone \"UTC\"\n\(comment)\n" }.joined()
    let baseline = ScalingTests.cpuTime { _ = compile(fine) }
    #expect(seconds < 3 * baseline + 0.05, "\(seconds) s against \(baseline) s")
  }

  @Test("numbers a condition compares days with are bounded, with a message that says so")
  func dayNumbers() {
    #expect(
      compile("cadence \"c\"\n  D+1 call when days-overdue > 9223372036854775807").diagnostics.map(\.message) == [
        "`9223372036854775807` is out of range"
      ])
    let over = compile("cadence \"c\"\n  D+1 call when days-overdue > 1000001")
    #expect(over.diagnostics.map(\.help) == ["compare `days-overdue` with a whole number from -1000000 to 1000000"])
    #expect(compile("cadence \"c\"\n  D+1 call when days-overdue > -1000000").diagnostics.isEmpty)
    #expect(
      compile("cadence \"c\"\n  D+1 call when days-overdue > 3.5").diagnostics.map(\.message) == [
        "`days-overdue` is a whole number of days, but `3.5` is not"
      ])
    let digits = String(repeating: "9", count: 3000)
    #expect(
      compile("cadence \"c\"\n  D+1 call when balance > \(digits)").diagnostics.map(\.message) == [
        "`\(String(repeating: "9", count: 40))… (3000 bytes)` is too large"
      ])
  }

  @Test("a cadence built in Swift is held to the same limits")
  func builderLimits() {
    let long = String(repeating: "n", count: Bounds.nameBytes + 1)
    #expect(throws: CadenceDefinitionError.self) { try Cadence(long) { Step(.due(1), .call) } }
    #expect(throws: CadenceDefinitionError.self) { try Cadence("c", calendar: long) { Step(.due(1), .call) } }
    #expect(throws: CadenceDefinitionError.self) { try Cadence("c", timeZone: long) { Step(.due(1), .call) } }
    #expect(throws: CadenceDefinitionError.self) { try Cadence("c") { Step(.due(1), .call).as(long) } }
    do {
      _ = try Cadence("c") {
        for index in 0...Bounds.limitsPerCadence { Limit(.call, 1 + index % 5, perDays: 7) }
        Step(.due(1), .call)
      }
      Issue.record("1001 limits were accepted")
    } catch {
      #expect(error.description.contains("the cadence has more than 1000 `limit` lines"))
    }
  }
}
