/// The syntax tree of a rule file, with source ranges: what the parser read, not yet checked.
///
/// The tree is lossless where tools need it: every line of code is in it — a line that did not
/// parse as an error node — with its comments and the blank lines before it (``Trivia``), every
/// argument with its range and quoting, and declarations in file order. The formatter prints the
/// file from it; an editor can map any position back to a node.
public struct RuleFileSyntax: Sendable, Hashable {
  /// The declarations in file order, including lines at column 0 that did not parse.
  public var declarations: [DeclarationSyntax]
  /// The blank lines and comments after the last line of code.
  public var endTrivia: [TriviaPiece]

  /// Creates a syntax tree.
  public init(declarations: [DeclarationSyntax] = [], endTrivia: [TriviaPiece] = []) {
    self.declarations = declarations
    self.endTrivia = endTrivia
  }

  /// The cadence declarations in file order.
  public var cadences: [CadenceSyntax] {
    declarations.compactMap { declaration in
      if case .cadence(let cadence) = declaration { return cadence }
      return nil
    }
  }

  /// The test declarations in file order.
  public var tests: [TestSyntax] {
    declarations.compactMap { declaration in
      if case .test(let test) = declaration { return test }
      return nil
    }
  }

  /// The calendar declarations in file order.
  public var calendars: [CalendarSyntax] {
    declarations.compactMap { declaration in
      if case .calendar(let calendar) = declaration { return calendar }
      return nil
    }
  }

  /// The pack declarations in file order.
  public var packs: [PackSyntax] {
    declarations.compactMap { declaration in
      if case .pack(let pack) = declaration { return pack }
      return nil
    }
  }

  /// The rate table declarations in file order.
  public var rateTables: [RateTableSyntax] {
    declarations.compactMap { declaration in
      if case .rates(let table) = declaration { return table }
      return nil
    }
  }
}

/// One declaration of a rule file.
public enum DeclarationSyntax: Sendable, Hashable {
  /// A `cadence` block.
  case cadence(CadenceSyntax)
  /// A `test` block.
  case test(TestSyntax)
  /// A `calendar` block.
  case calendar(CalendarSyntax)
  /// A `rates` block.
  case rates(RateTableSyntax)
  /// A `pack` block.
  case pack(PackSyntax)
  /// A line that did not parse and belongs to no block (such as an indented line before the
  /// first declaration), with its trivia.
  case error(ErrorLineSyntax, Trivia)
}

/// A `cadence "name" [version N]` declaration and its body.
public struct CadenceSyntax: Sendable, Hashable {
  /// The cadence's name as written.
  public var name: String
  /// Where the name is.
  public var nameRange: SourceRange
  /// The declared version, if any.
  public var version: Int?
  /// Where the version's number is, if any.
  public var versionRange: SourceRange?
  /// The header line's range.
  public var range: SourceRange
  /// The body's items in order.
  public var items: [CadenceItemSyntax]
  /// The comments and blank lines before the header, and its trailing comment.
  public var trivia = Trivia.none
  /// The header line as written, when it did not parse: the body is still read and checked (so
  /// its errors are reported), but the cadence is never compiled.
  public var brokenHeader: String?
}

/// One line of a cadence's body, with its comments and the blank lines before it.
public struct CadenceItemSyntax: Sendable, Hashable {
  /// What the line says.
  public enum Kind: Sendable, Hashable {
    /// `timezone "America/Sao_Paulo"`.
    case timeZone(String, SourceRange)
    /// `calendar BR`.
    case calendar(String, SourceRange)
    /// `catch up N days`: N, the line's range and N's.
    case catchUp(Int, SourceRange, numberRange: SourceRange)
    /// A step line.
    case step(StepSyntax)
    /// `stop when …`.
    case stop(ExpressionSyntax, SourceRange)
    /// `pause when …`.
    case pause(ExpressionSyntax, SourceRange)
    /// `limit <channel|any> N per M days`.
    case limit(LimitSyntax)
    /// `holiday YYYY-MM-DD "name"`.
    case holiday(HolidaySyntax)
    /// `workday YYYY-MM-DD`: the date, where it is, and the line's range.
    case workday(CivilDate, dateRange: SourceRange, range: SourceRange)
    /// `window <channel|any> HH:MM-HH:MM [mon-fri | days LIST]`.
    case window(WindowSyntax)
    /// `cap fee R%` or `cap interest R% per PERIOD`.
    case cap(CapSyntax)
    /// `group by invoice`: in an account, contacts stay one per invoice.
    case groupByInvoice(SourceRange)
    /// `after conversation wait N days [for CHANNEL]`.
    case conversationWait(ConversationWaitSyntax)
    /// `include "NAME"`: a pack's lines; the name, where it is, and the line's range.
    case include(String, nameRange: SourceRange, range: SourceRange)
    /// A line that did not parse (the error was reported).
    case error(ErrorLineSyntax)
  }

  /// What the line says.
  public var kind: Kind
  /// The blank lines and comments before the line, and its trailing comment.
  public var trivia: Trivia

  /// Creates an item.
  public init(_ kind: Kind, trivia: Trivia = .none) {
    self.kind = kind
    self.trivia = trivia
  }

  /// The line's range.
  public var range: SourceRange {
    switch kind {
    case .timeZone(_, let range), .calendar(_, let range), .catchUp(_, let range, _), .stop(_, let range),
      .pause(_, let range), .groupByInvoice(let range):
      return range
    case .step(let step): return step.range
    case .limit(let limit): return limit.range
    case .conversationWait(let wait): return wait.range
    case .include(_, _, let range): return range
    case .holiday(let holiday): return holiday.range
    case .workday(_, _, let range): return range
    case .window(let window): return window.range
    case .cap(let cap): return cap.range
    case .error(let line): return line.range
    }
  }
}

/// An offset as written: `D+14`, `D-3`, `D0`, `I+14`, `P+1`.
public struct OffsetSyntax: Sendable, Hashable {
  /// The base letter, upper-case: `D`, `I` or `P`.
  public var base: Character
  /// The signed number of days (clamped to ±1,000,000 when written larger).
  public var days: Int
  /// Where it is.
  public var range: SourceRange
  /// What it counts: `business days` after the number make it count business days.
  public var unit: Offset.Unit = .days

  /// The offset it writes: `D` counts from the due date, `I` from the issue date, `P` from a
  /// promise.
  public var offset: Offset {
    switch base {
    case "I": return Offset(.issue, days, unit: unit)
    case "P": return Offset(.promise, days, unit: unit)
    default: return Offset(.due, days, unit: unit)
    }
  }
}

/// An argument, a step id or a name as written: its value, where it is, and whether it was quoted.
public struct ArgumentSyntax: Sendable, Hashable {
  /// The value: the bare word, or the decoded contents of the quoted string.
  public var value: String
  /// Where it is, quotes included.
  public var range: SourceRange
  /// Whether it was written as a quoted string.
  public var isQuoted: Bool

  /// Creates an argument.
  public init(_ value: String, range: SourceRange, isQuoted: Bool) {
    self.value = value
    self.range = range
    self.isQuoted = isQuoted
  }
}

/// A step line: offset, action, arguments and options.
public struct StepSyntax: Sendable, Hashable {
  /// When the step is scheduled.
  public var offset: OffsetSyntax
  /// The action.
  public var action: ActionKind
  /// Where the action's keyword(s) are.
  public var actionRange: SourceRange
  /// The arguments as written (bare words, or the contents of quoted strings), with ranges.
  public var arguments: [ArgumentSyntax]
  /// `when <expr>`, if present.
  public var when: ExpressionSyntax?
  /// `unless <expr>`, if present.
  public var unless: ExpressionSyntax?
  /// `as <id>`, if present.
  public var explicitID: ArgumentSyntax?
  /// Where `any day` is, when the step has it: the step is not moved off non-business days.
  public var anyDay: SourceRange?
  /// `fallback CHANNEL, …`: the channels the contact may go out on instead of its own, in order
  /// (a built-in channel's name, or a host channel's as `notify NAME` writes it), each with its
  /// range; empty without the option.
  public var fallbacks: [ArgumentSyntax] = []
  /// The whole line.
  public var range: SourceRange
}

/// `holiday YYYY-MM-DD "name"` as written: a day the cadence's business calendar closes.
public struct HolidaySyntax: Sendable, Hashable {
  /// The day.
  public var date: CivilDate
  /// Where the date is.
  public var dateRange: SourceRange
  /// The holiday's name.
  public var name: String
  /// The line's range.
  public var range: SourceRange
}

/// `window <channel|any> HH:MM-HH:MM [mon-fri | days LIST]` as written: when a channel may
/// contact a customer, on the customer's wall clock.
public struct WindowSyntax: Sendable, Hashable {
  /// The channel as written, or `any`.
  public var channel: String
  /// Where the channel is.
  public var channelRange: SourceRange
  /// When the window opens.
  public var from: LocalTime
  /// When it closes (not checked to be after ``from`` until the cadence is checked).
  public var to: LocalTime
  /// Where the hours are.
  public var hoursRange: SourceRange
  /// The weekdays it opens: every day when the line names none.
  public var days: WeekdaySet
  /// Where the days are, when the line names them.
  public var daysRange: SourceRange?
  /// The line's range.
  public var range: SourceRange
}

/// `limit <channel|any> N per M days` as written.
public struct ConversationWaitSyntax: Sendable, Hashable {
  /// N.
  public var days: Int
  /// Where N is.
  public var daysRange: SourceRange
  /// The channel after `for`, or `nil` for every contact channel.
  public var channel: String?
  /// Where the channel is; the line's range without one.
  public var channelRange: SourceRange
  /// The whole line.
  public var range: SourceRange
}

/// `limit <channel|any> N per M days` as written.
public struct LimitSyntax: Sendable, Hashable {
  /// The channel, or `any`.
  public var channel: String
  /// Where the channel is.
  public var channelRange: SourceRange
  /// N.
  public var count: Int
  /// M.
  public var days: Int
  /// Where the numbers are, for range errors.
  public var countRange: SourceRange
  /// Where M is.
  public var daysRange: SourceRange
  /// The whole line.
  public var range: SourceRange
}

/// An expression as written, before names and types are checked.
public indirect enum ExpressionSyntax: Sendable, Hashable {
  /// A name: a field such as `balance` or `customer.segment`, or a built-in condition.
  case name(String, SourceRange)
  /// A number such as `500`, `500.00`, `-3`.
  case number(String, SourceRange)
  /// A number with a currency: `500.00 BRL`.
  case money(String, currency: String, SourceRange)
  /// A quoted string.
  case string(String, SourceRange)
  /// `true` or `false`.
  case boolean(Bool, SourceRange)
  /// `tagged "x"`.
  case tagged(String, SourceRange)
  /// `not e`.
  case not(ExpressionSyntax, SourceRange)
  /// `a and b`.
  case and(ExpressionSyntax, ExpressionSyntax)
  /// `a or b`.
  case or(ExpressionSyntax, ExpressionSyntax)
  /// `a OP b`; the range is the operator's.
  case comparison(ExpressionSyntax, ComparisonOperator, ExpressionSyntax, SourceRange)
  /// `a in [x, y]`; the range is the list's.
  case membership(ExpressionSyntax, [ExpressionSyntax], SourceRange)
  /// `(e)`.
  case parenthesized(ExpressionSyntax, SourceRange)

  /// The whole expression's range.
  public var range: SourceRange {
    switch self {
    case .name(_, let r), .number(_, let r), .money(_, _, let r), .string(_, let r), .boolean(_, let r),
      .tagged(_, let r), .not(_, let r), .parenthesized(_, let r):
      return r
    case .and(let a, let b), .or(let a, let b), .comparison(let a, _, let b, _):
      return a.range.extended(to: b.range)
    case .membership(let a, _, let r):
      return a.range.extended(to: r)
    }
  }
}

/// `cap fee R%` or `cap interest R% per PERIOD`: what is capped and the words of the rate, read
/// as a charge line's are.
public struct CapSyntax: Sendable, Hashable {
  /// `fee` or `interest`.
  public var kind: String
  /// Where the kind is.
  public var kindRange: SourceRange
  /// The words after the kind (`2%`; `1%`, `per`, `month`), with their ranges.
  public var words: [ArgumentSyntax]
  /// The whole line.
  public var range: SourceRange

  /// Creates a cap line.
  public init(kind: String, kindRange: SourceRange, words: [ArgumentSyntax], range: SourceRange) {
    self.kind = kind
    self.kindRange = kindRange
    self.words = words
    self.range = range
  }
}
