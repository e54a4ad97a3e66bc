import Foundation
import Testing

/// Calendars declared in rule files, through the built `regua`: a cadence in one file of a rules
/// directory names a calendar another file declares.
@Suite("Calendars declared in rule files, end to end", .serialized)
struct CalendarDeclarationCLITests {
  static let calendars = """
    calendar "BR-SP" extends BR
      holiday 01-25 "Aniversário de São Paulo"
      holiday 07-09 "Revolução Constitucionalista"
      holiday 2026-12-24 "Véspera de Natal"

    """

  static let cadence = """
    cadence "b2b" version 1
      calendar BR-SP
      D0  email due-today
      D+1 sms overdue

    """

  static let invoice = """
    {"id":"INV-1","customer":{"id":"C1"},"amount":"100.00","currency":"BRL","issued":"2026-06-01","due":"2026-07-09"}
    """

  /// A new rules directory holding `calendars.regua` and `b2b.regua`.
  static func rulesDirectory() throws -> String {
    let calendars = try ReguaBinary.temporaryFile("calendars.regua", Self.calendars)
    let directory = (calendars as NSString).deletingLastPathComponent
    try Self.cadence.write(toFile: directory + "/b2b.regua", atomically: true, encoding: .utf8)
    try Self.invoice.write(toFile: directory + "/invoice.json", atomically: true, encoding: .utf8)
    return directory
  }

  @Test("`check` of the directory, and of the cadence's file alone, find the calendar in the sibling file")
  func check() throws {
    let directory = try Self.rulesDirectory()
    let all = try ReguaBinary.run(["check", directory])
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stdout == "2 files, 1 cadence, 0 tests: no problems\n")
    let alone = try ReguaBinary.run(["check", directory + "/b2b.regua"])
    #expect(alone.status == 0, "\(alone.stderr)")
    let formatted = try ReguaBinary.run(["fmt", "--check", directory])
    #expect(formatted.status == 0, "\(formatted.stderr)")
  }

  @Test("`plan` moves a step off the declared calendar's recurring holiday")
  func plan() throws {
    let directory = try Self.rulesDirectory()
    let result = try ReguaBinary.run([
      "plan", directory + "/b2b.regua", "--invoice", directory + "/invoice.json", "--on", "2026-07-10", "--json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // Due Thursday 2026-07-09, the state's holiday: D0 is Friday the 10th, D+1 Monday the 13th.
    #expect(result.stdout.contains("\"scheduled\":\"2026-07-10\""))
    #expect(result.stdout.contains("\"next\":\"2026-07-13\""))
  }

  @Test("`regua calendar BR-SP --year 2026 --rules DIR` lists the built-in and the declared holidays")
  func calendar() throws {
    let directory = try Self.rulesDirectory()
    let result = try ReguaBinary.run(["calendar", "BR-SP", "--year", "2026", "--rules", directory])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 16)
    #expect(lines[1] == "2026-01-25  Aniversário de São Paulo")
    #expect(lines.contains("2026-07-09  Revolução Constitucionalista"))
    #expect(lines.contains("2026-12-24  Véspera de Natal"))
    let missing = try ReguaBinary.run(["calendar", "BR-SP", "--year", "2026"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("needs `--rules PATH`"))
  }

  @Test("a cycle across two files is reported in each, with the exit status 1")
  func cycle() throws {
    let directory = try Self.rulesDirectory()
    try "calendar \"A\" extends B\n".write(toFile: directory + "/a.regua", atomically: true, encoding: .utf8)
    try "calendar \"B\" extends A\n".write(toFile: directory + "/b.regua", atomically: true, encoding: .utf8)
    let result = try ReguaBinary.run(["check", directory])
    #expect(result.status == 1)
    #expect(result.stderr.contains("a.regua:1:22: error: the calendars extend each other in a cycle"))
    #expect(result.stderr.contains("b.regua:1:22: error: the calendars extend each other in a cycle"))
  }
}
