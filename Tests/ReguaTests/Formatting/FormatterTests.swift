import Foundation
import Regua
import Testing

@Suite("Formatting rule files")
struct FormatterTests {
  static let ruleFiles = ["b2b-standard.regua", "consumer.regua"]

  static func text(_ name: String) throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent("Rules").appendingPathComponent(name), encoding: .utf8)
  }

  static func format(_ text: String) throws -> String {
    switch RuleFormatter.format(SourceFile(path: "t.regua", text: text)) {
    case .success(let formatted): return formatted
    case .failure(let error): throw error
    }
  }

  @Test("the bundled rule files are formatted", arguments: ruleFiles)
  func bundledFilesAreFormatted(name: String) throws {
    let text = try Self.text(name)
    #expect(try Self.format(text) == text)
  }

  @Test(
    "scrambled copies format to one text that means the same and keeps every comment",
    arguments: ruleFiles, [false, true])
  func scrambledCopies(name: String, shufflingSteps: Bool) throws {
    let original = try Self.text(name)
    for seed in 1...25 {
      var scrambler = Scrambler(
        random: SeededRandom(seed: UInt64(seed)), shufflingSteps: shufflingSteps, addingBlankLines: shufflingSteps)
      let scrambled = scrambler.scramble(original)
      let source = SourceFile(path: "scrambled.regua", text: scrambled)
      let compiled = RuleCompiler.compile(source)
      try #require(compiled.isValid, "seed \(seed): \(compiled.diagnostics)\n\(scrambled)")
      let formatted = try Self.format(scrambled)
      #expect(try Self.format(formatted) == formatted, "seed \(seed) is not idempotent")
      let reformatted = RuleCompiler.compile(SourceFile(path: "formatted.regua", text: formatted))
      #expect(reformatted.cadences == compiled.cadences, "seed \(seed) changed a cadence")
      #expect(reformatted.tests.map(\.name) == compiled.tests.map(\.name))
      let commentCount = scrambled.split(separator: "\n").filter { $0.contains("# note") || $0.contains("# trailing") }
        .count
      let keptCount = formatted.split(separator: "\n").filter { $0.contains("# note") || $0.contains("# trailing") }
        .count
      #expect(keptCount == commentCount, "seed \(seed) lost a comment")
      if !shufflingSteps {
        // Only layout and comments changed: without the added comments, the original comes back.
        let withoutNotes = formatted.split(separator: "\n", omittingEmptySubsequences: false).filter {
          !$0.trimmingCharacters(in: .whitespaces).hasPrefix("# note")
        }.map { line in
          line.range(of: "# trailing").map { String(line[..<$0.lowerBound]) } ?? String(line)
        }.joined(separator: "\n")
        let cleaned = try Self.format(withoutNotes)
        #expect(cleaned == original, "seed \(seed) did not come back to the original layout")
      }
    }
  }

  @Test(
    "each piece has one spelling",
    arguments: [
      ("  D+014 email reminder", "  D+14 email reminder"),
      ("  D+0 email reminder", "  D0 email reminder"),
      ("  D-0 email reminder", "  D0 email reminder"),
      ("  D0   email    \"reminder\"", "  D0 email reminder"),
      ("  D0 email \"due today\"", "  D0 email \"due today\""),
      ("  D0 email \"when\"", "  D0 email \"when\""),
      ("  D0 email x as \"d0-first\"", "  D0 email x as d0-first"),
      ("  D0 notify slack \"x\"", "  D0 notify slack x"),
      ("  D+1 call unless tagged vip   when balance>=500", "  D+1 call when balance >= 500 unless tagged \"vip\""),
      (
        "  D+1 call when (balance>=500 or days-overdue>3)and not disputed",
        "  D+1 call when (balance >= 500 or days-overdue > 3) and not disputed"
      ),
      ("  D+1 call when customer.segment in [\"a\",\"b\"]", "  D+1 call when customer.segment in [\"a\", \"b\"]"),
      ("  catch  up 1 day", "  catch up 1 day"),
      ("  catch up 0 day", "  catch up 0 days"),
      ("  catch up 1 days", "  catch up 1 day"),
      ("  limit  call 2 per 7 days", "  limit call 2 per 7 days"),
      ("\tcalendar \"BR\"", "  calendar BR"),
    ])
  func spellings(line: String, expected: String) throws {
    let formatted = try Self.format("cadence \"t\"\n\(line)\n")
    #expect(formatted == "cadence \"t\"\n\(expected)\n")
  }

  @Test("offsets are padded to the widest, and options and comments line up by paragraph")
  func alignment() throws {
    let text = """
      cadence "t"
        D-3 email reminder # before
        D+120 write off
        D+14 call when balance >= 500 # firm
        D+1 email overdue-with-a-rather-long-template-name when balance > 0

        D+30 letter when balance > 0
      """
    #expect(
      try Self.format(text) == """
        cadence "t"
          D-3   email reminder            # before
          D+120 write off
          D+14  call when balance >= 500  # firm
          D+1   email overdue-with-a-rather-long-template-name when balance > 0

          D+30  letter when balance > 0

        """)
  }

  @Test("comments stay where they were: before their line, at its end, between blocks and at the end")
  func comments() throws {
    let text = """
      # file header

      # about the cadence
      cadence "t"   # trailing on the header
          # before the step
        D0 email x
        # the end of the body


      # about the test
      test "t"
        invoice 10.00 due 2026-03-10
        # before a timeline
        timeline
          # among entries
            2026-03-10  D0  email  x
        on D0 expect email
      # at the end
      """
    #expect(
      try Self.format(text) == """
        # file header

        # about the cadence
        cadence "t"  # trailing on the header
          # before the step
          D0 email x
          # the end of the body

        # about the test
        test "t"
          invoice 10.00 due 2026-03-10
          # before a timeline
          timeline
            # among entries
            2026-03-10  D0  email  x
          on D0 expect email
        # at the end

        """)
  }

  @Test("test lines have one spelling, and a value that reads as a keyword keeps its quotes")
  func testLines() throws {
    let text = """
      cadence "t"
        D0 email x
      test   "t"
        invoice 10.00 BRL   due 2026-03-10 issued D-010 id "INV 1"
        customer company segment "smb"
        history d0-email on D-0 channel email
        on D+01 expect "nothing"
        on D0 expect  no sms
        on D+1 expect next none
      """
    #expect(
      try Self.format(text) == """
        cadence "t"
          D0 email x

        test "t"
          invoice 10.00 BRL due 2026-03-10 issued D-10 id "INV 1"
          customer company segment smb
          history d0-email on D0 channel email
          on D+1 expect "nothing"
          on D0 expect no sms
          on D+1 expect next none

        """)
  }

  @Test("a file with errors is not formatted, and its errors say why")
  func errorsAreNotFormatted() {
    let result = RuleFormatter.format(SourceFile(path: "t.regua", text: "cadence \"t\"\n  D0 emial x\n"))
    guard case .failure(.errors(let diagnostics)) = result else {
      Issue.record("expected errors, got \(result)")
      return
    }
    #expect(diagnostics.map(\.code) == ["unknown-action"])
  }
}
