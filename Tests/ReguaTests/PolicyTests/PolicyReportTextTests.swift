import Testing

@testable import Regua

@Suite("Test reports quote input safely")
struct PolicyReportTextTests {
  static let cadence = """
    cadence "odd\\tname"
      D+1 email "first\\nline"

    """

  @Test("an argument with a newline does not break a failure message into lines")
  func argumentWithNewline() throws {
    let file = compile(
      PolicyReportTextTests.cadence + """
        test "t"
          invoice 1000.00 BRL due 2026-03-10
          on D+1 expect sms
          timeline from D+1 to D+1
            2026-03-11  D+1  email  other

        """)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let result = try #require(PolicyTestSuite.run([file]).first)
    #expect(result.failures.count == 2)
    let fires = result.failures[0].message
    #expect(!fires.contains("\n"), "\(fires)")
    #expect(fires.contains(#"`d+1-email` (email first\nline)"#))
    let timeline = result.failures[1].message
    #expect(timeline.split(separator: "\n").count == 3, "\(timeline)")
    #expect(timeline.contains(#"2026-03-11 D+1 email first\nline"#))
    #expect(!(fires + timeline).unicodeScalars.contains { $0 != "\n" && SafeText.isUnsafe($0) })
  }
}
