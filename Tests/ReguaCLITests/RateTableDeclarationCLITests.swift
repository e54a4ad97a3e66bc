import Foundation
import Testing

/// Rate tables declared in rule files, through the built `regua`: checked with the other files of
/// their rules directory, and laid out by `fmt`.
@Suite("Rate tables declared in rule files, end to end", .serialized)
struct RateTableDeclarationCLITests {
  static let rates = """
    # Brazil's taxa legal (Lei 14.905/2024), published monthly by the BCB (SGS 29543)
    rates "taxa-legal" per month
      2026-01  0.594127%
      2026-02  0.5%

    # the ECB's main refinancing rate, in force on 1 January and 1 July
    rates "ecb-refi" per year
      2025-H1  3.15%
      2025-H2  2.15%
      2026     2.15%

    """

  static let cadence = """
    cadence "b2b" version 1
      D0  email due-today
      D+1 sms overdue

    """

  /// A new rules directory holding `rates.regua` and `b2b.regua`.
  static func rulesDirectory() throws -> String {
    let rates = try ReguaBinary.temporaryFile("rates.regua", Self.rates)
    let directory = (rates as NSString).deletingLastPathComponent
    try Self.cadence.write(toFile: directory + "/b2b.regua", atomically: true, encoding: .utf8)
    return directory
  }

  @Test("`check` and `fmt --check` of a directory with rate tables find no problem")
  func check() throws {
    let directory = try Self.rulesDirectory()
    let all = try ReguaBinary.run(["check", directory])
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stdout == "2 files, 1 cadence, 0 tests: no problems\n")
    let formatted = try ReguaBinary.run(["fmt", "--check", directory])
    #expect(formatted.status == 0, "\(formatted.stderr)")
  }

  @Test("`fmt` lays a table out: the name quoted, two spaces of indentation, the rates in one column")
  func format() throws {
    let messy = "rates taxa-legal per year\n    2025-H2 2.15%   # cut in June\n 2026    2.15%\n"
    let result = try ReguaBinary.run(["fmt", "-"], stdin: messy)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "rates \"taxa-legal\" per year\n  2025-H2  2.15%  # cut in June\n  2026     2.15%\n")
    let again = try ReguaBinary.run(["fmt", "-"], stdin: result.stdout)
    #expect(again.stdout == result.stdout)
  }

  @Test("a table declared in two files of a directory is an error in the later one, naming the first")
  func duplicate() throws {
    let directory = try Self.rulesDirectory()
    try "rates \"taxa-legal\" per month\n  2026-03  0.5%\n".write(
      toFile: directory + "/tables.regua", atomically: true, encoding: .utf8)
    let result = try ReguaBinary.run(["check", directory])
    #expect(result.status == 1)
    #expect(result.stderr.contains("tables.regua:1:7: error: a rate table named `taxa-legal` is already declared"))
    #expect(result.stderr.contains("note: the first is in \(directory)/rates.regua, line 2"))
  }

  @Test("a mistake in a table is a located error with help, and the exit status is 1")
  func mistake() throws {
    let result = try ReguaBinary.run(["check", "-"], stdin: "rates \"x\" per day\n  2026-01  0.5\n")
    #expect(result.status == 1)
    #expect(result.stderr.contains("<stdin>:1:15: error: a rate table cannot be `per day`"))
    #expect(result.stderr.contains("<stdin>:2:12: error: `0.5` has no `%` sign"))
    #expect(result.stderr.contains("help: write `2026-01  0.5%`"))
  }
}
