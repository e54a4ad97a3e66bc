/// A diagnostic's stable code, from one registry: every error the rule language reports and
/// every lint warning has its code here, once, with a one-line summary.
///
/// A code is a public contract: it appears in `check` output and its JSON, in
/// `# regua: ignore CODE` comments and in `Documentation/Diagnostics.md`, and it never changes
/// meaning. Diagnostics can only be made from a ``DiagnosticCode``, so a code cannot be invented
/// at the place that reports it.
///
/// ```swift
/// if diagnostic.code == DiagnosticCode.unknownAction.rawValue { … }
/// DiagnosticCode(rawValue: "single-equals")?.summary   // "`=` where `==` compares"
/// ```
public struct DiagnosticCode: Sendable, Hashable, CustomStringConvertible {
  /// The code: lower-case words joined by `-`, e.g. `unknown-action`.
  public let rawValue: String
  /// One phrase saying what the code reports.
  public let summary: String
  private init(_ rawValue: String, _ summary: String) {
    self.rawValue = rawValue
    self.summary = summary
  }

  /// The registered code spelled `rawValue`, or `nil`.
  public init?(rawValue: String) {
    guard let code = DiagnosticCode.byRawValue[rawValue] else { return nil }
    self = code
  }

  /// Codes are equal when they are spelled the same.
  public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue == rhs.rawValue }

  /// Hashes the spelling.
  public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

  /// The code as written, e.g. `unknown-action`.
  public var description: String { rawValue }

  private static let byRawValue = Dictionary(all.map { ($0.rawValue, $0) }, uniquingKeysWith: { first, _ in first })

  // MARK: The file

  /// The rule file is not valid UTF-8.
  public static let notUTF8 = DiagnosticCode("not-utf8", "The rule file is not valid UTF-8.")
  /// The rule file is larger than `Bounds.fileBytes`.
  public static let fileTooLarge = DiagnosticCode("file-too-large", "The rule file is larger than `Bounds.fileBytes`.")
  /// A line is longer than `Bounds.lineBytes`.
  public static let lineTooLong = DiagnosticCode("line-too-long", "A line is longer than `Bounds.lineBytes`.")

  // MARK: Characters and tokens

  /// A character that cannot start a token.
  public static let unexpectedCharacter = DiagnosticCode(
    "unexpected-character", "A character that cannot start a token.")
  /// A quoted string is not closed on its line.
  public static let unterminatedString = DiagnosticCode(
    "unterminated-string", "A quoted string is not closed on its line.")
  /// A backslash escape in a string other than `\"`, `\\`, `\n` and `\t`.
  public static let unknownEscape = DiagnosticCode(
    "unknown-escape", "A backslash escape in a string other than `\\\"`, `\\\\`, `\\n` and `\\t`.")
  /// A currency symbol such as `R$` instead of a code.
  public static let currencySymbol = DiagnosticCode(
    "currency-symbol", "A currency symbol such as `R$` instead of a code.")
  /// An operator the language does not have, such as `=>` or `<>`.
  public static let unknownOperator = DiagnosticCode(
    "unknown-operator", "An operator the language does not have, such as `=>` or `<>`.")
  /// A decimal comma such as `500,00`.
  public static let decimalComma = DiagnosticCode("decimal-comma", "A decimal comma such as `500,00`.")
  /// A carriage return without a line feed.
  public static let loneCarriageReturn = DiagnosticCode(
    "lone-carriage-return", "A carriage return without a line feed.")
  /// A bidirectional control character, which can make text read differently from what it does.
  public static let bidirectionalControl = DiagnosticCode(
    "bidirectional-control",
    "A bidirectional control character, which can make text read differently from what it does.")
  /// A control character outside a comment.
  public static let controlCharacter = DiagnosticCode("control-character", "A control character outside a comment.")

  // MARK: Lines and their syntax

  /// A top-level line that is not `cadence`, `test`, `calendar`, `rates` or `pack`.
  public static let unknownDeclaration = DiagnosticCode(
    "unknown-declaration", "A top-level line that is not `cadence`, `test`, `calendar`, `rates` or `pack`.")
  /// A cadence or test line not indented under its declaration.
  public static let unindentedLine = DiagnosticCode(
    "unindented-line", "A cadence or test line not indented under its declaration.")
  /// An indented line that belongs to no declaration.
  public static let orphanLine = DiagnosticCode("orphan-line", "An indented line that belongs to no declaration.")
  /// A name with spaces or accents that is not quoted.
  public static let unquotedName = DiagnosticCode("unquoted-name", "A name with spaces or accents that is not quoted.")
  /// A declaration without its name.
  public static let missingName = DiagnosticCode("missing-name", "A declaration without its name.")
  /// A step whose action is not one the language knows.
  public static let unknownAction = DiagnosticCode(
    "unknown-action", "A step whose action is not one the language knows.")
  /// The first word of a two-word action alone (`write` for `write off`).
  public static let incompleteAction = DiagnosticCode(
    "incomplete-action", "The first word of a two-word action alone (`write` for `write off`).")
  /// A step with an offset and no action.
  public static let missingAction = DiagnosticCode("missing-action", "A step with an offset and no action.")
  /// `notify` without a channel.
  public static let missingChannel = DiagnosticCode("missing-channel", "`notify` without a channel.")
  /// A channel name that is not lower-case.
  public static let badChannel = DiagnosticCode("bad-channel", "A channel name that is not lower-case.")
  /// A `limit` or `window` line without its channel or `any`.
  public static let expectedChannel = DiagnosticCode(
    "expected-channel", "A `limit` or `window` line without its channel or `any`.")
  /// An offset that is not `D+N`, `D-N`, `I+N` or `P+N`.
  public static let badOffset = DiagnosticCode("bad-offset", "An offset that is not `D+N`, `D-N`, `I+N` or `P+N`.")
  /// An offset followed by `days` (`D+14 days`).
  public static let daysAfterOffset = DiagnosticCode("days-after-offset", "An offset followed by `days` (`D+14 days`).")
  /// A word after a step that is not one of its options.
  public static let unknownOption = DiagnosticCode(
    "unknown-option", "A word after a step that is not one of its options.")
  /// A step option written twice.
  public static let duplicateOption = DiagnosticCode("duplicate-option", "A step option written twice.")
  /// A line in a `pack` other than `limit`, `window` or `after conversation wait`.
  public static let packLine = DiagnosticCode(
    "pack-line", "A line in a `pack` other than `limit`, `window` or `after conversation wait`.")
  /// `include` naming a pack no file of the rules directory declares.
  public static let unknownPack = DiagnosticCode(
    "unknown-pack", "`include` naming a pack that no file of the rules directory declares.")
  /// Two packs with one name.
  public static let duplicatePack = DiagnosticCode(
    "duplicate-pack", "Two packs with one name, in one file or in one rules directory.")
  /// A cadence's windows and an included pack's never open together for a channel.
  public static let disjointWindows = DiagnosticCode(
    "disjoint-windows", "A cadence's windows and an included pack's never open together for a channel.")
  /// A `fallback` on a step that contacts no one, naming the step's own channel, or a channel
  /// twice.
  public static let badFallback = DiagnosticCode(
    "bad-fallback", "A `fallback` on a non-contact step, naming its own channel, or a channel twice.")
  /// `as` without a step id.
  public static let missingId = DiagnosticCode("missing-id", "`as` without a step id.")
  /// A token where the line takes none.
  public static let unexpectedToken = DiagnosticCode("unexpected-token", "A token where the line takes none.")
  /// A comma where the line takes none.
  public static let unexpectedComma = DiagnosticCode("unexpected-comma", "A comma where the line takes none.")
  /// A list's items not separated by commas.
  public static let expectedComma = DiagnosticCode("expected-comma", "A list's items not separated by commas.")
  /// A word was expected.
  public static let expectedWord = DiagnosticCode("expected-word", "A word was expected.")
  /// A value was expected.
  public static let expectedValue = DiagnosticCode("expected-value", "A value was expected.")
  /// A keyword was expected.
  public static let expectedKeyword = DiagnosticCode("expected-keyword", "A keyword was expected.")
  /// A number was expected.
  public static let expectedNumber = DiagnosticCode("expected-number", "A number was expected.")
  /// `in` without a list.
  public static let expectedList = DiagnosticCode("expected-list", "`in` without a list.")
  /// A date or offset was expected.
  public static let expectedDate = DiagnosticCode("expected-date", "A date or offset was expected.")
  /// A cadence line that is neither a step nor a setting.
  public static let expectedStep = DiagnosticCode(
    "expected-step", "A cadence line that is neither a step nor a setting.")
  /// A number that cannot be read.
  public static let badNumber = DiagnosticCode("bad-number", "A number that cannot be read.")
  /// A date that is not a valid `YYYY-MM-DD`.
  public static let badDate = DiagnosticCode("bad-date", "A date that is not a valid `YYYY-MM-DD`.")
  /// A time that is not a valid `HH:MM`.
  public static let badTime = DiagnosticCode("bad-time", "A time that is not a valid `HH:MM` (`00:00` to `24:00`).")
  /// A day of the week that is not `mon` … `sun`.
  public static let badWeekday = DiagnosticCode("bad-weekday", "A day of the week that is not `mon` … `sun`.")
  /// An amount that is not valid or not above zero.
  public static let badAmount = DiagnosticCode("bad-amount", "An amount that is not valid or not above zero.")
  /// A currency code in lower case.
  public static let lowerCaseCurrency = DiagnosticCode("lower-case-currency", "A currency code in lower case.")
  /// `when` or `unless` without a condition.
  public static let missingCondition = DiagnosticCode("missing-condition", "`when` or `unless` without a condition.")
  /// An operator without a value on one side.
  public static let missingOperand = DiagnosticCode("missing-operand", "An operator without a value on one side.")
  /// `tagged` without a tag.
  public static let missingTag = DiagnosticCode("missing-tag", "`tagged` without a tag.")
  /// `=` where `==` compares.
  public static let singleEquals = DiagnosticCode("single-equals", "`=` where `==` compares.")
  /// Two comparisons chained without `and`.
  public static let chainedComparison = DiagnosticCode("chained-comparison", "Two comparisons chained without `and`.")
  /// A list without its `]`.
  public static let unclosedList = DiagnosticCode("unclosed-list", "A list without its `]`.")
  /// A `(` without its `)`.
  public static let unclosedParen = DiagnosticCode("unclosed-paren", "A `(` without its `)`.")
  /// An empty list after `in`.
  public static let emptyList = DiagnosticCode("empty-list", "An empty list after `in`.")
  /// A list longer than `Bounds.listItems`.
  public static let listTooLong = DiagnosticCode("list-too-long", "A list longer than `Bounds.listItems`.")
  /// A condition nested deeper than `Bounds.expressionDepth`.
  public static let tooDeep = DiagnosticCode("too-deep", "A condition nested deeper than `Bounds.expressionDepth`.")
  /// A number outside the bounds of its place (`Bounds`).
  public static let outOfRange = DiagnosticCode("out-of-range", "A number outside the bounds of its place (`Bounds`).")
  /// A name, id, tag, channel or time zone longer than `Bounds.nameBytes`.
  public static let nameTooLong = DiagnosticCode(
    "name-too-long", "A name, id, tag, channel or time zone longer than `Bounds.nameBytes`.")
  /// A cadence with more than `Bounds.stepsPerCadence` steps.
  public static let tooManySteps = DiagnosticCode(
    "too-many-steps", "A cadence with more than `Bounds.stepsPerCadence` steps.")
  /// A cadence with more than `Bounds.limitsPerCadence` limits.
  public static let tooManyLimits = DiagnosticCode(
    "too-many-limits", "A cadence with more than `Bounds.limitsPerCadence` limits.")
  /// A cadence with more than `Bounds.windowsPerCadence` windows.
  public static let tooManyWindows = DiagnosticCode(
    "too-many-windows", "A cadence with more than `Bounds.windowsPerCadence` `window` lines.")
  /// A file with more than `Bounds.testsPerFile` tests.
  public static let tooManyTests = DiagnosticCode(
    "too-many-tests", "A file with more than `Bounds.testsPerFile` tests.")
  /// A file whose tests have more than `Bounds.testLinesPerFile` lines.
  public static let tooManyTestLines = DiagnosticCode(
    "too-many-test-lines", "A file whose tests have more than `Bounds.testLinesPerFile` lines.")
  /// A file with other than the one cadence an API or command needs.
  public static let cadenceCount = DiagnosticCode(
    "cadence-count", "A file with other than the one cadence an API or command needs.")

  // MARK: Cadences

  /// A test's `timeline` block without entries.
  public static let emptyTimeline = DiagnosticCode("empty-timeline", "A test's `timeline` block without entries.")
  /// Two cadences with one name.
  public static let duplicateCadence = DiagnosticCode("duplicate-cadence", "Two cadences with one name.")
  /// A cadence setting written twice.
  public static let duplicateSetting = DiagnosticCode("duplicate-setting", "A cadence setting written twice.")
  /// Two steps with one id.
  public static let duplicateStep = DiagnosticCode("duplicate-step", "Two steps with one id.")
  /// A step id that is not lower-case letters, digits, `+` and `-`.
  public static let badStepId = DiagnosticCode(
    "bad-step-id", "A step id that is not lower-case letters, digits, `+` and `-`.")
  /// A `P+N` offset, reserved for promise-to-pay steps.
  public static let reservedOffset = DiagnosticCode(
    "reserved-offset", "A `P+N` offset, reserved for promise-to-pay steps.")
  /// An offset more than `Bounds.offsetDays` days from its anchor.
  public static let offsetOutOfRange = DiagnosticCode(
    "offset-out-of-range", "An offset more than `Bounds.offsetDays` days from its anchor.")
  /// An `I-N` offset, before the invoice exists.
  public static let offsetBeforeIssue = DiagnosticCode(
    "offset-before-issue", "An `I-N` offset, before the invoice exists.")
  /// `notify` on a channel that has its own action.
  public static let notifyBuiltIn = DiagnosticCode("notify-built-in", "`notify` on a channel that has its own action.")
  /// A channel that is neither built in nor declared.
  public static let unknownChannel = DiagnosticCode(
    "unknown-channel", "A channel that is neither built in nor declared.")
  /// A calendar that is neither built in nor declared.
  public static let unknownCalendar = DiagnosticCode(
    "unknown-calendar", "A calendar that is neither built in (`BR`, `US`, `none`) nor declared.")
  /// A `holiday` or `workday` line in a cadence without a calendar.
  public static let calendarNeeded = DiagnosticCode(
    "calendar-needed", "A `holiday` or `workday` line in a cadence without a business calendar.")
  /// A day written twice among a cadence's `holiday` and `workday` lines.
  public static let repeatedDay = DiagnosticCode(
    "repeated-day", "A day written twice among a cadence's `holiday` and `workday` lines.")
  /// A `window` whose end is not after its start.
  public static let emptyWindow = DiagnosticCode(
    "empty-window", "A `window` whose end is not after its start (`21:00-08:00`, `09:00-09:00`).")
  /// A `window` on a channel no contact step of the cadence uses.
  public static let unusedWindow = DiagnosticCode(
    "unused-window", "A `window` on a channel that no contact step of the cadence uses.")
  /// A day written twice among a calendar declaration's `holiday` and `workday` lines.
  public static let repeatedCalendarDay = DiagnosticCode(
    "repeated-calendar-day", "A day written twice among a calendar declaration's `holiday` and `workday` lines.")
  /// A `holiday MM-DD` whose month and day are no day of any year (`02-30`).
  public static let badMonthDay = DiagnosticCode(
    "bad-month-day", "A recurring `holiday` whose `MM-DD` is no day of any year (`02-30`).")
  /// A calendar declaration's line that is not `holiday` or `workday`.
  public static let unknownCalendarLine = DiagnosticCode(
    "unknown-calendar-line", "A calendar declaration's line that is not `holiday` or `workday`.")
  /// Two calendars with one name, in one file or in one rules directory.
  public static let duplicateCalendar = DiagnosticCode(
    "duplicate-calendar", "Two calendars with one name, in one file or in one rules directory.")
  /// A calendar declaration named like a built-in calendar (`BR`, `US`, `none`).
  public static let builtInCalendarName = DiagnosticCode(
    "built-in-calendar-name", "A calendar declaration named like a built-in calendar (`BR`, `US`, `none`).")
  /// Calendars that extend each other in a cycle.
  public static let calendarCycle = DiagnosticCode("calendar-cycle", "Calendars that extend each other in a cycle.")
  /// A file with more than `Bounds.calendarsPerFile` calendar declarations.
  public static let tooManyCalendars = DiagnosticCode(
    "too-many-calendars", "A file with more than `Bounds.calendarsPerFile` calendar declarations.")
  /// A rate table `per day`: rates change by month, half-year or year.
  public static let dailyRateTable = DiagnosticCode(
    "daily-rate-table", "A rate table `per day`: its rates are `per month` or `per year`.")
  /// A rate table's line whose period is not `YYYY-MM`, `YYYY-H1`, `YYYY-H2` or `YYYY`.
  public static let badRatePeriod = DiagnosticCode(
    "bad-rate-period", "A rate table's period that is not `YYYY-MM`, `YYYY-H1`, `YYYY-H2` or `YYYY` (1900–2200).")
  /// A rate table's line whose rate is missing or not a percentage such as `0.5%`.
  public static let badTableRate = DiagnosticCode(
    "bad-table-rate", "A rate table's line whose rate is missing or not a percentage such as `0.5%`.")
  /// A rate table's period written twice, or overlapping another (`2026` and `2026-03`).
  public static let repeatedRatePeriod = DiagnosticCode(
    "repeated-rate-period", "A rate table's period written twice, or overlapping another (`2026` and `2026-03`).")
  /// A `rates` declaration without lines.
  public static let emptyRateTable = DiagnosticCode("empty-rate-table", "A `rates` declaration without lines.")
  /// Two rate tables with one name, in one file or in one rules directory.
  public static let duplicateRateTable = DiagnosticCode(
    "duplicate-rate-table", "Two rate tables with one name, in one file or in one rules directory.")
  /// A rate table with more than `Bounds.rateLinesPerTable` lines.
  public static let tooManyRateLines = DiagnosticCode(
    "too-many-rate-lines", "A rate table with more than `Bounds.rateLinesPerTable` lines.")
  /// A time zone that is not in the time-zone database.
  public static let unknownTimeZone = DiagnosticCode(
    "unknown-time-zone", "A time zone that is not in the time-zone database.")
  /// A currency code that is not ISO 4217.
  public static let unknownCurrency = DiagnosticCode("unknown-currency", "A currency code that is not ISO 4217.")
  /// An amount with more decimals than its currency has.
  public static let tooManyDecimals = DiagnosticCode(
    "too-many-decimals", "An amount with more decimals than its currency has.")
  /// A field name that does not exist.
  public static let unknownName = DiagnosticCode("unknown-name", "A field name that does not exist.")
  /// A comparison between values of different types.
  public static let typeMismatch = DiagnosticCode("type-mismatch", "A comparison between values of different types.")
  /// A value where a true-or-false condition is expected.
  public static let notACondition = DiagnosticCode(
    "not-a-condition", "A value where a true-or-false condition is expected.")
  /// A comparison of two constants, which never changes.
  public static let constantComparison = DiagnosticCode(
    "constant-comparison", "A comparison of two constants, which never changes.")
  /// A `fee`, `interest` or `discount` line that is not a typed charge.
  public static let badCharge = DiagnosticCode(
    "bad-charge", "A `fee`, `interest` or `discount` line that is not a typed charge.")
  /// `interest "NAME"` naming a rate table that is neither declared nor the host's.
  public static let unknownRateTable = DiagnosticCode(
    "unknown-rate-table", "`interest \"NAME\"` naming a rate table that is neither declared nor the host's.")
  /// A rate that is negative, absurd, or has more than six decimals.
  public static let badRate = DiagnosticCode(
    "bad-rate", "A rate that is negative, absurd, or has more than six decimals.")
  /// A charge step whose rate is above a cap its cadence declares (`cap fee 2%`).
  public static let aboveCap = DiagnosticCode(
    "above-cap", "A charge step whose rate is above a cap its cadence declares (`cap fee 2%`).")

  // MARK: Test blocks

  /// A test naming a cadence the file does not declare.
  public static let unknownCadence = DiagnosticCode(
    "unknown-cadence", "A test naming a cadence the file does not declare.")
  /// A line in a test block that is not one of its forms.
  public static let unknownTestLine = DiagnosticCode(
    "unknown-test-line", "A line in a test block that is not one of its forms.")
  /// A test without its invoice.
  public static let missingInvoice = DiagnosticCode("missing-invoice", "A test without its invoice.")
  /// A test invoice without a due date.
  public static let missingDue = DiagnosticCode("missing-due", "A test invoice without a due date.")
  /// `expect no` without an action or step.
  public static let missingExpectation = DiagnosticCode("missing-expectation", "`expect no` without an action or step.")
  /// A test that expects nothing.
  public static let noExpectations = DiagnosticCode("no-expectations", "A test that expects nothing.")
  /// An `expect` line of an unknown form.
  public static let unknownExpectation = DiagnosticCode("unknown-expectation", "An `expect` line of an unknown form.")
  /// A skip reason that does not exist.
  public static let unknownReason = DiagnosticCode("unknown-reason", "A skip reason that does not exist.")
  /// A step status that does not exist.
  public static let unknownStatus = DiagnosticCode("unknown-status", "A step status that does not exist.")

  // MARK: Lint warnings

  /// A `# regua: ignore` comment that names no code, or a code that is no warning's.
  public static let unknownLintCode = DiagnosticCode(
    "unknown-lint-code", "A `# regua: ignore` comment that names no code, or a code that is no warning's.")
  /// The lint rule `after-write-off`.
  public static let afterWriteOff = DiagnosticCode(
    "after-write-off", "A step scheduled after the cadence's `write off`, which stops collection.")
  /// The lint rule `comment-in-timeline`.
  public static let commentInTimeline = DiagnosticCode(
    "comment-in-timeline", "A `#` inside a timeline entry, which is part of the entry, not a comment.")
  /// The lint rule `impossible-comparison`.
  public static let impossibleComparison = DiagnosticCode(
    "impossible-comparison", "A comparison with a value the field never takes, so it is always or never true.")
  /// The lint rule `invisible-character`.
  public static let invisibleCharacter = DiagnosticCode(
    "invisible-character",
    "An invisible character (a zero-width space…) in a string, which makes it differ from what it shows.")
  /// The lint rule `look-alike-character`.
  public static let lookAlikeCharacter = DiagnosticCode(
    "look-alike-character", "A letter of another script that looks like an ASCII letter (Cyrillic `а`), in a string.")
  /// The lint rule `mixed-indentation`.
  public static let mixedIndentation = DiagnosticCode(
    "mixed-indentation",
    "Tabs and spaces mixed in one line's indentation or in one block's (a tab counts as one column).")
  /// The lint rule `never-sent`.
  public static let neverSent = DiagnosticCode(
    "never-sent", "An unconditional contact that the limits (or a newer contact) never let through.")
  /// The lint rule `out-of-order`.
  public static let outOfOrder = DiagnosticCode(
    "out-of-order", "A step declared after a later step of the same anchor.")
  /// The lint rule `same-day-contact`.
  public static let sameDayContact = DiagnosticCode(
    "same-day-contact", "Two contacts on one channel on the same day, both unconditional.")
  /// The lint rule `thousands-separator`.
  public static let thousandsSeparator = DiagnosticCode(
    "thousands-separator", "A number such as `1.000` that a Brazilian reads as one thousand but means 1.00.")
  /// The lint rule `redundant-holiday`.
  public static let redundantHoliday = DiagnosticCode(
    "redundant-holiday", "A `holiday` on a day the cadence's built-in calendar already closes.")
  /// The lint rule `any-day-non-contact`.
  public static let anyDayNonContact = DiagnosticCode(
    "any-day-non-contact", "`any day` on a step that is not a contact, which puts it on weekends and holidays.")
  /// `any day` in a cadence without a business calendar.
  public static let anyDayWithoutCalendar = DiagnosticCode(
    "any-day-without-calendar", "`any day` in a cadence without a business calendar, where it does nothing.")
  /// The lint rule `shifted-same-day`.
  public static let shiftedSameDay = DiagnosticCode(
    "shifted-same-day",
    "Two contacts on one channel, at different offsets, that the calendar puts on one day for some due dates.")
  /// The lint rule `unnamed-action`.
  public static let unnamedAction = DiagnosticCode(
    "unnamed-action", "A non-contact step without `as`: editing its line would make it fire again.")
  /// The lint rule `discount-after-due`.
  public static let discountAfterDue = DiagnosticCode(
    "discount-after-due", "A discount whose `until` is after the due date (`D+N`), which rewards paying late.")
  /// The lint rule `discount-ends-before-start`.
  public static let discountEndsBeforeStart = DiagnosticCode(
    "discount-ends-before-start", "A discount whose step is scheduled after its `until` day, so it is never in force.")
  /// The lint rule `uncapped-fee`.
  public static let uncappedFee = DiagnosticCode(
    "uncapped-fee", "A percentage fee without `max` in a consumer cadence.")
  /// The lint rule `fee-above-consumer-cap`.
  public static let feeAboveConsumerCap = DiagnosticCode(
    "fee-above-consumer-cap",
    "A percentage fee in a consumer cadence above the 2% cap on late fines (Brazil's CDC, art. 52 §1), "
      + "alone or with the others.")

  /// Every code, errors first, in the order of `Documentation/Diagnostics.md`.
  public static let all: [DiagnosticCode] = [
    notUTF8,
    fileTooLarge,
    lineTooLong,
    unexpectedCharacter,
    unterminatedString,
    unknownEscape,
    currencySymbol,
    unknownOperator,
    decimalComma,
    loneCarriageReturn,
    bidirectionalControl,
    controlCharacter,
    unknownDeclaration,
    unindentedLine,
    orphanLine,
    unquotedName,
    missingName,
    unknownAction,
    incompleteAction,
    missingAction,
    missingChannel,
    badChannel,
    expectedChannel,
    badOffset,
    daysAfterOffset,
    unknownOption,
    duplicateOption,
    badFallback,
    packLine,
    unknownPack,
    duplicatePack,
    disjointWindows,
    missingId,
    unexpectedToken,
    unexpectedComma,
    expectedComma,
    expectedWord,
    expectedValue,
    expectedKeyword,
    expectedNumber,
    expectedList,
    expectedDate,
    expectedStep,
    badNumber,
    badDate,
    badTime,
    badWeekday,
    badAmount,
    lowerCaseCurrency,
    missingCondition,
    missingOperand,
    missingTag,
    singleEquals,
    chainedComparison,
    unclosedList,
    unclosedParen,
    emptyList,
    listTooLong,
    tooDeep,
    outOfRange,
    nameTooLong,
    tooManySteps,
    tooManyLimits,
    tooManyWindows,
    tooManyTests,
    tooManyTestLines,
    cadenceCount,
    emptyTimeline,
    duplicateCadence,
    duplicateSetting,
    duplicateStep,
    badStepId,
    reservedOffset,
    offsetOutOfRange,
    offsetBeforeIssue,
    notifyBuiltIn,
    unknownChannel,
    unknownCalendar,
    calendarNeeded,
    repeatedDay,
    emptyWindow,
    unusedWindow,
    repeatedCalendarDay,
    badMonthDay,
    unknownCalendarLine,
    duplicateCalendar,
    builtInCalendarName,
    calendarCycle,
    tooManyCalendars,
    dailyRateTable,
    badRatePeriod,
    badTableRate,
    repeatedRatePeriod,
    emptyRateTable,
    duplicateRateTable,
    tooManyRateLines,
    unknownTimeZone,
    unknownCurrency,
    tooManyDecimals,
    unknownName,
    typeMismatch,
    notACondition,
    constantComparison,
    badCharge,
    unknownRateTable,
    badRate,
    aboveCap,
    unknownCadence,
    unknownTestLine,
    missingInvoice,
    missingDue,
    missingExpectation,
    noExpectations,
    unknownExpectation,
    unknownReason,
    unknownStatus,
    unknownLintCode,
    afterWriteOff,
    commentInTimeline,
    impossibleComparison,
    invisibleCharacter,
    lookAlikeCharacter,
    mixedIndentation,
    neverSent,
    outOfOrder,
    sameDayContact,
    thousandsSeparator,
    unnamedAction,
    redundantHoliday,
    anyDayNonContact,
    shiftedSameDay,
    anyDayWithoutCalendar,
    discountAfterDue,
    discountEndsBeforeStart,
    uncappedFee,
    feeAboveConsumerCap,
  ]
}
