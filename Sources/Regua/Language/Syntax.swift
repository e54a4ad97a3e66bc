/// The syntax tree of a rule file, with source ranges: what the parser read, not yet checked.
public struct RuleFileSyntax: Sendable, Hashable {
  /// The cadence declarations in file order.
  public var cadences: [CadenceSyntax]
  /// The test declarations in file order.
  public var tests: [TestSyntax]
}

/// A `cadence "name" [version N]` declaration and its body.
public struct CadenceSyntax: Sendable, Hashable {
  /// The cadence's name as written.
  public var name: String
  /// Where the name is.
  public var nameRange: SourceRange
  /// The declared version, if any.
  public var version: Int?
  /// The header line's range.
  public var range: SourceRange
  /// The body's items in order.
  public var items: [CadenceItemSyntax]
}

/// One line of a cadence's body.
public enum CadenceItemSyntax: Sendable, Hashable {
  /// `timezone "America/Sao_Paulo"`.
  case timeZone(String, SourceRange)
  /// `calendar BR`.
  case calendar(String, SourceRange)
  /// `catch up N days`.
  case catchUp(Int, SourceRange)
  /// A step line.
  case step(StepSyntax)
  /// `stop when …`.
  case stop(ExpressionSyntax, SourceRange)
  /// `pause when …`.
  case pause(ExpressionSyntax, SourceRange)
  /// `limit <channel|any> N per M days`.
  case limit(LimitSyntax)
}

/// An offset as written: `D+14`, `D-3`, `D0`, `I+14`, `P+1`.
public struct OffsetSyntax: Sendable, Hashable {
  /// The base letter, upper-case: `D`, `I` or `P`.
  public var base: Character
  /// The signed number of days (clamped to ±1,000,000 when written larger).
  public var days: Int
  /// Where it is.
  public var range: SourceRange
}

/// A step line: offset, action, arguments and options.
public struct StepSyntax: Sendable, Hashable {
  /// When the step is scheduled.
  public var offset: OffsetSyntax
  /// The action.
  public var action: ActionKind
  /// Where the action's keyword(s) are.
  public var actionRange: SourceRange
  /// The arguments as written (bare words, or the contents of quoted strings).
  public var arguments: [String]
  /// `when <expr>`, if present.
  public var when: ExpressionSyntax?
  /// `unless <expr>`, if present.
  public var unless: ExpressionSyntax?
  /// `as <id>` and where the id is, if present.
  public var explicitID: (String, SourceRange)?
  /// The whole line.
  public var range: SourceRange

  /// Compares every part, including the explicit id.
  public static func == (lhs: StepSyntax, rhs: StepSyntax) -> Bool {
    lhs.offset == rhs.offset && lhs.action == rhs.action && lhs.actionRange == rhs.actionRange
      && lhs.arguments == rhs.arguments && lhs.when == rhs.when && lhs.unless == rhs.unless
      && lhs.explicitID?.0 == rhs.explicitID?.0 && lhs.explicitID?.1 == rhs.explicitID?.1 && lhs.range == rhs.range
  }

  /// Hashes the step's position and action.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(range)
    hasher.combine(action)
  }
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

/// A comparison operator.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
  /// `==`
  case equal = "=="
  /// `!=`
  case notEqual = "!="
  /// `<`
  case less = "<"
  /// `<=`
  case lessOrEqual = "<="
  /// `>`
  case greater = ">"
  /// `>=`
  case greaterOrEqual = ">="

  /// Whether the operator orders values (all but `==` and `!=`).
  public var isOrdering: Bool { self != .equal && self != .notEqual }
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
