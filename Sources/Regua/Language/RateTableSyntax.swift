/// A `rates "NAME" per month|year` declaration and its lines: a published rate that changes over
/// time, which a cadence of the same rules directory names in `interest "NAME"`.
///
/// ```
/// rates "taxa-legal" per month
///   2026-01  0.594127%
///   2026-02  0.5%
///
/// rates "ecb-refi" per year
///   2025-H1  3.15%
///   2025-H2  2.15%
///   2026     2.15%
/// ```
///
/// The syntax keeps each rate as written: the compiler reads it as a rate and reports what is
/// wrong with it.
public struct RateTableSyntax: Sendable, Hashable {
  /// What a table's rates are for, as its header says.
  public enum Period: String, Sendable, Hashable {
    /// `per month`: each rate is a month's.
    case month
    /// `per year`: each rate is a year's.
    case year
  }

  /// The table's name as written.
  public var name: String
  /// Where the name is.
  public var nameRange: SourceRange
  /// What each rate is for.
  public var period: Period
  /// Where the period's word is.
  public var periodRange: SourceRange
  /// The header line's range.
  public var range: SourceRange
  /// The body's items in order.
  public var items: [RateItemSyntax]
  /// The comments and blank lines before the header, and its trailing comment.
  public var trivia = Trivia.none
  /// The header line as written, when it did not parse: the body is still read (so its errors
  /// are reported), but the table is never compiled.
  public var brokenHeader: String?

  /// Creates a rate table declaration.
  public init(
    name: String, nameRange: SourceRange, period: Period, periodRange: SourceRange, range: SourceRange,
    items: [RateItemSyntax] = [], trivia: Trivia = .none, brokenHeader: String? = nil
  ) {
    self.name = name
    self.nameRange = nameRange
    self.period = period
    self.periodRange = periodRange
    self.range = range
    self.items = items
    self.trivia = trivia
    self.brokenHeader = brokenHeader
  }
}

/// One line of a rate table's body, with its comments and the blank lines before it.
public struct RateItemSyntax: Sendable, Hashable {
  /// What the line says.
  public enum Kind: Sendable, Hashable {
    /// A period and its rate: `2026-01  0.5%`.
    case rate(RateLineSyntax)
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
    case .rate(let line): return line.range
    case .error(let line): return line.range
    }
  }
}

/// A rate table's line as written: a period of whole months and the rate in force in it.
public struct RateLineSyntax: Sendable, Hashable {
  /// The months a line covers.
  public enum Key: Sendable, Hashable {
    /// `YYYY-MM`: one month, 1–12.
    case month(year: Int, month: Int)
    /// `YYYY-H1` (January to June) or `YYYY-H2` (July to December).
    case halfYear(year: Int, half: Int)
    /// `YYYY`: a whole year.
    case year(Int)

    /// The first month, as a count of months since year 0 (`year × 12 + month − 1`).
    public var firstMonth: Int {
      switch self {
      case .month(let year, let month): return year * 12 + month - 1
      case .halfYear(let year, let half): return year * 12 + (half == 2 ? 6 : 0)
      case .year(let year): return year * 12
      }
    }

    /// How many months it covers: 1, 6 or 12.
    public var months: Int {
      switch self {
      case .month: return 1
      case .halfYear: return 6
      case .year: return 12
      }
    }

    /// The key as a rule file writes it: `2026-03`, `2026-H1`, `2026`.
    public var text: String {
      switch self {
      case .month(let year, let month): return "\(year)-\(month < 10 ? "0" : "")\(month)"
      case .halfYear(let year, let half): return "\(year)-H\(half)"
      case .year(let year): return String(year)
      }
    }
  }

  /// The months the line covers.
  public var key: Key
  /// Where the key is.
  public var keyRange: SourceRange
  /// The rate as written, `0.5%`: the compiler reads it.
  public var rate: String
  /// Where the rate is.
  public var rateRange: SourceRange
  /// The line's range.
  public var range: SourceRange

  /// Creates a line.
  public init(key: Key, keyRange: SourceRange, rate: String, rateRange: SourceRange, range: SourceRange) {
    self.key = key
    self.keyRange = keyRange
    self.rate = rate
    self.rateRange = rateRange
    self.range = range
  }
}
