import ReguaTesting
import Testing

@testable import Regua

/// `calendar "NAME" extends BASE` declarations: parsed losslessly, printed canonically,
/// resolved across the files of a rules directory, and made into business calendars.
@Suite("Calendar declarations in rule files")
struct CalendarDeclarationTests {
  static let saoPaulo = """
    # The city of São Paulo.
    calendar "BR-SP" extends BR  # the nation's days, and the city's
      holiday 01-25 "Aniversário de São Paulo"
      holiday 07-09 "Revolução Constitucionalista"

      # The company closes.
      holiday 2026-12-24 "Véspera de Natal"
      workday 2026-02-18

    """

  static let cadence = """
    cadence "b2b"
      calendar "BR-SP"
      D0  email due-today
      D+1 sms overdue

    """

  static func day(_ text: String) -> CivilDate { CivilDate(text) ?? CivilDate(daysSinceEpoch: 0) }

  static func compile(_ texts: String...) -> [RuleFile] {
    RuleCompiler.compile(texts.enumerated().map { SourceFile(path: "f\($0.offset).regua", text: $0.element) })
  }

  @Test("a declaration keeps its comments and blank lines, and the formatter prints it unchanged")
  func roundTrip() throws {
    let (syntax, diagnostics) = RuleCompiler.parse(SourceFile(path: "c.regua", text: Self.saoPaulo))
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let calendar = try #require(syntax.calendars.first)
    #expect(calendar.name == "BR-SP")
    #expect(calendar.base == "BR")
    #expect(calendar.items.count == 4)
    #expect(RuleFormatter.comments(syntax).count == 3)
    #expect(RuleFormatter.format(syntax) == Self.saoPaulo)
  }

  @Test("the formatter quotes the name, spaces the parts and pads the days, and is idempotent")
  func canonicalLayout() throws {
    let messy = "calendar   BR-SP   extends  \"BR\"\n    holiday 01-25   Aniversario\n  workday   2026-02-18\n"
    let formatted = try RuleFormatter.format(SourceFile(path: "c.regua", text: messy)).get()
    #expect(formatted == "calendar \"BR-SP\" extends BR\n  holiday 01-25 \"Aniversario\"\n  workday 2026-02-18\n")
    #expect(try RuleFormatter.format(SourceFile(path: "c.regua", text: formatted)).get() == formatted)
  }

  @Test("the declaration compiles to a business calendar with recurring and dated days")
  func compiled() throws {
    let file = try #require(Self.compile(Self.saoPaulo).first)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let calendar = try #require(file.calendars["BR-SP"])
    for closed in ["2028-01-25", "2027-01-25", "2026-07-09", "2030-07-09", "2026-12-24", "2026-04-21"] {
      #expect(!calendar.isBusinessDay(Self.day(closed)), "\(closed)")
    }
    #expect(calendar.isBusinessDay(Self.day("2026-02-18")))
    #expect(calendar.isBusinessDay(Self.day("2027-12-24")))
    #expect(calendar.annualHolidays.map(\.monthDay) == ["01-25", "07-09"])
    let names = calendar.holidays(in: 2026).filter { $0.date.month == 7 || $0.date.month == 1 }.map(\.name)
    #expect(names == ["Confraternização Universal", "Aniversário de São Paulo", "Revolução Constitucionalista"])
  }

  @Test("a cadence names a calendar that another file of the directory declares, and its steps move")
  func acrossFiles() throws {
    let files = Self.compile(Self.cadence, Self.saoPaulo)
    #expect(files.allSatisfy { $0.diagnostics.isEmpty }, "\(files.map(\.diagnostics))")
    let cadence = try #require(files[0].cadences.first)
    let evaluator = try Evaluator(cadence, environment: Environment(ruleFiles: files))
    // Due Thursday 2026-07-09, the state's holiday: D0 is Friday the 10th, D+1 Monday the 13th.
    let invoice = try Invoice.make(due: "2026-07-09", issued: "2026-06-01")
    #expect(
      evaluator.schedule(for: invoice).occurrences.map(\.scheduled) == [Self.day("2026-07-10"), Self.day("2026-07-13")])
    // Alone, the cadence's calendar is unknown.
    #expect(Self.compile(Self.cadence)[0].diagnostics.map(\.code) == ["unknown-calendar"])
  }

  @Test("a calendar extends one declared in another file")
  func extendsAcrossFiles() throws {
    let company = "calendar \"ACME-SP\" extends \"BR-SP\"\n  holiday 2026-03-02 \"Founders' day\"\n"
    let files = Self.compile(company, Self.saoPaulo)
    #expect(files.allSatisfy { $0.diagnostics.isEmpty }, "\(files.map(\.diagnostics))")
    let calendar = try #require(files[0].calendars["ACME-SP"])
    #expect(!calendar.isBusinessDay(Self.day("2026-03-02")))
    #expect(!calendar.isBusinessDay(Self.day("2026-07-09")))
    #expect(files[1].calendars.keys.sorted() == ["BR-SP"])
  }

  @Test(
    "a declaration's mistakes are located errors with help",
    arguments: [
      (
        "calendar \"X\" extends BRASIL\n", "unknown-calendar", "`BRASIL` is no calendar to extend", "did you mean `BR`?"
      ),
      (
        "calendar \"A\" extends B\ncalendar \"B\" extends A\n", "calendar-cycle",
        "the calendars extend each other in a cycle: `A` extends `B` extends `A`",
        "make one of them extend `BR`, `US` or `none`"
      ),
      (
        "calendar \"A\" extends BR\ncalendar \"A\" extends US\n", "duplicate-calendar",
        "a calendar named `A` is already declared", "rename one of them, or merge their days into one"
      ),
      (
        "calendar BR extends US\n", "built-in-calendar-name", "`BR` is a built-in calendar",
        "give the calendar a name of its own, such as `BR-SP`, and name it in the cadences"
      ),
      (
        "calendar \"X\" extends BR\n  holiday 02-30 \"x\"\n", "bad-month-day",
        "`02-30` is no day of any year: month 2 has 29 days",
        "write a day from 01 to 29 (`02-29` is a holiday in leap years only)"
      ),
      (
        "calendar \"X\" extends BR\n  holiday 7-9 \"x\"\n", "bad-month-day", "`7-9` is not `MM-DD`",
        "write the month and the day with two digits each: `07-09`"
      ),
      (
        "calendar \"X\" extends BR\n  holiday 07-09 \"x\"\n  holiday 07-09 \"y\"\n", "repeated-calendar-day",
        "07-09 is already a holiday of the calendar", "keep one line for the day"
      ),
      (
        "calendar \"X\" extends BR\n  holiday 2026-12-24 \"x\"\n  workday 2026-12-24\n", "repeated-calendar-day",
        "2026-12-24 is already a `holiday` or a `workday` of the calendar", "keep one line for the day"
      ),
      (
        "calendar \"X\" extends BR\n  workday 07-09\n", "bad-date", "a `workday` is one dated day, not one every year",
        "write its year, e.g. `workday 2026-07-09`"
      ),
      (
        "calendar \"X\"\n", "expected-keyword", "a calendar declaration needs `extends`",
        "write `calendar \"X\" extends BR`: the calendar it adds to is `BR`, `US`, `none` or another declared calendar"
      ),
      (
        "calendar \"X\" extends BR\n  D+1 email x\n", "unknown-calendar-line", "unexpected `D+1` in a calendar",
        "a calendar holds `holiday` and `workday` lines; steps and settings go in a `cadence`"
      ),
    ])
  func mistakes(text: String, code: String, message: String, help: String) throws {
    let diagnostics = Self.compile(text)[0].diagnostics
    let first = try #require(diagnostics.first)
    #expect(diagnostics.allSatisfy { $0.code == code }, "\(diagnostics)")
    #expect(first.message == message)
    #expect(first.help == help)
  }

  @Test("a name declared in two files is an error in the later one, with a note naming the first")
  func duplicateAcrossFiles() {
    let files = Self.compile(Self.saoPaulo, Self.saoPaulo)
    #expect(files[0].diagnostics.isEmpty)
    #expect(files[1].diagnostics.map(\.code) == ["duplicate-calendar"])
    #expect(files[1].diagnostics.first?.notes == ["the first is in f0.regua, line 2"])
  }

  @Test("`calendar BR` at column 0 inside a cadence is still the cadence's line that lost its indentation")
  func unindentedCadenceLine() throws {
    let file = Self.compile("cadence \"c\"\ncalendar BR\n  D+1 call\n")[0]
    #expect(file.diagnostics.map(\.code) == ["unindented-line"])
    #expect(file.calendars.isEmpty)
  }
}

/// Holidays on one month and day every year.
@Suite("Annual holidays")
struct AnnualHolidayTests {
  @Test("a month and day no year has is no holiday", arguments: [(2, 30), (4, 31), (13, 1), (0, 1), (1, 0), (12, 32)])
  func invalid(month: Int, day: Int) {
    #expect(AnnualHoliday(month: month, day: day, name: "x") == nil)
  }

  @Test("02-29 closes its day in leap years only, and the index agrees with the rules")
  func leapDay() throws {
    let leap = try #require(AnnualHoliday(month: 2, day: 29, name: "Leap"))
    let calendar = BusinessCalendar.none.adding(annualHolidays: [leap])
    #expect(calendar.holidays(in: 2028).map(\.name) == ["Leap"])
    #expect(calendar.holidays(in: 2027).isEmpty)
    #expect(!calendar.isBusinessDay(try CivilDate(parsing: "2028-02-29")))
    // Past the index (2200), the rules are evaluated directly.
    #expect(!calendar.isBusinessDay(try CivilDate(parsing: "2400-02-29")))
    #expect(calendar.date(byAdding: 1, businessDaysTo: try CivilDate(parsing: "2400-02-28")) == CivilDate("2400-03-01"))
  }

  @Test("an annual holiday added again on its day takes the new name; the built-in ones stay")
  func replaced() throws {
    let first = try #require(AnnualHoliday(month: 12, day: 25, name: "Company Christmas"))
    let second = try #require(AnnualHoliday(month: 12, day: 25, name: "Natal da empresa"))
    let calendar = BusinessCalendar.brazil.adding(annualHolidays: [first]).adding(annualHolidays: [second])
    #expect(calendar.annualHolidays == [second])
    #expect(calendar.holidays(in: 2026).filter { $0.date.month == 12 }.map(\.name) == ["Natal", "Natal da empresa"])
    #expect(calendar != BusinessCalendar.brazil)
    #expect(calendar.name == nil)
  }
}
