import ReguaTesting
import Testing

@testable import Regua

/// A cadence's `calendar`, `holiday` and `workday` lines: names that exist, days that move.
@Suite("Calendars in the rule language")
struct CalendarLanguageTests {
  static func compile(_ body: String, calendars: Set<String> = []) -> RuleFile {
    RuleCompiler.compile(SourceFile(path: "c.regua", text: "cadence \"c\"\n" + body), calendars: calendars)
  }

  static func day(_ text: String) -> CivilDate { CivilDate(text) ?? CivilDate(daysSinceEpoch: 0) }

  @Test(
    "a calendar that is neither built in nor given is an error with a suggestion",
    arguments: [
      ("BRASIL", "did you mean `BR`?"), ("br", "did you mean `BR`?"), ("USA", "did you mean `US`?"),
      ("nenhum", "did you mean `none`?"),
      (
        "SP",
        "the calendars are `BR`, `US`, `none`; declare another with `calendar \"name\" extends BR` in a rule file of the rules directory"
      ),
    ])
  func unknownCalendar(name: String, help: String) {
    let file = Self.compile("  calendar \(name)\n  D+1 call\n")
    #expect(file.diagnostics.map(\.code) == ["unknown-calendar"])
    #expect(file.diagnostics.first?.message == "unknown calendar `\(name)`")
    #expect(file.diagnostics.first?.help == help)
    #expect(file.cadences.isEmpty)
  }

  @Test("a host's calendar given to the compiler is a name a cadence may use")
  func hostCalendar() throws {
    let file = Self.compile("  calendar BR-SP\n  D+1 call\n", calendars: ["BR-SP"])
    #expect(file.diagnostics.isEmpty)
    let cadence = try #require(file.cadences.first)
    #expect(throws: EnvironmentError.self) { try Evaluator(cadence) }
    let saoPaulo = BusinessCalendar.brazil.adding(holidays: [Self.day("2026-01-25"): "Aniversário de São Paulo"])
    let evaluator = try Evaluator(cadence, environment: Environment(calendars: ["BR-SP": saoPaulo]))
    // Due Friday 2026-01-23: D+1 is Saturday the 24th; Sunday; the city's anniversary on Monday.
    let invoice = try Invoice.make(due: "2026-01-23", issued: "2026-01-01")
    #expect(evaluator.schedule(for: invoice).occurrences.map(\.scheduled) == [Self.day("2026-01-26")])
  }

  @Test("`holiday` and `workday` lines change the cadence's calendar")
  func holidayAndWorkday() throws {
    let file = Self.compile(
      """
        calendar BR
        holiday 2026-03-11 "Company anniversary"
        workday 2026-03-14
        D+1 email overdue
        D+4 call
      """)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let cadence = try #require(file.cadences.first)
    #expect(cadence.holidays == [Self.day("2026-03-11"): "Company anniversary"])
    #expect(cadence.workdays == [Self.day("2026-03-14")])
    // Due Tuesday 2026-03-10: D+1 (the company's holiday) moves to Thursday; D+4 is the
    // Saturday made a workday, so it stays.
    let invoice = try Invoice.make(due: "2026-03-10", issued: "2026-03-01")
    let schedule = try Evaluator(cadence).schedule(for: invoice)
    #expect(schedule.occurrences.map(\.scheduled) == [Self.day("2026-03-12"), Self.day("2026-03-14")])
  }

  @Test(
    "a calendar line's mistakes are located errors",
    arguments: [
      ("  holiday 2026-02-30 \"x\"\n", "bad-date", "`2026-02-30` does not exist: that month has 28 days"),
      (
        "  holiday 2026-13-01 \"x\"\n", "bad-date",
        "`2026-13-01` is not a date: the month must be 01 to 12 and the year 0001 to 9999"
      ),
      ("  holiday 2026-03-11\n", "missing-name", "`holiday` needs a name"),
      ("  workday tomorrow\n", "bad-date", "`tomorrow` is not a date"),
      ("  workday 2026-03-14 extra\n", "unexpected-token", "unexpected `extra` after the date"),
    ])
  func lineMistakes(line: String, code: String, message: String) {
    let file = Self.compile("  calendar BR\n" + line + "  D+1 call\n")
    #expect(file.diagnostics.map(\.code) == [code])
    #expect(file.diagnostics.first?.message == message)
  }

  @Test("a holiday or workday needs a calendar, and a day is written once")
  func checks() {
    let none = Self.compile("  holiday 2026-03-11 \"x\"\n  D+1 call\n")
    #expect(none.diagnostics.map(\.code) == ["calendar-needed"])
    #expect(none.diagnostics.first?.help == "add `calendar BR` (or `US`, or a calendar of your own) to the cadence")
    let twice = Self.compile("  calendar US\n  holiday 2026-03-11 \"x\"\n  workday 2026-03-11\n  D+1 call\n")
    #expect(twice.diagnostics.map(\.code) == ["repeated-day"])
    #expect(twice.diagnostics.first?.notes == ["the first is on line 3"])
  }

  @Test("the builder takes holidays and workdays, and checks them as a rule file is checked")
  func builder() throws {
    let cadence = try Cadence("c", calendar: "BR") {
      Holiday(date: Self.day("2026-03-11"), name: "Company anniversary")
      Workday(Self.day("2026-03-14"))
      Step(.due(1), .email("overdue"))
    }
    #expect(
      cadence
        == Self.compile(
          "  calendar BR\n  holiday 2026-03-11 \"Company anniversary\"\n  workday 2026-03-14\n  D+1 email overdue\n"
        ).cadences.first)
    #expect(throws: CadenceDefinitionError.self) {
      try Cadence("c") {
        Workday(Self.day("2026-03-14"))
        Step(.due(1), .call)
      }
    }
  }

  @Test("the formatter writes the lines canonically and keeps them")
  func formatting() throws {
    let source = SourceFile(
      path: "c.regua",
      text: "cadence \"c\"\n  calendar BR\n  holiday   2026-03-11   Carnaval\n  workday 2026-03-14\n  D+1 call\n")
    guard case .success(let formatted) = RuleFormatter.format(source) else {
      Issue.record("did not format")
      return
    }
    #expect(formatted.contains("  holiday 2026-03-11 \"Carnaval\"\n  workday 2026-03-14\n"))
  }

  @Test("business-day offsets count the calendar's business days, across Carnival; `any day` keeps a step on its day")
  func businessDays() throws {
    let file = Self.compile(
      """
        calendar BR
        I+3 business days letter x
        D-2 business days sms before
        D+1 business day email first
        D+5 call
        D+8 call any day as d+8-any
        D+5 business days call
      """)
    #expect(file.diagnostics.filter { $0.severity == .error }.isEmpty, "\(file.diagnostics)")
    let cadence = try #require(file.cadences.first)
    #expect(
      cadence.steps.map(\.id) == [
        "i+3bd-letter", "d-2bd-sms", "d+1bd-email", "d+5-call", "d+8-any", "d+5bd-call",
      ])
    #expect(cadence.steps[4].anyDay)
    // Issued Sunday 2026-02-01, due Friday 2026-02-13; Carnival is Monday 16 and Tuesday 17.
    let invoice = try Invoice.make(due: "2026-02-13", issued: "2026-02-01")
    let schedule = try Evaluator(cadence).schedule(for: invoice)
    let dates = Dictionary(uniqueKeysWithValues: schedule.occurrences.map { (cadence.steps[$0.step].id, $0.scheduled) })
    #expect(dates["i+3bd-letter"] == Self.day("2026-02-04"))
    #expect(dates["d-2bd-sms"] == Self.day("2026-02-11"))
    #expect(dates["d+1bd-email"] == Self.day("2026-02-18"))  // Ash Wednesday is a business day
    #expect(dates["d+5-call"] == Self.day("2026-02-18"))
    #expect(dates["d+8-any"] == Self.day("2026-02-21"))  // a Saturday, kept
    #expect(dates["d+5bd-call"] == Self.day("2026-02-24"))
    // `calendar none`: every day is a business day.
    var plain = cadence
    plain.calendar = nil
    let plainDates = try Evaluator(plain).schedule(for: invoice).occurrences.map(\.scheduled)
    #expect(plainDates.contains(Self.day("2026-02-18")) && plainDates.contains(Self.day("2026-02-04")))
  }

  @Test(
    "business-day offsets and `any day` are written canonically, and their mistakes are located errors",
    arguments: [
      ("  D+7 dias uteis sms x\n", "days-after-offset", "to count business days, write `D+7 business days sms x`"),
      ("  D+0 business days call\n", "bad-offset", "write `D0` for the anchor's own day, or `D+1 business day`"),
      (
        "  D+3000 business days email y\n", "offset-out-of-range",
        "business-day offsets are at most 2600 business days (about ten years)"
      ),
      ("  D+5 business call\n", "expected-keyword", "write `D+5 business days` followed by the action"),
    ])
  func businessDayMistakes(line: String, code: String, help: String) {
    let file = Self.compile("  calendar BR\n" + line)
    #expect(file.diagnostics.map(\.code) == [code])
    #expect(file.diagnostics.first?.help == help)
  }

  @Test("the formatter writes business days and `any day` canonically, and the builder agrees")
  func canonical() throws {
    let source = SourceFile(
      path: "c.regua",
      text: "cadence \"c\"\n  calendar BR\n  D+1 business days email a\n  D+8 call as x any day\n")
    guard case .success(let formatted) = RuleFormatter.format(source) else {
      Issue.record("did not format")
      return
    }
    #expect(formatted.contains("  D+1 business day email a\n"))
    #expect(formatted.contains("call any day as x\n"))
    let built = try Cadence("c", calendar: "BR") {
      Step(.due(businessDays: 1), .email("a"))
      Step(.due(8), .call).onAnyDay().as("x")
    }
    #expect(built == RuleCompiler.compile(source).cadences.first)
  }

  @Test(
    "a business-day offset reads as a step writes it, and names the day a step at it lands",
    arguments: [
      ("D+5 business days", Offset(.due, 5, unit: .businessDays)),
      ("D+1 business day", Offset(.due, 1, unit: .businessDays)),
      ("D-2 business days", Offset(.due, -2, unit: .businessDays)),
      ("I+3 business days", Offset(.issue, 3, unit: .businessDays)),
    ])
  func businessDayOffsetText(text: String, offset: Offset) throws {
    #expect(Offset(text) == offset)
    #expect(try DateReference(parsing: text) == .offset(offset))
    #expect(offset.description == text)
  }

  @Test(
    "`D0 business days` and a count past the bound are no offsets",
    arguments: ["D0 business days", "D+2601 business days", "D+5 business"])
  func badBusinessDayOffsetText(text: String) {
    #expect(Offset(text) == nil)
  }

  @Test("a test block's date may count business days, through the schedule")
  func businessDayTestDate() throws {
    let file = RuleCompiler.compile(
      SourceFile(
        path: "t.regua",
        text: """
          cadence "c"
            calendar BR
            D+1 business day email overdue
          test "Tiradentes"
            invoice 1.00 BRL due 2026-04-20
            on D+1 business day expect email overdue
            on 2026-04-22 expect email overdue
            on 2026-04-21 expect nothing
          """ + "\n"))
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    #expect(PolicyTestSuite.run([file]).first?.failures == [])
  }
}
