/// A `test "name"` declaration: an invoice, optional facts, and expectations about a cadence.
public struct TestSyntax: Sendable, Hashable {
  /// The test's name.
  public var name: String
  /// The header line.
  public var range: SourceRange
  /// The body's items in order.
  public var items: [TestItemSyntax]
  /// Whether a line of the test could not be parsed (and was reported): the rest is still
  /// checked, but the test is never run.
  public var hasErrors = false
  /// The comments and blank lines before the header, and its trailing comment.
  public var trivia = Trivia.none
  /// The header line as written, when it did not parse.
  public var brokenHeader: String?
}

/// A date in a test: an ISO date (`2026-03-24`) or an offset of the invoice (`D+14`, `I+3`).
public struct DateSyntax: Sendable, Hashable {
  /// The text as written.
  public var text: String
  /// Where it is.
  public var range: SourceRange
}

/// One line of a test's body, with its comments and the blank lines before it.
public struct TestItemSyntax: Sendable, Hashable {
  /// What the line says.
  public var kind: TestLineSyntax
  /// The line's range.
  public var range: SourceRange
  /// The blank lines and comments before the line, and its trailing comment.
  public var trivia: Trivia

  /// Creates an item.
  public init(_ kind: TestLineSyntax, range: SourceRange, trivia: Trivia = .none) {
    self.kind = kind
    self.range = range
    self.trivia = trivia
  }
}

/// One entry of a test's `timeline`, as written: the text is compared with white space folded.
public struct TimelineEntrySyntax: Sendable, Hashable {
  /// The entry's text, without indentation or comment.
  public var text: String
  /// Where the entry starts.
  public var position: SourcePosition
  /// The blank lines and comments before the entry, and its trailing comment.
  public var trivia: Trivia

  /// Creates an entry.
  public init(text: String, position: SourcePosition, trivia: Trivia = .none) {
    self.text = text
    self.position = position
    self.trivia = trivia
  }
}

/// What one line of a test's body says.
public enum TestLineSyntax: Sendable, Hashable {
  /// `cadence NAME`: the cadence under test.
  case cadence(String, SourceRange)
  /// `invoice AMOUNT [CURRENCY] due DATE [issued DATE] [id ID]`.
  case invoice(amount: String, currency: String?, due: DateSyntax, issued: DateSyntax?, id: String?, SourceRange)
  /// `customer [person|company] [segment S] [id ID]`.
  case customer(kind: String?, segment: String?, id: String?, SourceRange)
  /// `opt-out CHANNEL...`: the channels the customer opted out of.
  case optOut([String], SourceRange)
  /// `prefers CHANNEL...`: the customer's preferred channels, in order.
  case prefers([String], SourceRange)
  /// `timezone "Area/City"`: the customer's time zone (where windows are placed).
  case timeZone(String, SourceRange)
  /// `tagged TAG...`: the invoice's tags.
  case tagged([String], SourceRange)
  /// `status open|disputed|cancelled|written-off`.
  case status(String, SourceRange)
  /// `payment AMOUNT on DATE`.
  case payment(amount: String, date: DateSyntax, SourceRange)
  /// `promise by DATE [made DATE]`.
  case promise(date: DateSyntax, made: DateSyntax?, SourceRange)
  /// `history STEP on DATE [channel C]`.
  case history(step: String, date: DateSyntax, channel: String?, SourceRange)
  /// `conversation on DATE [channel C]`: a conversation with the customer in the history (an
  /// entry of kind `conversation`), which `after conversation wait` lines count from.
  case conversation(date: DateSyntax, channel: String?, SourceRange)
  /// `on DATE expect …`.
  case expectation(on: DateSyntax, ExpectationSyntax, SourceRange)
  /// `timeline [from DATE] [to DATE]` and the expected entries on the lines indented under it.
  case timeline(from: DateSyntax?, to: DateSyntax?, entries: [TimelineEntrySyntax], SourceRange)
  /// A line that did not parse (the error was reported).
  case error(ErrorLineSyntax)
}

/// What an `on DATE expect …` line expects.
public enum ExpectationSyntax: Sendable, Hashable {
  /// `expect call`, `expect email reminder`, `expect d+14-call`: something fires.
  case fires([String])
  /// `expect no sms`: nothing matching fires.
  case doesNotFire([String])
  /// `expect nothing`: no action at all.
  case nothing
  /// `expect skipped d+14-call [reason]`.
  case skipped(step: String, reason: String?)
  /// `expect next DATE` or `expect next none`.
  case next(DateSyntax?)
  /// `expect balance 1030.00` (the total owed) or `expect balance interest 10.00` (one of
  /// `principal`, `fees`, `interest`, `discount`), as the plan's `balance` says.
  case balance(component: String?, amount: String)
}
